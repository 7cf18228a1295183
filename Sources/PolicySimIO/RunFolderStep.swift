import Foundation

/// A test hook of debug builds: with `POLICYSIM_TEST_PAUSE_AT=STEP` in the environment, a run
/// stops at that step of its commit (`exchange`, `exchanged`, `committed`), says so on stderr and
/// waits to be killed, so a test can kill it exactly there. Release builds compile it out.
enum RunFolderStep {
  static func pause(_ step: String) {
    #if DEBUG
      guard ProcessInfo.processInfo.environment["POLICYSIM_TEST_PAUSE_AT"] == step else { return }
      FileHandle.standardError.write(Data("policysim: paused at \(step)\n".utf8))
      while true { sleep(60) }
    #endif
  }
}
