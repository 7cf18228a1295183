import Stochastic

extension PRIM {
  /// The quasi-p-value of each of `box`'s restrictions, in `box.restricted` order (Bryant &
  /// Lempert 2010, computed as EMA Workbench does): the chance that `box.runs` runs drawn at the
  /// density of the box without that one restriction would hold `box.interesting` runs of
  /// interest or more, a one-sided binomial test. A small value says the restriction
  /// concentrates the runs of interest; a large one (above 0.05, say) that it could be dropped.
  /// Values below about 1e-16 come out as 0.
  /// - Complexity: O(restricted parameters × runs × parameters).
  public func quasiPValues(of box: Box) -> [Double] {
    box.restricted.map { parameter in
      var lower = box.lower, upper = box.upper
      lower[parameter] = dataLower[parameter]
      upper[parameter] = dataUpper[parameter]
      var runs = 0, hits = 0
      for run in interesting.indices where values.indices.allSatisfy({ lower[$0] <= values[$0][run] && values[$0][run] <= upper[$0] }) {
        runs += 1
        if interesting[run] { hits += 1 }
      }
      // The box lies inside the widened one, so `runs` >= box.runs >= 1.
      guard box.interesting > 0, let tests = try? Distribution.binomial(trials: Double(box.runs), probability: Double(hits) / Double(runs)) else { return 1 }
      return max(0, 1 - tests.cdf(Double(box.interesting - 1)))
    }
  }
}
