import Foundation

/// Weights of replications from their log-likelihoods, as in importance sampling from the
/// prior: `w_i = exp(l_i - max l)`, so the largest weight is 1 and none overflows.
public struct ImportanceWeights: Sendable, Equatable {
  /// One weight per replication, in replication order, the largest 1.
  public let weights: [Double]

  /// Weights from one log-likelihood per replication; `-infinity` (an impossible run) gives
  /// weight 0. Nil when no replication has a finite log-likelihood.
  public init?(logLikelihoods: [Double]) {
    guard let best = logLikelihoods.filter(\.isFinite).max() else { return nil }
    weights = logLikelihoods.map { $0.isFinite ? exp($0 - best) : 0 }
  }

  /// Kish's effective sample size, `(sum w)^2 / sum w^2`: the number of equally weighted
  /// replications that would give the same variance of a weighted mean. Equals the count when
  /// the weights are equal and 1 when a single replication holds all the weight.
  public var effectiveSampleSize: Double {
    let sum = weights.reduce(0, +), squares = weights.reduce(0) { $0 + $1 * $1 }
    return sum * sum / squares
  }

  /// The weights divided by their sum.
  public var normalised: [Double] {
    let sum = weights.reduce(0, +)
    return weights.map { $0 / sum }
  }
}
