extension OutcomeStatistics {
  /// Summarises `values` weighted by `weights` (same count, weights >= 0 with a positive sum):
  /// the weighted mean, the standard deviation with reliability weights
  /// (`sqrt(sum w (x - mean)^2 / (W - sum w^2 / W))`, `W = sum w`, which is the usual `n - 1`
  /// formula when the weights are equal) and ``WeightedQuantiles``. With every weight 1 the
  /// result equals the unweighted ``init(_:)`` bit for bit.
  public init(_ values: [Double], weights: [Double]) {
    precondition(values.count == weights.count, "one weight per value")
    var total = 0.0, weighted = 0.0, squares = 0.0
    for (value, weight) in zip(values, weights) {
      total += weight
      weighted += weight * value
      squares += weight * weight
    }
    let average = weighted / total
    mean = average
    let denominator = total - squares / total
    if denominator > 0 {
      var deviations = 0.0
      for (value, weight) in zip(values, weights) { deviations += weight * ((value - average) * (value - average)) }
      sd = (deviations / denominator).squareRoot()
    } else {
      sd = 0
    }
    let q = WeightedQuantiles.of(values, weights: weights, at: [0.05, 0.25, 0.5, 0.75, 0.95])
    (p05, p25, p50, p75, p95) = (q[0], q[1], q[2], q[3], q[4])
  }
}
