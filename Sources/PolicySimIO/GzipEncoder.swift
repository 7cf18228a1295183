import CZlib

/// A gzip (RFC 1952) compressor over the system zlib. The header carries no file name and a
/// zero time stamp, so the same input always gives the same bytes.
final class GzipEncoder {
  private var stream = z_stream()
  private var output = [UInt8](repeating: 0, count: 1 << 16)

  /// A compressor at zlib `level` (1 fastest … 9 smallest).
  init(level: Int32) {
    let status = czlib_deflate_init_gzip(&stream, level)
    precondition(status == Z_OK, "deflateInit2 failed (\(status)): zlib out of memory or mismatched")
  }

  deinit { deflateEnd(&stream) }

  /// Compresses `input` (with `finish`, ends the stream) and hands each compressed piece to `sink`.
  func compress(_ input: UnsafeRawBufferPointer, finish: Bool, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
    stream.avail_in = uInt(input.count)
    var status: Int32
    repeat {
      status = try output.withUnsafeMutableBufferPointer { buffer -> Int32 in
        stream.next_out = buffer.baseAddress
        stream.avail_out = uInt(buffer.count)
        let status = deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
        try sink(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<(buffer.count - Int(stream.avail_out))]))
        return status
      }
    } while stream.avail_out == 0 || (finish && status == Z_OK)
    precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed (\(status))")
  }
}
