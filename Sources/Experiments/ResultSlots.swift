import Foundation
import PolicyModel

/// One slot per replication, written once each by whichever worker ran it, and the counter
/// that hands out replications in index order until a failure stops it.
final class ResultSlots: @unchecked Sendable {
  private var slots: [Result<ReplicationResult, ReplicationError>?]
  private var done = 0
  private var next = 0
  private var failed = false
  private var stopError: (any Error)?
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// The next `count` replications to run, nil when all are handed out or the run stopped.
  func take(_ count: Int) -> Range<Int>? {
    lock.lock()
    defer { lock.unlock() }
    guard !failed, stopError == nil, next < slots.count else { return nil }
    let range = next..<min(slots.count, next + count)
    next = range.upperBound
    return range
  }

  /// Stores a result; a failure stops handing out replications. Returns the count stored.
  func store(_ index: Int, _ result: Result<ReplicationResult, ReplicationError>) -> Int {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = result
    if case .failure = result { failed = true }
    done += 1
    return done
  }

  /// Stops the run because a consumer of results failed with `error`.
  func stop(with error: any Error) {
    lock.lock()
    defer { lock.unlock() }
    if stopError == nil { stopError = error }
  }

  /// The results in replication order; the consumer's error, else the lowest-indexed failure.
  func results() throws -> [ReplicationResult] {
    if let stopError { throw stopError }
    if let failure = slots.lazy.compactMap({ slot -> ReplicationError? in
      if case .failure(let error)? = slot { return error } else { return nil }
    }).first {
      throw failure
    }
    return slots.map { try! $0!.get() }
  }
}
