import Foundation

/// What a manifest records of one output file: its data rows, size and SHA-256, so a reader can
/// tell the complete file from a cut, damaged or replaced one.
public struct FileRecord: Equatable, Sendable {
  public let name: String
  /// Text lines, the header included (of the uncompressed text for a .gz file).
  public let lines: Int
  /// Size on disk.
  public let bytes: Int
  /// SHA-256 of the bytes on disk, lower-case hexadecimal.
  public let sha256: String

  /// Data rows: the lines after the header.
  public var rows: Int { max(0, lines - 1) }

  /// The manifest's `files` table: `{"summary.csv": {"bytes": …, "rows": …, "sha256": …}, …}`.
  public static func table(_ records: [FileRecord]) -> JSONValue {
    .object(Dictionary(uniqueKeysWithValues: records.map { record in
      (record.name, .object(["rows": .number(Double(record.rows)), "bytes": .number(Double(record.bytes)), "sha256": .string(record.sha256)]))
    }))
  }

  /// The key of that table in a manifest.
  public static let manifestKey = "files"

  /// Checks that each file of `names` in `folder` has the size and SHA-256 that the manifest's
  /// `files` table records: the verifier of every command that reads results.
  /// - Throws: ``ResultsError`` naming the first file that is missing, unrecorded or differs.
  public static func verify(_ names: [String], in folder: URL, manifest: [String: JSONValue]) throws {
    let manifestPath = folder.appendingPathComponent("manifest.json").path
    guard case .object(let table)? = manifest[manifestKey] else {
      throw ResultsError(manifestPath, "no \"files\" table of sizes and SHA-256 hashes (written by an older policysim, or edited); rerun the command that wrote \(folder.path)")
    }
    for name in names {
      let path = folder.appendingPathComponent(name).path
      guard case .object(let entry)? = table[name], case .number(let bytes)? = entry["bytes"],
        case .string(let sha256)? = entry["sha256"]
      else {
        throw ResultsError(manifestPath, "at $.files: expected a record of \(name) (bytes, rows, sha256), found none")
      }
      guard FileManager.default.fileExists(atPath: path) else {
        throw ResultsError(folder.path, "no \(name) here, though manifest.json records it; rerun the command that wrote \(folder.path)")
      }
      let found = try measuring(URL(fileURLWithPath: path))
      guard Double(found.bytes) == bytes, found.sha256 == sha256 else {
        throw ResultsError(path, "damaged or replaced: \(found.bytes) bytes with SHA-256 \(found.sha256.prefix(12))…, but manifest.json records \(CSVTable.number(bytes)) bytes with SHA-256 \(sha256.prefix(12))…; rerun the command that wrote it")
      }
    }
  }

  /// The record of the file at `url` as it is on disk, read in pieces (lines are those of the
  /// bytes on disk, so of the compressed stream for a .gz file).
  /// - Throws: ``IOFailure``.
  public static func measuring(_ url: URL) throws -> FileRecord {
    let path = url.path
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw IOFailure.fromErrno("read", path) }
    defer { close(descriptor) }
    var hash = SHA256Stream(), total = 0, lines = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw IOFailure.fromErrno("read", path)
      }
      if count == 0 { break }
      buffer.withUnsafeBytes { bytes in
        let piece = UnsafeRawBufferPointer(rebasing: bytes[..<count])
        hash.update(piece)
        lines += piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      }
      total += count
    }
    return FileRecord(name: url.lastPathComponent, lines: lines, bytes: total, sha256: hash.hex())
  }
}
