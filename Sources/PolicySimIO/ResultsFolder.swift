import Foundation

/// What a results folder holds, read from its own files, for tools (such as shell completion)
/// that must not assume a fixed list of metrics.
public enum ResultsFolder {
  /// The metric names in `folder`: a sweep's `metrics` from its manifest.json, else the
  /// metrics of a run's summary.csv in file order; empty when the folder is neither.
  public static func metricNames(in folder: URL) -> [String] {
    let sweepManifest = folder.appendingPathComponent(SweepTables.manifestFile)
    if FileManager.default.fileExists(atPath: folder.appendingPathComponent(SweepTables.pointsFile).path),
      let data = FileManager.default.contents(atPath: sweepManifest.path),
      let manifest = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      let metrics = manifest["metrics"] as? [String]
    {
      return metrics
    }
    return (try? RunResults(folder: folder))?.metrics ?? []
  }
}
