import Foundation

/// The error model linking published figures to a replication's values: each figure is the
/// model's value times `exp(e_i)`, i.e. lognormal around the value, with
/// `e_i = own_i + shared`, `own_i ~ Normal(0, ownSigma_i^2)` independent and
/// `shared ~ Normal(0, sharedSigma^2)` common to every figure of the group (say, an uncertain
/// unit conversion they all went through). One figure with no shared part is the plain
/// lognormal error.
public struct LognormalError: Sendable, Equatable {
  /// The published central values (> 0).
  public let observed: [Double]
  /// The sd of each figure's own log error (> 0).
  public let ownSigma: [Double]
  /// The sd of the log error the figures share (>= 0).
  public let sharedSigma: Double

  public init(observed: [Double], ownSigma: [Double], sharedSigma: Double = 0) {
    precondition(!observed.isEmpty && observed.count == ownSigma.count, "one sigma per figure")
    precondition(observed.allSatisfy { $0 > 0 } && ownSigma.allSatisfy { $0 > 0 } && sharedSigma >= 0, "positive figures and sigmas")
    self.observed = observed
    self.ownSigma = ownSigma
    self.sharedSigma = sharedSigma
  }

  /// One figure with a log-scale sd of `sigma`.
  public init(observed: Double, sigma: Double) { self.init(observed: [observed], ownSigma: [sigma]) }

  /// The sigma for which `[low, high]` is the central 90% interval of the figure:
  /// `ln(high / low) / (2 * 1.6449)`.
  public static func sigma(ninetyPercentLow low: Double, high: Double) -> Double {
    log(high / low) / (2 * 1.6448536269514722)
  }

  /// The log-likelihood of the figures given a replication's `values` (one per figure), up to a
  /// constant: `-r' S^-1 r / 2` with `r_i = ln observed_i - ln value_i` and covariance
  /// `S = diag(ownSigma^2) + sharedSigma^2 * 1 1'` (inverted by Sherman-Morrison);
  /// `-infinity` when a value is <= 0 (which cannot produce a positive figure).
  public func logLikelihood(of values: [Double]) -> Double {
    precondition(values.count == observed.count, "one value per figure")
    guard values.allSatisfy({ $0 > 0 }) else { return -.infinity }
    var squares = 0.0, weighted = 0.0, precision = 0.0
    for (index, value) in values.enumerated() {
      let residual = log(observed[index]) - log(value), variance = ownSigma[index] * ownSigma[index]
      squares += residual * residual / variance
      weighted += residual / variance
      precision += 1 / variance
    }
    let shared = sharedSigma * sharedSigma
    return -0.5 * (squares - shared * weighted * weighted / (1 + shared * precision))
  }

  /// ``logLikelihood(of:)`` of a single figure.
  public func logLikelihood(of value: Double) -> Double { logLikelihood(of: [value]) }
}
