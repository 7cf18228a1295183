/// Mean, standard deviation and quantiles of one outcome across replications.
public struct OutcomeStatistics: Sendable, Equatable {
  public let mean, sd, p05, p25, p50, p75, p95: Double

  /// Summarises `values` (at least one). Quantiles interpolate linearly between order
  /// statistics (type 7, the default of R and NumPy).
  public init(_ values: [Double]) {
    precondition(!values.isEmpty, "no values to summarise")
    let sorted = values.sorted()
    let n = Double(sorted.count)
    let average = sorted.reduce(0, +) / n
    mean = average
    sd = sorted.count > 1
      ? (sorted.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)).squareRoot() : 0
    func quantile(_ q: Double) -> Double {
      let position = q * (n - 1)
      let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
      return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
    (p05, p25, p50, p75, p95) = (quantile(0.05), quantile(0.25), quantile(0.5), quantile(0.75), quantile(0.95))
  }
}
