import Foundation

/// The error model linking a published figure to a replication's value: the figure is the
/// model's value times `exp(e)`, `e ~ Normal(0, sigma^2)`, i.e. lognormal around the value.
public struct LognormalError: Sendable, Equatable {
  /// The published central value (> 0).
  public let observed: Double
  /// The standard deviation of the log error (> 0).
  public let sigma: Double

  public init(observed: Double, sigma: Double) {
    precondition(observed > 0 && sigma > 0, "lognormal error needs a positive observation and sigma")
    self.observed = observed
    self.sigma = sigma
  }

  /// The sigma for which `[low, high]` is the central 90% interval of the figure:
  /// `ln(high / low) / (2 * 1.6449)`.
  public static func sigma(ninetyPercentLow low: Double, high: Double) -> Double {
    log(high / low) / (2 * 1.6448536269514722)
  }

  /// The log-likelihood of the observation given a replication's `value`, up to a constant:
  /// `-(ln observed - ln value)^2 / (2 sigma^2)`; `-infinity` for a value <= 0 (which cannot
  /// produce a positive figure).
  public func logLikelihood(of value: Double) -> Double {
    guard value > 0 else { return -.infinity }
    let z = (log(observed) - log(value)) / sigma
    return -0.5 * z * z
  }
}
