import Foundation

/// Every temporary file and folder this process has created and not yet committed, so that
/// any way out (an error, SIGINT, SIGTERM, even a trap) can remove them.
///
/// Paths are also kept as C strings in a fixed table that ``removeAllInSignalHandler()`` walks
/// with `unlink` and `rmdir` only, which are async-signal-safe.
public final class Temporaries: @unchecked Sendable {
  /// The process-wide registry.
  public static let shared = Temporaries()

  private static let capacity = 256
  private let lock = NSLock()
  private let gate = NSLock()
  /// Registered paths, files and folders, in registration order.
  private var entries: [(path: String, isFolder: Bool)] = []
  /// The same paths as C strings (nil: free slot) for the signal handler.
  private let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
  private let folderFlags = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)

  private init() {
    table.initialize(repeating: nil, count: Self.capacity)
    folderFlags.initialize(repeating: false, count: Self.capacity)
  }

  /// Records a temporary file (or an empty-once-its-files-are-gone folder) at `path`.
  public func register(_ path: String, isFolder: Bool = false) {
    lock.lock()
    defer { lock.unlock() }
    entries.append((path, isFolder))
    if let slot = (0..<Self.capacity).first(where: { table[$0] == nil }) {
      folderFlags[slot] = isFolder
      table[slot] = strdup(path)
    }
  }

  /// Forgets `path` (it was committed, renamed or removed).
  public func unregister(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    entries.removeAll { $0.path == path }
    for slot in 0..<Self.capacity where table[slot].map({ String(cString: $0) == path }) == true {
      let text = table[slot]
      table[slot] = nil
      free(text)
    }
  }

  /// Forgets `folder` and every path registered inside it (the folder was committed).
  public func forget(under folder: String) {
    lock.lock()
    let inside = entries.map(\.path).filter { $0 == folder || $0.hasPrefix(folder + "/") }
    lock.unlock()
    inside.forEach(unregister)
  }

  /// Runs `body` (a commit: renames that must not be cut short by a cleanup) while holding the
  /// gate that ``removeAllBeforeExit()`` waits for.
  public func withCommitGate<T>(_ body: () throws -> T) rethrows -> T {
    gate.lock()
    defer { gate.unlock() }
    return try body()
  }

  /// Waits for any commit in progress to finish, then removes every registered temporary; for
  /// a signal watcher that exits next. The gate stays closed so no commit starts afterwards.
  public func removeAllBeforeExit() {
    gate.lock()
    removeAll()
  }

  /// Removes every registered temporary (folders with their contents), newest first.
  public func removeAll() {
    lock.lock()
    let all = entries
    lock.unlock()
    for entry in all.reversed() {
      if entry.isFolder { try? FileManager.default.removeItem(atPath: entry.path) } else { unlink(entry.path) }
      unregister(entry.path)
    }
  }

  /// Removes the registered files, then the registered folders, using only async-signal-safe
  /// calls; for a handler of a fatal signal, after which the process exits.
  public func removeAllInSignalHandler() {
    for folders in [false, true] {
      for slot in 0..<Self.capacity where folderFlags[slot] == folders {
        guard let path = table[slot] else { continue }
        if folders { rmdir(path) } else { unlink(path) }
      }
    }
  }
}
