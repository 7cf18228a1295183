import Foundation

/// How derived outputs (scores, conditioned statistics) are committed to a folder: every file
/// written atomically, in the order given, the last one (a manifest) only once the others are
/// complete, so a complete-looking manifest implies complete files.
public enum OutputFolder {
  /// Writes `files` (name, content) into `folder`, creating it if needed.
  public static func commit(_ files: [(name: String, content: String)], into folder: URL) throws {
    for file in files { try AtomicFile.write(file.content, to: folder.appendingPathComponent(file.name)) }
  }
}
