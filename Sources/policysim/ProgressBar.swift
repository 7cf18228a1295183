import Foundation

/// A one-line progress display on stderr, drawn only when stderr is a terminal: the phase
/// (`simulating`, `statistics`, `writing`...), a bar with items done of the total, the rate and
/// ETA, or the file being written. Workers only record counts; a timer redraws four times a
/// second, so the line moves (elapsed time) even while one long step runs.
final class ProgressBar: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var phase = "", unit = "", detail = ""
  private var total = 0, done = 0
  private var phaseStart = Date()
  private var timer: DispatchSourceTimer?

  /// A display, enabled when `enabled` and stderr is a terminal.
  init(enabled: Bool) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
    guard self.enabled else { return }
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + 0.25, repeating: 0.25)
    timer.setEventHandler { [weak self] in self?.draw() }
    timer.resume()
    self.timer = timer
  }

  /// Starts phase `name`, counting `total` `unit`s (0: no bar, only the elapsed time).
  func start(_ name: String, total: Int = 0, unit: String = "") {
    lock.lock()
    (phase, self.total, self.unit, done, detail, phaseStart) = (name, total, unit, 0, "", Date())
    lock.unlock()
    draw()
  }

  /// Records `done` items of the phase finished (from any thread).
  func update(_ done: Int) {
    lock.lock()
    self.done = max(self.done, done)
    lock.unlock()
  }

  /// Shows `text` (the file being written) after the phase name.
  func note(_ text: String) {
    lock.lock()
    detail = text
    lock.unlock()
    draw()
  }

  /// Stops the timer and clears the line (once; later calls do nothing).
  func finish() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    guard let timer else { return }
    timer.cancel()
    self.timer = nil
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  private func draw() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    guard timer != nil else { return }
    let elapsed = Date().timeIntervalSince(phaseStart)
    var line = phase.padding(toLength: 11, withPad: " ", startingAt: 0)
    if total > 0 {
      let width = 24, filled = min(width, width * done / total)
      let rate = Double(done) / max(elapsed, 1e-3)
      let eta = rate > 0 ? String(format: "ETA %.0fs", Double(total - done) / rate) : "ETA --"
      line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
      line += "\(done)/\(total) \(unit)  " + String(format: "%.0f %@/s  ", rate, unit) + eta
    } else {
      line += detail
    }
    line += String(format: "  %.1fs", elapsed)
    FileHandle.standardError.write(Data(("\r" + String(line.prefix(99)) + "\u{1B}[K").utf8))
  }
}
