/// The distribution of a policy's effect in one cell (report date × outcome): the paired
/// differences scenario − reference, one per replication, summarised as ``OutcomeStatistics``
/// does, plus the share of replications in which the difference is negative.
public struct EffectStatistics: Sendable, Equatable {
  /// Mean, sd and type-7 quantiles of the differences.
  public let statistics: OutcomeStatistics
  /// The fraction of replications with a difference strictly below zero (a tie is not lower).
  public let shareNegative: Double

  /// `value − reference`, or exactly 0 when the two agree to within 1e-9 of the larger's
  /// magnitude: the same quantity summed in a different order differs in its last bits, and such
  /// noise must not count a run as lower or higher.
  public static func difference(_ value: Double, from reference: Double) -> Double {
    let difference = value - reference
    return abs(difference) <= 1e-9 * max(abs(value), abs(reference)) ? 0 : difference
  }

  /// Summarises `differences` (at least one, no NaN), in replication order.
  public init(differences: [Double]) {
    statistics = OutcomeStatistics(differences)
    shareNegative = Double(differences.lazy.filter { $0 < 0 }.count) / Double(differences.count)
  }
}
