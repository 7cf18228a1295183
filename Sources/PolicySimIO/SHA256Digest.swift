import CCrypto

/// SHA-256 digests, computed by the system's OpenSSL libcrypto (`EVP_Digest` with
/// `EVP_sha256`): the hash that identifies scenarios and sweep specs in every output.
enum SHA256Digest {
  /// The lower-case hexadecimal SHA-256 of `text`'s UTF-8 bytes (64 characters).
  static func hex(of text: String) -> String {
    var bytes = Array(text.utf8)
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let succeeded = EVP_Digest(&bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
    // Fails only when libcrypto cannot allocate a context: nothing an input could cause.
    precondition(succeeded == 1 && length == 32, "libcrypto's EVP_Digest(SHA-256) failed")
    return hexadecimal(digest.prefix(Int(length)))
  }

  /// `bytes` as lower-case hexadecimal, two digits each.
  static func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}

/// SHA-256 of bytes given in pieces (an output file as it is written), through libcrypto's
/// `EVP_DigestUpdate`; the same digest as ``SHA256Digest/hex(of:)`` of their concatenation.
struct SHA256Stream {
  /// The libcrypto context, freed with the last copy of the stream.
  private final class Context {
    let pointer: OpaquePointer

    init() {
      // Fail only when libcrypto cannot allocate: nothing an input could cause.
      guard let pointer = EVP_MD_CTX_new(), EVP_DigestInit_ex(pointer, EVP_sha256(), nil) == 1 else {
        preconditionFailure("libcrypto's EVP_DigestInit_ex(SHA-256) failed")
      }
      self.pointer = pointer
    }

    deinit { EVP_MD_CTX_free(pointer) }
  }

  private let context = Context()

  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    precondition(EVP_DigestUpdate(context.pointer, base, bytes.count) == 1, "libcrypto's EVP_DigestUpdate failed")
  }

  /// Lower-case hexadecimal digest of everything given so far (the stream is left as it was).
  func hex() -> String {
    guard let copy = EVP_MD_CTX_new() else { preconditionFailure("libcrypto's EVP_MD_CTX_new failed") }
    defer { EVP_MD_CTX_free(copy) }
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    precondition(
      EVP_MD_CTX_copy_ex(copy, context.pointer) == 1 && EVP_DigestFinal_ex(copy, &digest, &length) == 1 && length == 32,
      "libcrypto's EVP_DigestFinal_ex(SHA-256) failed")
    return SHA256Digest.hexadecimal(digest.prefix(Int(length)))
  }
}
