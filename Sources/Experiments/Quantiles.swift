/// Sample quantiles of a set of values, interpolating linearly between order statistics
/// (type 7, the default of R and NumPy).
public struct Quantiles: Sendable {
  /// The values in increasing order.
  public let sorted: [Double]

  /// Sorts `values` (at least one).
  public init(_ values: [Double]) {
    precondition(!values.isEmpty, "no values to summarise")
    sorted = values.sorted()
  }

  /// The `q` quantile, q in [0, 1].
  public func at(_ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
  }
}
