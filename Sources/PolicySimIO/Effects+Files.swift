import Foundation

extension Effects {
  /// The name of the effects table in a comparison folder.
  public static let fileName = "effects.csv"

  /// Writes effects.csv, then each of `charts`, then manifest.json (`manifest` plus the
  /// reference, seed, runs and `inputs`), each atomically and the manifest last, so a
  /// complete-looking manifest implies complete files.
  public func write(to folder: URL, charts: [(name: String, svg: String)], inputs: JSONValue, manifest extra: [String: JSONValue]) throws {
    try AtomicFile.write(table.content, to: folder.appendingPathComponent(Self.fileName))
    for chart in charts { try AtomicFile.write(chart.svg, to: folder.appendingPathComponent(chart.name)) }
    var manifest = extra
    manifest["reference"] = .string(reference)
    manifest["seed"] = .number(Double(seed))
    manifest["runs"] = .number(Double(runs))
    manifest["scenarios"] = inputs
    try AtomicFile.write(canonicalJSON(.object(manifest)) + "\n", to: folder.appendingPathComponent("manifest.json"))
  }
}
