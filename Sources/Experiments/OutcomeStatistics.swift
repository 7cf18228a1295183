/// Mean, standard deviation and quantiles of one outcome across replications.
public struct OutcomeStatistics: Sendable, Equatable {
  public let mean, sd, p05, p25, p50, p75, p95: Double

  /// Summarises `values` (at least one). Quantiles are type 7 (see ``Quantiles``).
  public init(_ values: [Double]) {
    let quantiles = Quantiles(values)
    let sorted = quantiles.sorted
    let n = Double(sorted.count)
    let average = sorted.reduce(0, +) / n
    mean = average
    sd = sorted.count > 1
      ? (sorted.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)).squareRoot() : 0
    (p05, p25, p50, p75, p95) = (quantiles.at(0.05), quantiles.at(0.25), quantiles.at(0.5), quantiles.at(0.75), quantiles.at(0.95))
  }
}
