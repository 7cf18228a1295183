import Experiments
import Stochastic
import Testing

/// Type-7 quantiles by a full sort: the definition the selection must reproduce.
private func sortedQuantile(_ values: [Double], _ q: Double) -> Double {
  let sorted = values.sorted(), position = q * Double(sorted.count - 1)
  let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
  return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
}

@Test("selection gives exactly the type-7 quantiles of a full sort, with ties and any size")
func quantilesMatchSorting() {
  let stream = RandomStream(master: 11, replication: 0, stream: "quantiles")
  let probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]
  for size in [1, 2, 3, 7, 16, 17, 100, 1_001, 10_000] {
    for ties in [false, true] {
      let values = (0..<size).map { _ in ties ? Double(stream.uniformInteger(below: 5)) : stream.exponential(mean: 3) }
      #expect(Quantiles.of(values, at: probabilities) == probabilities.map { sortedQuantile(values, $0) }, "size \(size), ties \(ties)")
    }
  }
}

@Test("OutcomeStatistics: hand-computed mean, sd and quantiles of 1...5")
func outcomeStatisticsByHand() {
  let s = OutcomeStatistics([5, 1, 4, 2, 3])
  #expect(s.mean == 3 && s.sd == (2.5).squareRoot())
  #expect(s.p05 == 1.2 && s.p25 == 2 && s.p50 == 3 && s.p75 == 4 && abs(s.p95 - 4.8) < 1e-12)
}
