/// The distribution of a policy's effect in one cell (report date × outcome): the paired
/// differences scenario − reference, one per replication, summarised as ``OutcomeStatistics``
/// does, plus the share of replications in which the difference is negative.
public struct EffectStatistics: Sendable, Equatable {
  /// Mean, sd and type-7 quantiles of the differences.
  public let statistics: OutcomeStatistics
  /// The fraction of replications with a difference strictly below zero (a tie is not lower).
  public let shareNegative: Double

  /// Summarises `differences` (at least one, no NaN), in replication order.
  public init(differences: [Double]) {
    statistics = OutcomeStatistics(differences)
    shareNegative = Double(differences.lazy.filter { $0 < 0 }.count) / Double(differences.count)
  }
}
