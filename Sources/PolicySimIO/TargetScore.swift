import Experiments

/// One target held against a run: the distribution of the model's value over the target's
/// window across replications, where the published central value falls in it, and a verdict.
public struct TargetScore: Sendable {
  /// Where the published central value falls, or why the target was not compared.
  public enum Verdict: String, CaseIterable, Sendable {
    case inside50 = "inside 50%"
    case inside90 = "inside 90%"
    case outside
    /// The target's window lies (partly) outside the run.
    case notCovered = "not covered"
    /// The results hold no metric of that name (nor a former name of it).
    case notInResults = "not in results"
    /// The target file says the model cannot speak to it.
    case notModelled = "not modelled"
  }

  public let target: ValidationTarget
  public let verdict: Verdict
  /// Why the target was not compared, or which former metric names were read; empty otherwise.
  public let detail: String
  /// Each replication's value over the window (empty unless compared).
  public let values: [Double]
  /// Mean, sd and quantiles of ``values`` (nil unless compared).
  public let statistics: OutcomeStatistics?
  /// The published central value's mid-rank percentile among ``values`` (nil unless compared).
  public let percentile: Double?

  /// Whether the model's distribution was compared with the published figure.
  public var isCompared: Bool { statistics != nil }

  /// Scores `target` against `results`, whose run started on `firstDay`; a metric absent from
  /// the results is looked up under its former name in `formerNames`.
  public init(_ target: ValidationTarget, results: PerRunValues, firstDay: String, formerNames: [String: String]) {
    guard let comparison = target.comparison else {
      if case .notModelled(let reason) = target.mapping { self.init(target, .notModelled, reason) } else { self.init(target, .notModelled, "") }
      return
    }
    var columns: [Int] = [], renamed: [String] = [], missing: [String] = []
    for metric in comparison.window.metrics {
      if let column = results.metrics.firstIndex(of: metric) {
        columns.append(column)
      } else if let former = formerNames[metric], let column = results.metrics.firstIndex(of: former) {
        columns.append(column)
        renamed.append("\(metric) read as \(former)")
      } else {
        missing.append(metric)
      }
    }
    guard missing.isEmpty else {
      self.init(target, .notInResults, "runs.csv has no \(missing.joined(separator: ", "))")
      return
    }
    let reports: [Int]
    switch results.reports(in: comparison.window, firstDay: firstDay) {
    case .success(let found): reports = found
    case .failure(let uncovered):
      self.init(target, .notCovered, uncovered.reason)
      return
    }
    let values = (0..<results.runs).map { run in
      reports.reduce(0.0) { sum, date in columns.reduce(sum) { $0 + results.value(run: run, date: date, metric: $1) } }
    }
    let statistics = OutcomeStatistics(values)
    let central = comparison.published.central
    let verdict: Verdict =
      (statistics.p25...statistics.p75).contains(central) ? .inside50
      : (statistics.p05...statistics.p95).contains(central) ? .inside90 : .outside
    self.init(
      target, verdict, renamed.isEmpty ? "" : renamed.joined(separator: "; ") + " (former name)",
      values: values, statistics: statistics, percentile: midRankPercentile(of: central, among: values))
  }

  private init(
    _ target: ValidationTarget, _ verdict: Verdict, _ detail: String, values: [Double] = [],
    statistics: OutcomeStatistics? = nil, percentile: Double? = nil
  ) {
    self.target = target
    self.verdict = verdict
    self.detail = detail
    self.values = values
    self.statistics = statistics
    self.percentile = percentile
  }
}
