import Foundation

/// The row-per-point output files of a sweep (or of one shard): points.csv and results.csv,
/// keyed by point so shards can be combined, and written in point order.
public struct SweepTables {
  public static let pointsFile = "points.csv"
  public static let resultsFile = "results.csv"
  public static let manifestFile = "manifest.json"
  /// The results.csv header.
  public static let resultsHeader = "point,metric,date,mean,sd,p05,p50,p95"

  /// The points.csv header: `point` and one column per parameter.
  public var pointsHeader: String
  /// Each point's points.csv line, newline included.
  public var points: [Int: String] = [:]
  /// Each point's results.csv lines, newlines included.
  public var results: [Int: String] = [:]

  public init(parameterNames: [String]) {
    pointsHeader = String(CSVTable(header: ["point"] + parameterNames).content.dropLast())
  }

  init(pointsHeader: String) { self.pointsHeader = pointsHeader }

  /// The header and data lines of the sweep CSV file `name` in `folder` (sweep files never quote).
  /// - Throws: ``SweepOutputError`` when the file is missing, empty, or cut (its last line has
  ///   no newline).
  static func lines(of folder: URL, _ name: String) throws -> (header: Substring, rows: [Substring]) {
    let url = folder.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SweepOutputError("\(url.path): error: missing; is \(folder.path) a finished sweep or shard? (rerun its sweep command: it resumes from its journal)")
    }
    guard data.last == UInt8(ascii: "\n") else {
      throw SweepOutputError("\(url.path): error: \(data.isEmpty ? "empty" : "cut: its last line has no newline"); rerun the sweep command that wrote it")
    }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    return (lines[0], Array(lines.dropFirst()))
  }

  /// The first field of a CSV line as a point number.
  static func point(ofLine line: Substring) -> Int? { Int(line.prefix { $0 != "," }) }

  /// Writes points.csv, results.csv and then `manifest` (as canonical JSON, with the two
  /// files' sizes, rows and SHA-256 under `files`) into `folder`, each atomically, so a
  /// manifest that matches the tables implies complete tables.
  /// - Throws: ``IOFailure``.
  public func write(to folder: URL, manifest: [String: JSONValue]) throws {
    let order = points.keys.sorted()
    let pointsRecord = try AtomicFile.write(
      pointsHeader + "\n" + order.map { points[$0]! }.joined(),
      to: folder.appendingPathComponent(Self.pointsFile))
    let resultsRecord = try AtomicFile.write(
      Self.resultsHeader + "\n" + order.map { results[$0] ?? "" }.joined(),
      to: folder.appendingPathComponent(Self.resultsFile))
    var manifest = manifest
    manifest[FileRecord.manifestKey] = FileRecord.table([pointsRecord, resultsRecord])
    try AtomicFile.write(canonicalJSON(.object(manifest)) + "\n", to: folder.appendingPathComponent(Self.manifestFile))
  }
}
