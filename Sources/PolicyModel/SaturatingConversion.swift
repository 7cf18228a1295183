extension Int {
  /// `value` truncated toward zero and clamped to ±2^53 (NaN gives 0), so that a count
  /// computed in doubles (a backlog grown for decades, a huge lot) never traps on conversion and
  /// sums of such counts stay far from `Int.max`.
  init(saturating value: Double) {
    let limit = 9_007_199_254_740_992.0
    self = value.isNaN ? 0 : Int(Swift.min(limit, Swift.max(-limit, value)))
  }
}
