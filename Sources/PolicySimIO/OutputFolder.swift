import Foundation

/// How derived outputs (effects, discoveries, scores, conditioned statistics) are committed to
/// a folder: as a ``RunFolder`` does, into a locked partial sibling swapped into place in one
/// step, keeping the folder's other files (a run's, when written into its folder). A reader
/// sees all of the new files or none.
public enum OutputFolder {
  /// Writes `files` (name, content) into `folder` as a whole, creating it if needed.
  /// - Parameters:
  ///   - owned: names that mark `folder` as a previous output of the same command, which may
  ///     be replaced (its manifest's name, say).
  ///   - acceptsRuns: a run's folder may be written into (its files are kept).
  /// - Throws: ``IOFailure`` naming the file as the user knows it (no partial path);
  ///   ``RunFolderRefusal`` when `folder` holds other files or another command writes it.
  public static func commit(
    _ files: [(name: String, content: String)], into folder: URL, owned: Set<String>, acceptsRuns: Bool = true
  ) throws {
    try commit(files, into: open(folder, replacing: Set(files.map(\.name)), owned: owned, acceptsRuns: acceptsRuns))
  }

  /// Locks `folder` for outputs named `names` before the work that computes them, so that a
  /// folder that cannot take them is refused before anything runs.
  /// - Throws: ``RunFolderRefusal``; ``IOFailure``.
  public static func open(_ folder: URL, replacing names: Set<String>, owned: Set<String>, acceptsRuns: Bool = true) throws -> RunFolder {
    try RunFolder(folder, replacing: names, owned: owned, acceptsRuns: acceptsRuns, keepsCharts: true)
  }

  /// Writes `files` into the partial folder of `output` (from ``open(_:replacing:owned:acceptsRuns:)``)
  /// and commits it.
  /// - Throws: ``IOFailure`` naming the file as the user knows it.
  public static func commit(_ files: [(name: String, content: String)], into output: RunFolder) throws {
    do {
      for file in files {
        output.willWrite(file.name)
        let written = try OutputFile(url: output.file(file.name))
        try written.write(file.content)
        _ = try written.finish()
      }
      try output.commit()
    } catch let failure as IOFailure {
      output.abandon()
      throw output.naming(failure)
    }
  }
}
