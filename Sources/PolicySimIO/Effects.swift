import Experiments

/// The effects of several scenarios against a reference: for each scenario, report date and
/// metric shared with the reference, the distribution of the paired difference
/// scenario − reference over replications run with the same seeds.
public struct Effects: Sendable {
  /// One scenario against the reference.
  public struct Comparison: Sendable {
    public let scenario: String
    /// The metrics both have, in the reference's order.
    public let metrics: [String]
    /// `statistics[date × metrics.count + metric]`.
    public let statistics: [EffectStatistics]

    /// The effect on `metric` at report date index `date`; nil when the metric is not compared.
    public func statistics(at date: Int, of metric: String) -> EffectStatistics? {
      metrics.firstIndex(of: metric).map { statistics[date * metrics.count + $0] }
    }
  }

  /// The reference scenario's name.
  public let reference: String
  public let seed: UInt64
  /// Paired replications.
  public let runs: Int
  /// The report dates, `YYYY-MM-DD`.
  public let dates: [String]
  /// One per scenario other than the reference, in the order given.
  public let comparisons: [Comparison]

  /// effects.csv: one row per scenario, date and metric, with the columns of summary.csv and
  /// `share_negative`.
  public var table: CSVTable {
    var table = CSVTable(header: ["scenario", "reference", "date", "metric", "mean", "sd", "p05", "p25", "p50", "p75", "p95", "share_negative"])
    for comparison in comparisons {
      for (date, day) in dates.enumerated() {
        for (index, metric) in comparison.metrics.enumerated() {
          let effect = comparison.statistics[date * comparison.metrics.count + index], s = effect.statistics
          table.append(
            [comparison.scenario, reference, day, metric]
              + [s.mean, s.sd, s.p05, s.p25, s.p50, s.p75, s.p95, effect.shareNegative].map(CSVTable.number))
        }
      }
    }
    return table
  }
}
