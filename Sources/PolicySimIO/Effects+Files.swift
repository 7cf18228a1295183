import Foundation

extension Effects {
  /// The name of the effects table in a comparison folder.
  public static let fileName = "effects.csv"

  /// Locks `folder` for a comparison's files (effects.csv, `charts`, manifest.json): a new
  /// folder, or one of a previous comparison, never a run's.
  /// - Throws: ``RunFolderRefusal``; ``IOFailure``.
  public static func openFolder(_ folder: URL, charts: [String]) throws -> RunFolder {
    try OutputFolder.open(folder, replacing: Set([fileName, "manifest.json"] + charts), owned: [fileName], acceptsRuns: false)
  }

  /// Writes effects.csv, each of `charts` and manifest.json (`manifest` plus the reference,
  /// seed, runs and `inputs`) into `folder` (from ``openFolder(_:charts:)``) and commits it.
  /// - Throws: ``IOFailure``.
  public func write(to folder: RunFolder, charts: [(name: String, svg: String)], inputs: JSONValue, manifest extra: [String: JSONValue]) throws {
    var manifest = extra
    manifest["reference"] = .string(reference)
    manifest["seed"] = .number(Double(seed))
    manifest["runs"] = .number(Double(runs))
    manifest["scenarios"] = inputs
    let files = [(Self.fileName, table.content)] + charts.map { ($0.name, $0.svg) } + [("manifest.json", canonicalJSON(.object(manifest)) + "\n")]
    try OutputFolder.commit(files, into: folder)
  }
}
