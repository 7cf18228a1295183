import Foundation

extension Effects {
  /// The name of the effects table in a comparison folder.
  public static let fileName = "effects.csv"

  /// Writes effects.csv, each of `charts` and manifest.json (`manifest` plus the reference,
  /// seed, runs and `inputs`) into `folder` as a whole (``OutputFolder``): a new folder, or
  /// one of a previous comparison, never a run's.
  /// - Throws: ``IOFailure``; ``RunFolderRefusal``.
  public func write(to folder: URL, charts: [(name: String, svg: String)], inputs: JSONValue, manifest extra: [String: JSONValue]) throws {
    var manifest = extra
    manifest["reference"] = .string(reference)
    manifest["seed"] = .number(Double(seed))
    manifest["runs"] = .number(Double(runs))
    manifest["scenarios"] = inputs
    let files = [(Self.fileName, table.content)] + charts.map { ($0.name, $0.svg) } + [("manifest.json", canonicalJSON(.object(manifest)) + "\n")]
    try OutputFolder.commit(files, into: folder, owned: [Self.fileName], acceptsRuns: false)
  }
}
