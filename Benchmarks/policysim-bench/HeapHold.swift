import HeapModule
import Stochastic

/// The hold workload on swift-collections' `Heap` with a (time, sequence) key, for comparison
/// with the engine's `FutureEventList`.
enum HeapHold {
  struct Key: Comparable {
    var time: Double
    var sequence: UInt64
    static func < (lhs: Key, rhs: Key) -> Bool {
      lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
    }
  }

  static func run(population: Int, firings: Int) {
    let stream = RandomStream(master: 42, replication: 0, stream: "hold")
    var heap = Heap<Key>()
    var sequence: UInt64 = 0
    for _ in 0..<population {
      heap.insert(Key(time: stream.exponential(mean: 1), sequence: sequence))
      sequence += 1
    }
    for _ in 0..<firings {
      let now = heap.removeMin().time
      heap.insert(Key(time: now + stream.exponential(mean: 1), sequence: sequence))
      sequence += 1
    }
  }
}
