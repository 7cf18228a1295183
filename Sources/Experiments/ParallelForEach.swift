import Dispatch
import Foundation

/// Calls `body` for every index of `0..<count` on up to `threads` workers and keeps nothing:
/// whatever `body` produces it stores itself, by index, so the outcome never depends on
/// scheduling. Workers take small contiguous chunks (at most 16 indices, several per thread)
/// in index order from a shared counter, so indices finish roughly in order (what a streaming
/// consumer needs); `progress` is called from the workers with the number of indices done after
/// each index.
/// - Throws: the error of the lowest failing index. After a failure no new chunk is handed
///   out; every lower index was handed out earlier and runs to the end, so the error reported
///   does not depend on the thread count.
public func parallelForEach(
  _ count: Int, threads: Int, progress: @Sendable (Int) -> Void = { _ in },
  _ body: @Sendable (Int) throws -> Void
) throws {
  guard count > 0 else { return }
  let threads = max(1, min(threads, count))
  let state = ForEachState(count: count, chunk: max(1, min(16, count / (threads * 8))))
  DispatchQueue.concurrentPerform(iterations: threads) { _ in
    while let items = state.take() {
      for item in items {
        do { try body(item) } catch { state.fail(item, error) }
        progress(state.finish())
      }
    }
  }
  if let error = state.firstError { throw error }
}

/// The next chunk to hand out, the count of indices done and the failure of the lowest index,
/// shared by the workers.
private final class ForEachState: @unchecked Sendable {
  private let lock = NSLock()
  private let count: Int, chunk: Int
  private var next = 0
  private var done = 0
  private var failure: (index: Int, error: any Error)?

  init(count: Int, chunk: Int) {
    self.count = count
    self.chunk = chunk
  }

  /// The next chunk of indices, nil when all are handed out or an index failed.
  func take() -> Range<Int>? {
    lock.lock()
    defer { lock.unlock() }
    guard failure == nil, next < count else { return nil }
    let items = next..<min(count, next + chunk)
    next = items.upperBound
    return items
  }

  func finish() -> Int {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    return done
  }

  func fail(_ index: Int, _ error: any Error) {
    lock.lock()
    defer { lock.unlock() }
    if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
  }

  var firstError: (any Error)? {
    lock.lock()
    defer { lock.unlock() }
    return failure?.error
  }
}
