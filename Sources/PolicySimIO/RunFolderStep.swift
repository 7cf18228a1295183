import Foundation

/// Test hooks of debug builds, compiled out of release builds. With
/// `POLICYSIM_TEST_PAUSE_AT=STEP` in the environment, a run stops at that step of its commit
/// (`exchange`, `aside`, `exchanged`, `committed`), says so on stderr and waits to be killed, so
/// a test can kill it exactly there; with `POLICYSIM_TEST_NO_EXCHANGE=1` it commits as on a file
/// system without `RENAME_EXCHANGE`.
enum RunFolderStep {
  static func pause(_ step: String) {
    #if DEBUG
      guard ProcessInfo.processInfo.environment["POLICYSIM_TEST_PAUSE_AT"] == step else { return }
      FileHandle.standardError.write(Data("policysim: paused at \(step)\n".utf8))
      while true { sleep(60) }
    #endif
  }

  /// True to take the two-rename fallback instead of `renameat2(RENAME_EXCHANGE)`.
  static var withoutExchange: Bool {
    #if DEBUG
      return ProcessInfo.processInfo.environment["POLICYSIM_TEST_NO_EXCHANGE"] == "1"
    #else
      return false
    #endif
  }
}
