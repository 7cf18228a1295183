import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One row of `cells` numbers per replication, kept on disk so that statistics over every
/// replication of a cell need memory for one block of cells at a time, not for every row.
///
/// Exact quantiles need all of a cell's values at once, but the values arrive row by row (one
/// replication after another). The store writes each row's slice of each block of adjacent
/// cells to that block's region of an unlinked temporary file (block-major, then row, then
/// cell), so a block reads back for every row in one read. Rows may be written in any order
/// from any thread; what is read back depends only on what was written, never on the order.
public final class CellStore: @unchecked Sendable {
  /// Numbers per row.
  public let cells: Int
  /// Rows (replications).
  public let rows: Int
  /// Cells per block; the last block may hold fewer.
  public let blockCells: Int
  private let descriptor: Int32

  /// An empty store of `rows` × `cells` numbers in a temporary file in `directory` (removed
  /// from the directory at once, released when the store is). Blocks are sized so that one
  /// holds at most `blockBytes` (but at least one cell).
  /// - Throws: `POSIXError` when the file cannot be created.
  public init(cells: Int, rows: Int, in directory: URL, blockBytes: Int = 16 << 20) throws {
    precondition(cells > 0 && rows > 0, "a store needs cells and rows")
    self.cells = cells
    self.rows = rows
    blockCells = min(cells, max(1, blockBytes / (rows * MemoryLayout<Double>.size)))
    var template = Array(directory.appendingPathComponent(".cells.tmp-XXXXXX").path.utf8CString)
    descriptor = mkstemp(&template)
    guard descriptor >= 0 else { throw Self.posixError() }
    unlink(String(cString: template))
  }

  deinit { close(descriptor) }

  /// The bytes the file holds when every row is written.
  public static func fileBytes(cells: Int, rows: Int) -> Int { cells * rows * MemoryLayout<Double>.size }

  /// Stores row `row` (exactly ``cells`` numbers). Distinct rows may be written concurrently.
  /// - Throws: `POSIXError` on a write error (a full disk, say).
  public func write(row: Int, _ values: [Double]) throws {
    precondition(values.count == cells && (0..<rows).contains(row), "row \(row) of \(values.count) cells")
    try values.withUnsafeBytes { bytes in
      for block in stride(from: 0, to: cells, by: blockCells) {
        let width = min(blockCells, cells - block)
        let slice = UnsafeRawBufferPointer(rebasing: bytes[(block * 8)..<((block + width) * 8)])
        try transfer(slice.count, at: offset(block: block, row: row)) { pwrite(descriptor, slice.baseAddress! + $0, $1, $2) }
      }
    }
  }

  /// `transform` applied to every cell's values (in row order), in cell order, computed on up
  /// to `threads` threads one block at a time.
  /// - Throws: `POSIXError` on a read error.
  public func mapCells<T: Sendable>(threads: Int, _ transform: @Sendable ([Double]) -> T) throws -> [T] {
    var results: [T] = []
    results.reserveCapacity(cells)
    for block in stride(from: 0, to: cells, by: blockCells) {
      let width = min(blockCells, cells - block)
      var buffer = [Double](repeating: 0, count: width * rows)
      try buffer.withUnsafeMutableBytes { bytes in
        try transfer(bytes.count, at: offset(block: block, row: 0)) { pread(descriptor, bytes.baseAddress! + $0, $1, $2) }
      }
      let values = buffer, rows = self.rows
      results += parallelMap(width, threads: threads) { cell in
        transform((0..<rows).map { values[$0 * width + cell] })
      }
    }
    return results
  }

  /// The file offset of `row`'s slice of the block that starts at cell `block`.
  private func offset(block: Int, row: Int) -> Int {
    (block * rows + row * min(blockCells, cells - block)) * MemoryLayout<Double>.size
  }

  /// Repeats `call(done, remaining, offset)` (pread or pwrite) until `count` bytes are moved.
  private func transfer(_ count: Int, at offset: Int, _ call: (Int, Int, off_t) -> Int) throws {
    var done = 0
    while done < count {
      let moved = call(done, count - done, off_t(offset + done))
      if moved < 0, errno == EINTR { continue }
      guard moved > 0 else { throw moved == 0 ? POSIXError(.EIO) : Self.posixError() }
      done += moved
    }
  }

  private static func posixError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
