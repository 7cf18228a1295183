import Foundation

/// Writes files so that a reader never sees a partial one: the content goes to a hidden
/// temporary file in the same folder, flushed to the device, then renamed over the target
/// (rename within one file system is atomic) and the folder flushed. The temporary is
/// registered with ``Temporaries``, so an error or a signal removes it; any previous complete
/// file stays intact until the rename.
public enum AtomicFile {
  /// Writes `text` to `url` atomically, creating the folder if needed.
  /// - Returns: the file's size, lines and SHA-256.
  /// - Throws: ``IOFailure`` naming the file and the system's reason.
  @discardableResult
  public static func write(_ text: String, to url: URL) throws -> FileRecord {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw IOFailure("create", folder.path, error: error)
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    Temporaries.shared.register(temporary.path)
    defer { Temporaries.shared.unregister(temporary.path) }
    do {
      let file = try OutputFile(url: temporary)
      try file.write(text)
      let record = try file.finish()
      if rename(temporary.path, url.path) != 0 { throw IOFailure.fromErrno("write", url.path) }
      try syncFolder(folder)
      return FileRecord(name: url.lastPathComponent, lines: record.lines, bytes: record.bytes, sha256: record.sha256)
    } catch {
      unlink(temporary.path)
      throw error
    }
  }
}
