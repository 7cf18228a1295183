import Foundation
import PolicyModel

/// One slot per replication, written once each by whichever worker ran it.
final class ResultSlots: @unchecked Sendable {
  private var slots: [Result<ReplicationResult, ReplicationError>?]
  private var done = 0
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ index: Int, _ result: Result<ReplicationResult, ReplicationError>) {
    lock.lock()
    slots[index] = result
    done += 1
    lock.unlock()
  }

  var completed: Int {
    lock.lock()
    defer { lock.unlock() }
    return done
  }

  /// The results in replication order; the lowest-indexed failure if any failed.
  func results() throws -> [ReplicationResult] {
    try slots.map { try $0!.get() }
  }
}
