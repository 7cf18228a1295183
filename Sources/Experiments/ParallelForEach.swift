import Dispatch
import Foundation

/// Calls `body` for every index of `0..<count` on exactly `min(threads, chunks)` workers and
/// keeps nothing: whatever `body` produces it stores itself, by index, so the outcome never
/// depends on scheduling. Work is handed out in contiguous chunks, several per thread (to
/// balance uneven items), worker k taking chunks k, k + threads, …; `progress` is called from
/// the workers with the number of indices done after each chunk.
/// - Throws: the error of the lowest failing index; every index runs even when one fails.
public func parallelForEach(
  _ count: Int, threads: Int, progress: @Sendable (Int) -> Void = { _ in },
  _ body: @Sendable (Int) throws -> Void
) throws {
  guard count > 0 else { return }
  let threads = max(1, threads)
  let chunk = max(1, count / (threads * 8))
  let chunks = (count + chunk - 1) / chunk
  let state = ForEachState()
  DispatchQueue.concurrentPerform(iterations: min(threads, chunks)) { worker in
    var index = worker
    while index < chunks {
      let items = (index * chunk)..<min(count, (index + 1) * chunk)
      for item in items {
        do { try body(item) } catch { state.fail(item, error) }
      }
      progress(state.finish(items.count))
      index += threads
    }
  }
  if let error = state.firstError { throw error }
}

/// The count of indices done and the failure of the lowest index, shared by the workers.
private final class ForEachState: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private var failure: (index: Int, error: any Error)?

  func finish(_ items: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    done += items
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
