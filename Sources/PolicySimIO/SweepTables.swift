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
