import Foundation

/// A one-line progress bar on stderr (items done / total, rate, ETA), drawn only when stderr is
/// a terminal.
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private let enabled: Bool
  private let unit: String
  private let start = Date()
  private let lock = NSLock()

  /// A bar counting `unit` (replications by default).
  init(total: Int, enabled: Bool, unit: String = "runs") {
    self.total = total
    self.enabled = enabled
    self.unit = unit
  }

  func update(_ done: Int) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let elapsed = max(Date().timeIntervalSince(start), 1e-3)
    let rate = Double(done) / elapsed
    let eta = rate > 0 ? Double(total - done) / rate : 0
    let width = 30, filled = width * done / max(total, 1)
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    FileHandle.standardError.write(Data(String(format: "\r[%@] %d/%d  %.1f %@/s  ETA %.0fs ", bar, done, total, rate, unit, eta).utf8))
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
