import Experiments
import Foundation
import PolicySimIO

/// How the process ends on a signal.
///
/// SIGINT and SIGTERM: the handler only writes the signal number to a pipe; a watcher thread
/// reads it, waits for a commit in progress to finish (``Temporaries/removeAllBeforeExit()``),
/// removes every temporary and exits 130 or 143.
///
/// A trap (SIGILL or SIGTRAP from a Swift runtime check, SIGFPE, SIGBUS, SIGSEGV): the handler,
/// on the thread that failed, writes one line naming the replication it was running and the
/// seed, removes the temporaries with async-signal-safe calls only, and exits 70.
enum Signals {
  /// The master seed reported with a failed replication.
  nonisolated(unsafe) static var seed: UInt64?
  nonisolated(unsafe) private static var installed = false
  nonisolated(unsafe) private static var interruptPipe: (read: Int32, write: Int32) = (-1, -1)
  /// The trap message around the replication number, prepared before any trap can happen.
  nonisolated(unsafe) private static var trapPrefix: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)
  nonisolated(unsafe) private static var trapSuffix: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)
  nonisolated(unsafe) private static var trapOutside: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)
  nonisolated(unsafe) private static var digits = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 24)

  /// Installs both handlers once; `seed` (if known) is named when a replication traps.
  static func install(seed: UInt64?) {
    if let seed { setSeed(seed) }
    guard !installed else { return }
    installed = true
    if trapPrefix.baseAddress == nil { setSeed(nil) }
    ReplicationInProgress.prepare()
    installInterruptWatcher()
    for signal in [SIGILL, SIGTRAP, SIGFPE, SIGBUS, SIGSEGV] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { _ in Signals.trapped() }
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
  }

  /// Records the seed and prepares the trap messages that name it.
  static func setSeed(_ seed: UInt64?) {
    self.seed = seed
    let shown = seed.map { " (seed \($0))" } ?? ""
    trapPrefix = bytes("policysim: replication ")
    trapSuffix = bytes("\(shown) failed on an internal error (a bug; please report this line with the scenario); no result was written\n")
    trapOutside = bytes("policysim: internal error (a bug; please report this line with the command); no result was written\n")
  }

  private static func bytes(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
    _ = buffer.initialize(from: text.utf8)
    return buffer
  }

  private static func installInterruptWatcher() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    interruptPipe = (ends[0], ends[1])
    let watcher = Thread {
      var signal: UInt8 = 0
      while read(Signals.interruptPipe.read, &signal, 1) != 1 {}
      Temporaries.shared.removeAllBeforeExit()
      _exit(Int32(signal) == SIGINT ? ExitStatus.interrupted : ExitStatus.terminated)
    }
    watcher.start()
    for number in [SIGINT, SIGTERM] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in
        var byte = UInt8(truncatingIfNeeded: number)
        _ = write(Signals.interruptPipe.write, &byte, 1)
      }
      sigemptyset(&action.sa_mask)
      sigaction(number, &action, nil)
    }
    // A parent may have started us with these blocked.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// The trap handler: async-signal-safe calls only (write, unlink, rmdir, _exit).
  private static func trapped() {
    if let replication = ReplicationInProgress.current {
      var value = replication, count = 0
      repeat {
        digits[digits.count - 1 - count] = UInt8(48 + value % 10)
        value /= 10
        count += 1
      } while value > 0 && count < digits.count
      _ = write(STDERR_FILENO, trapPrefix.baseAddress, trapPrefix.count)
      _ = write(STDERR_FILENO, digits.baseAddress! + digits.count - count, count)
      _ = write(STDERR_FILENO, trapSuffix.baseAddress, trapSuffix.count)
    } else {
      _ = write(STDERR_FILENO, trapOutside.baseAddress, trapOutside.count)
    }
    Temporaries.shared.removeAllInSignalHandler()
    _exit(70)
  }
}
