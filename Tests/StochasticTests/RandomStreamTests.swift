import Stochastic
import Testing

@Test("the same seed gives an identical sequence")
func sameSeedSameSequence() {
  let a = RandomStream(master: 42, replication: 3, stream: "gray.lots")
  let b = RandomStream(master: 42, replication: 3, stream: "gray.lots")
  let first = (0..<1_000).map { _ in a.uniform() }
  let second = (0..<1_000).map { _ in b.uniform() }
  #expect(first == second)
}

@Test("different replications, stream names or master seeds give different sequences")
func differentInputsDifferentSequences() {
  func head(_ stream: RandomStream) -> [Double] { (0..<8).map { _ in stream.uniform() } }
  let base = head(RandomStream(master: 42, replication: 0, stream: "fab"))
  #expect(base != head(RandomStream(master: 42, replication: 1, stream: "fab")))
  #expect(base != head(RandomStream(master: 42, replication: 0, stream: "fab2")))
  #expect(base != head(RandomStream(master: 43, replication: 0, stream: "fab")))
}

@Test("derived seeds do not collide over many replications and streams")
func derivedSeedsAreDistinct() {
  var seen = Set<UInt64>()
  for replication in 0..<2_000 {
    for name in ["demand", "fab", "gray", "legal", "fleet"] {
      seen.insert(StreamSeed.derive(master: 1, replication: replication, stream: name))
    }
  }
  #expect(seen.count == 10_000)
}

@Test("a stream's draws do not depend on other streams' use (common random numbers)")
func streamsAreIndependentOfOtherUse() {
  let alone = RandomStream(master: 5, replication: 2, stream: "legal")
  let expected = (0..<10).map { _ in alone.exponential(mean: 2) }
  let other = RandomStream(master: 5, replication: 2, stream: "gray")
  _ = (0..<1_000).map { _ in other.uniform() }
  let again = RandomStream(master: 5, replication: 2, stream: "legal")
  #expect((0..<10).map { _ in again.exponential(mean: 2) } == expected)
}
