import Foundation

/// Writes files so that a reader never sees a partial one: the content goes to a hidden
/// temporary file in the same folder, which is renamed over the target only when complete
/// (rename within one file system is atomic). A crash or Ctrl-C leaves at most a stray
/// `.name.tmp-…` file, and any previous complete file intact.
public enum AtomicFile {
  /// Writes `text` to `url` atomically, creating the folder if needed.
  public static func write(_ text: String, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    try Data(text.utf8).write(to: temporary)
    if rename(temporary.path, url.path) != 0 {
      let code = errno
      try? FileManager.default.removeItem(at: temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
    }
  }
}
