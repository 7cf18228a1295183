import Dispatch

/// Maps `0..<count` through `transform` on up to `threads` threads and returns the results
/// in index order, so the output never depends on scheduling. Work is handed out in
/// contiguous chunks (several per thread, to balance uneven items).
public func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ transform: @Sendable (Int) -> T) -> [T] {
  guard count > 0 else { return [] }
  let slots = IndexedSlots<T>(count: count)
  let chunk = max(1, count / (max(1, min(threads, count)) * 8))
  let chunks = (count + chunk - 1) / chunk
  DispatchQueue.concurrentPerform(iterations: chunks) { index in
    for item in (index * chunk)..<min(count, (index + 1) * chunk) {
      slots.store(transform(item), at: item)
    }
  }
  return slots.values()
}
