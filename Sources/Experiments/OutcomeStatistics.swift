/// Mean, standard deviation and quantiles of one outcome across replications.
public struct OutcomeStatistics: Sendable, Equatable {
  public let mean, sd, p05, p25, p50, p75, p95: Double

  /// Summarises `values` (at least one): mean and sd in the values' order, quantiles of type 7
  /// (see ``Quantiles``).
  public init(_ values: [Double]) {
    let n = Double(values.count)
    let average = values.reduce(0, +) / n
    mean = average
    sd = values.count > 1
      ? (values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)).squareRoot() : 0
    let q = Quantiles.of(values, at: [0.05, 0.25, 0.5, 0.75, 0.95])
    (p05, p25, p50, p75, p95) = (q[0], q[1], q[2], q[3], q[4])
  }
}
