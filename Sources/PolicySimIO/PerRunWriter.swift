import PolicyModel
import Foundation

/// runs.csv (`run,date,metric,value`; or runs.csv.gz) written while the replications run:
/// each replication's rows are formatted on the thread that ran it, then written in
/// replication order, so the file is the same at any thread count and memory holds only the
/// rows of replications that finished ahead of an earlier one.
public final class PerRunWriter: @unchecked Sendable {
  /// The file names, plain and compressed.
  public static let plainName = "runs.csv", compressedName = "runs.csv.gz"

  private let file: OutputFile
  private let dates: [String]
  private let metrics: [String]
  private let lock = NSLock()
  private var next = 0
  private var pending: [Int: String] = [:]
  private var failure: (any Error)?

  /// Starts the file at `url` with its header.
  /// - Throws: ``IOFailure``.
  public init(url: URL, compressed: Bool, dates: [String], metrics: [String]) throws {
    file = try OutputFile(url: url, compressed: compressed)
    self.dates = dates
    self.metrics = metrics
    try file.write("run,date,metric,value\n")
  }

  /// Adds replication `run`'s rows; thread-safe.
  /// - Throws: the first ``IOFailure`` of any write, then on every later call.
  public func add(_ run: Int, _ result: ReplicationResult) throws {
    let prefix = String(run) + ","
    var text = ""
    text.reserveCapacity(result.values.count * metrics.count * 48)
    for (month, row) in result.values.enumerated() {
      for (metric, value) in zip(metrics, row) {
        text += prefix + dates[month] + "," + metric + "," + CSVTable.number(value) + "\n"
      }
    }
    lock.lock()
    defer { lock.unlock() }
    if let failure { throw failure }
    pending[run] = text
    while let ready = pending.removeValue(forKey: next) {
      do {
        try file.write(ready)
      } catch {
        failure = error
        throw error
      }
      next += 1
    }
  }

  /// Flushes the file to the device and closes it.
  public func finish() throws -> FileRecord {
    lock.lock()
    defer { lock.unlock() }
    if let failure { throw failure }
    return try file.finish()
  }
}
