import Foundation

/// A run's output folder, replaced as a whole. The new files go into a hidden sibling,
/// `.NAME.partial`, which is flushed to the device and then swapped with `NAME` in one atomic
/// `renameat2(RENAME_EXCHANGE)`; the previous result, now at `.NAME.partial`, is removed
/// after. At every instant `NAME` holds either the complete previous result or the complete
/// new one. The partial folder is also the lock: it is held (`flock`) for the whole run, so a
/// second run into the same folder is refused, and one left by a killed run is reused.
///
/// Files in the previous folder that a run does not write (notes, notebooks) are carried over
/// by hard link; its charts (`*.svg`) are not, since they showed the previous result. Derived
/// outputs (``OutputFolder``) commit the same way into a run folder or a folder of their own,
/// keeping every file they do not write, charts included.
public final class RunFolder {
  /// The folder the user named.
  public let target: URL
  /// Where the new outputs are written until ``commit()``.
  public let staging: URL
  private let replaced: Set<String>
  private let keepsCharts: Bool
  private var descriptor: Int32 = -1
  private var done = false

  /// Locks `target` for this run and prepares its partial folder.
  /// - Parameters:
  ///   - replaced: the names a run writes; the previous folder's copies are dropped.
  ///   - owned: names that mark a folder as a previous output of the same command, which may
  ///     then be replaced.
  ///   - acceptsRuns: a folder holding a run's manifest.json may be written too.
  ///   - keepsCharts: carry the previous folder's `*.svg` over too (derived outputs).
  /// - Throws: ``RunFolderRefusal`` when `target` is not a run folder or another run holds it;
  ///   ``IOFailure`` when the folders cannot be created.
  public init(_ target: URL, replacing replaced: Set<String>, owned: Set<String> = [], acceptsRuns: Bool = true, keepsCharts: Bool = false) throws {
    let target = target.standardizedFileURL
    self.target = target
    self.replaced = replaced
    self.keepsCharts = keepsCharts
    let parent = target.deletingLastPathComponent()
    staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial")
    guard target.path != "/", !target.lastPathComponent.isEmpty else {
      throw RunFolderRefusal("policysim: --out \(target.path): expected a folder below /, for a run's files alone")
    }
    try Self.checkPrevious(target, owned: owned, acceptsRuns: acceptsRuns)
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw IOFailure("create", parent.path, error: error)
    }
    try lockStaging()
    Temporaries.shared.register(staging.path, isFolder: true)
    for name in try contents(of: staging) {
      try? FileManager.default.removeItem(at: staging.appendingPathComponent(name))  // a killed run's
    }
    // A run killed between the two renames of the fallback left the previous result aside.
    let aside = Self.aside(of: target)
    if FileManager.default.fileExists(atPath: aside.path) {
      if FileManager.default.fileExists(atPath: target.path) { try? FileManager.default.removeItem(at: aside) } else { _ = rename(aside.path, target.path) }
    }
  }

  deinit {
    if !done { abandon() }
    if descriptor >= 0 { close(descriptor) }
  }

  /// The path of output file `name` in the partial folder.
  public func file(_ name: String) -> URL { staging.appendingPathComponent(name) }

  /// Registers an output file about to be written into the partial folder, so that a signal
  /// removes it with the folder.
  public func willWrite(_ name: String) { Temporaries.shared.register(file(name).path) }

  /// Carries over the previous folder's other files, flushes the partial folder, swaps it into
  /// place and removes the previous result. Holds ``Temporaries/withCommitGate(_:)`` so a
  /// signal waits until the swap is complete.
  /// - Throws: ``IOFailure``; the previous result is then still in place.
  public func commit() throws {
    try Temporaries.shared.withCommitGate {
      try carryOver()
      try syncFolder(staging)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) {
        let previous = open(target.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if previous >= 0 { _ = flock(previous, LOCK_EX | LOCK_NB) }  // keeps later runs off it
        defer { if previous >= 0 { close(previous) } }
        RunFolderStep.pause("exchange")
        try Self.exchange(staging, target)
        RunFolderStep.pause("exchanged")
        try syncFolder(target.deletingLastPathComponent())
        try? FileManager.default.removeItem(at: staging)
      } else {
        RunFolderStep.pause("exchange")
        if rename(staging.path, target.path) != 0 { throw IOFailure.fromErrno("write", target.path) }
        RunFolderStep.pause("exchanged")
        try syncFolder(target.deletingLastPathComponent())
      }
      done = true
      Temporaries.shared.forget(under: staging.path)
    }
    RunFolderStep.pause("committed")
  }

  /// `failure` with a path in the partial folder shown as the same path in the target, the
  /// name the user knows (`results/x/runs.csv`, not `results/.x.partial/runs.csv`).
  public func naming(_ failure: IOFailure) -> IOFailure {
    guard failure.path.hasPrefix(staging.path) else { return failure }
    return IOFailure(failure.action, target.path + failure.path.dropFirst(staging.path.count), code: failure.code)
  }

  /// Removes the partial folder; the previous result stays as it was.
  public func abandon() {
    done = true
    try? FileManager.default.removeItem(at: staging)
    Temporaries.shared.forget(under: staging.path)
  }

  /// Refuses a target that exists but is a file, or a folder that is neither empty, nor a
  /// run's (when `acceptsRuns`), nor holding one of the `owned` names.
  private static func checkPrevious(_ target: URL, owned: Set<String>, acceptsRuns: Bool) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else { return }
    guard isFolder.boolValue else { throw IOFailure("write", target.path, code: ENOTDIR) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: target.path)
    } catch {
      throw IOFailure("read", target.path, error: error)
    }
    guard !names.isEmpty, owned.isDisjoint(with: names) else { return }
    let manifest = FileManager.default.contents(atPath: target.appendingPathComponent("manifest.json").path)
      .flatMap { try? JSONValue.parse($0) }
    guard acceptsRuns, case .object(let members)? = manifest, members["scenarioSHA256"] != nil, members["pointCount"] == nil else {
      let expected = acceptsRuns ? "no manifest.json of policysim run" : "none of \(owned.sorted().joined(separator: ", "))"
      throw RunFolderRefusal("policysim: --out \(target.path): the folder holds files but \(expected), and its outputs replace the folder as a whole; give a new or empty folder")
    }
    for name in names {
      var isSubfolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: target.appendingPathComponent(name).path, isDirectory: &isSubfolder), isSubfolder.boolValue {
        throw RunFolderRefusal("policysim: --out \(target.path): the folder holds a folder, \(name), that a run cannot carry over; move it out first")
      }
    }
  }

  /// Creates (or reuses) the partial folder and holds an exclusive lock on it; retries when
  /// another run removed it between the two steps.
  private func lockStaging() throws {
    for _ in 0..<5 {
      if mkdir(staging.path, 0o755) != 0 && errno != EEXIST { throw IOFailure.fromErrno("write", target.path) }
      let opened = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if opened < 0 {
        if errno == ENOENT { continue }
        throw IOFailure.fromErrno("write", target.path)
      }
      guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
        close(opened)
        throw RunFolderRefusal("policysim: --out \(target.path): another policysim run is writing this folder (it holds \(staging.path)); wait for it or give another --out")
      }
      var held = stat(), named = stat()
      if fstat(opened, &held) == 0, stat(staging.path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
        descriptor = opened
        return
      }
      close(opened)  // removed and recreated meanwhile: try again
    }
    throw RunFolderRefusal("policysim: --out \(target.path): another policysim run keeps replacing this folder; give another --out")
  }

  /// Hard-links the previous folder's files that this run does not write into the partial folder.
  private func carryOver() throws {
    guard FileManager.default.fileExists(atPath: target.path) else { return }
    let fresh = Set(try contents(of: staging))
    for name in try contents(of: target)
    where !replaced.contains(name) && !fresh.contains(name) && (keepsCharts || !name.hasSuffix(".svg")) && !name.hasPrefix(".") {
      let from = target.appendingPathComponent(name), to = staging.appendingPathComponent(name)
      Temporaries.shared.register(to.path)
      if link(from.path, to.path) != 0 {
        do {
          try FileManager.default.copyItem(at: from, to: to)
        } catch {
          throw IOFailure("write", to.path, error: error)
        }
      }
    }
  }

  private func contents(of folder: URL) throws -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw IOFailure("read", folder.path, error: error)
    }
  }

  /// Where the fallback of ``exchange(_:_:)`` moves the previous result: `.NAME.previous`.
  private static func aside(of target: URL) -> URL {
    target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).previous")
  }

  /// Swaps two folders atomically (Linux `renameat2`, found at run time); where the file system
  /// cannot, moves `to` aside to `.NAME.previous` and renames `from` into place.
  private static func exchange(_ from: URL, _ to: URL) throws {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    let renameExchange: UInt32 = 2
    if !RunFolderStep.withoutExchange, let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
      let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
      if renameat2(AT_FDCWD, from.path, AT_FDCWD, to.path, renameExchange) == 0 { return }
      guard errno == EINVAL || errno == ENOSYS else { throw IOFailure.fromErrno("replace", to.path) }
    }
    let aside = Self.aside(of: to)
    try? FileManager.default.removeItem(at: aside)
    if rename(to.path, aside.path) != 0 { throw IOFailure.fromErrno("replace", to.path) }
    RunFolderStep.pause("aside")
    if rename(from.path, to.path) != 0 {
      let failure = IOFailure.fromErrno("replace", to.path)
      _ = rename(aside.path, to.path)
      throw failure
    }
    _ = rename(aside.path, from.path)  // removed with the partial folder
  }
}

/// `--out` cannot be used: it is not a run folder, or another run holds it (exit status 64).
public struct RunFolderRefusal: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description.oneLine }
}
