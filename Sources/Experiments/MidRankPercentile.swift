/// Where `value` falls among `values` (at least one), as a percentile by mid-rank:
/// `100 (below + equal / 2) / n`. A value below every run gives 0, above every run 100, and
/// equal to every run 50.
public func midRankPercentile(of value: Double, among values: [Double]) -> Double {
  precondition(!values.isEmpty, "no values to rank against")
  var below = 0, equal = 0
  for other in values {
    if other < value { below += 1 } else if other == value { equal += 1 }
  }
  return 100 * (Double(below) + Double(equal) / 2) / Double(values.count)
}
