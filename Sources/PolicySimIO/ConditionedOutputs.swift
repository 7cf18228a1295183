import Charts
import Experiments
import Foundation
import PolicyModel

/// The files `policysim condition` writes: summary-conditioned.csv (summary.csv's columns,
/// weighted), parameters-conditioned.csv (each drawn parameter before and after weighting),
/// weights.csv, a prior-vs-conditioned fan chart per metric, and conditioned-manifest.json last.
public struct ConditionedOutputs: Sendable {
  public static let summaryFile = "summary-conditioned.csv"
  public static let parametersFile = "parameters-conditioned.csv"
  public static let weightsFile = "weights.csv"
  public static let manifestFile = "conditioned-manifest.json"
  /// An effective sample size below this earns a warning.
  public static let fewRuns = 200.0

  public let conditioning: Conditioning
  public let targets: ValidationTargets
  public let defaultSigma: Double
  /// Weighted statistics at every date and metric, date-major.
  public let summary: [(date: String, metric: String, statistics: OutcomeStatistics)]
  /// The same, unweighted (equal to summary.csv).
  public let prior: [(date: String, metric: String, statistics: OutcomeStatistics)]
  public let parameters: [(parameter: String, prior: OutcomeStatistics, conditioned: OutcomeStatistics?)]

  public init(_ conditioning: Conditioning, draws: DrawnParameterValues, targets: ValidationTargets, defaultSigma: Double, threads: Int) {
    self.conditioning = conditioning
    self.targets = targets
    self.defaultSigma = defaultSigma
    summary = conditioning.summary(threads: threads)
    prior = conditioning.summary(weighted: false, threads: threads)
    parameters = conditioning.parameters(draws)
  }

  public var effectiveSampleSize: Double { conditioning.weights.effectiveSampleSize }

  public var summaryCSV: String {
    var table = CSVTable(header: ["scenario", "date", "metric", "mean", "sd", "p05", "p25", "p50", "p75", "p95"])
    for (date, metric, s) in summary {
      table.append([conditioning.run.scenarioName, date, metric] + [s.mean, s.sd, s.p05, s.p25, s.p50, s.p75, s.p95].map(CSVTable.number))
    }
    return table.content
  }

  public var parametersCSV: String {
    var table = CSVTable(header: [
      "parameter", "prior_mean", "prior_sd", "prior_p05", "prior_p50", "prior_p95",
      "conditioned_mean", "conditioned_sd", "conditioned_p05", "conditioned_p50", "conditioned_p95", "shift_sd",
    ])
    for (name, prior, conditioned) in parameters {
      let before = [prior.mean, prior.sd, prior.p05, prior.p50, prior.p95]
      let after = conditioned.map { [$0.mean, $0.sd, $0.p05, $0.p50, $0.p95] } ?? []
      table.append([name] + (before + after).map(CSVTable.number) + Array(repeating: "", count: 5 - after.count) + [CSVTable.number(Self.shift(prior, conditioned))])
    }
    return table.content
  }

  /// The move of the mean in prior standard deviations (nil without a spread or a conditioned value).
  static func shift(_ prior: OutcomeStatistics, _ conditioned: OutcomeStatistics?) -> Double? {
    guard let conditioned, prior.sd > 0 else { return nil }
    return (conditioned.mean - prior.mean) / prior.sd
  }

  public var weightsCSV: String {
    var table = CSVTable(header: ["run", "weight"])
    for (run, weight) in conditioning.weights.normalised.enumerated() { table.append([String(run), CSVTable.number(weight)]) }
    return table.content
  }

  /// A fan chart of `metric`: all runs (prior) against the weighted runs.
  /// - Throws: ``ResultsError`` naming the metrics present when `metric` is not one of them.
  public func chart(of metric: String) throws -> FanChart {
    guard conditioning.results.metrics.contains(metric) else {
      throw ResultsError.unknownMetric(metric, in: "\(conditioning.location)/\(PerRunValues.fileName)", among: conditioning.results.metrics)
    }
    func series(_ rows: [(date: String, metric: String, statistics: OutcomeStatistics)], label: String) -> FanChart.Series {
      let picked = rows.filter { $0.metric == metric }
      let s = picked.map(\.statistics)
      return FanChart.Series(
        label: label, dates: picked.compactMap { ISODate.parse($0.date) },
        p05: s.map(\.p05), p25: s.map(\.p25), p50: s.map(\.p50), p75: s.map(\.p75), p95: s.map(\.p95))
    }
    let run = conditioning.run, ids = conditioning.observations.map(\.score.target.id).joined(separator: ", ")
    let description = MetricDescription(metric)
    return FanChart(
      title: "\(description.title): \(run.scenarioName), prior vs conditioned on published figures",
      valueLabel: description.unit,
      series: [
        series(prior, label: "Prior: all \(NumberLabel.grouped(run.runs)) runs"),
        series(summary, label: "Conditioned on \(ids) (effective sample size \(Int(effectiveSampleSize.rounded())))"),
      ])
  }

  /// The chart's file name: conditioned-<metric>.svg.
  public static func chartFile(_ metric: String) -> String { "conditioned-\(metric).svg" }

  /// conditioned-manifest.json: the error model, the figures used and where the run came from.
  public func manifest(toolVersion: String, charts: [String]) -> String {
    let run = conditioning.run
    let observations: [JSONValue] = conditioning.observations.map { observation in
      let comparison = observation.score.target.comparison!
      return .object([
        "id": .string(observation.score.target.id), "metric": .array(comparison.window.metrics.map(JSONValue.string)),
        "window": .string(comparison.window.text), "published": .number(comparison.published.central),
        "sigma": .number(observation.sigma), "ownSigma": .number(observation.ownSigma),
        "conversionSigma": .number(observation.conversionSigma), "sigmaFrom": .string(observation.sigmaSource),
        "errorGroup": .string(observation.group),
      ])
    }
    let manifest: JSONValue = .object([
      "toolVersion": .string(toolVersion), "scenarioName": .string(run.scenarioName), "scenarioFile": .string(run.scenarioFile),
      "scenarioSHA256": .string(run.scenarioSHA256), "seed": .number(Double(run.seed)), "runs": .number(Double(run.runs)),
      "runToolVersion": .string(run.toolVersion), "targetsFile": .string(targets.file), "targetsSHA256": .string(targets.sha256),
      "errorModel": .string("published = value x exp(own + conversion); own ~ Normal(0, ownSigma^2) per target (stated, else ln(high/low)/3.29, else defaultSigma); conversion ~ Normal(0, conversionSigma^2), shared within an error group"),
      "defaultSigma": .number(defaultSigma), "cutoff": .string(conditioning.cutoff), "observations": .array(observations),
      "leftOut": .array(conditioning.skipped.map { .string("\($0.id): \($0.why): \($0.reason)") }),
      "effectiveSampleSize": .number(effectiveSampleSize), "charts": .array(charts.map(JSONValue.string)),
    ])
    return canonicalJSON(manifest) + "\n"
  }

  /// Writes every file into `folder`, a chart per metric in `charts`, the manifest last; returns
  /// the names written.
  public func write(to folder: URL, charts: [String], toolVersion: String) throws -> [String] {
    let svgs = try charts.map { (Self.chartFile($0), try chart(of: $0).svg) }
    let files = [(Self.summaryFile, summaryCSV), (Self.parametersFile, parametersCSV), (Self.weightsFile, weightsCSV)] + svgs
      + [(Self.manifestFile, manifest(toolVersion: toolVersion, charts: svgs.map(\.0)))]
    try OutputFolder.commit(files, into: folder, owned: [Self.manifestFile])
    return files.map(\.0)
  }

  /// The terminal report: figures used and left out, the effective sample size, and the
  /// parameters the figures move most.
  public var report: String {
    let run = conditioning.run, count = conditioning.observations.count
    var lines = ["\(run.scenarioName): \(run.runs) runs weighted by \(count) independent target\(count == 1 ? "" : "s") ending by \(conditioning.cutoff) (lognormal error)"]
    for observation in conditioning.observations {
      let comparison = observation.score.target.comparison!, s = observation.score.statistics!
      let weighted = OutcomeStatistics(observation.score.values, weights: conditioning.weights.weights)
      let group = observation.score.target.comparison?.errorGroup.map { ", error group \($0)" } ?? ""
      lines.append("  " + ScoreReport.fit(observation.score.target.id, 12) + "published \(QuantityText.short(comparison.published.central)), sigma \(String(format: "%.2f", observation.sigma)) (\(observation.sigmaSource)\(group))")
      lines.append(String(repeating: " ", count: 14) + "model \(QuantityText.band(s.p50, s.p05, s.p95)) -> conditioned \(QuantityText.band(weighted.p50, weighted.p05, weighted.p95))")
    }
    for why in Set(conditioning.skipped.map(\.why)).sorted() {
      lines += ScoreReport.wrapped("Left out, \(why):", conditioning.skipped.filter { $0.why == why }.map(\.id))
    }
    lines.append(String(format: "Effective sample size (Kish): %.1f of %d runs", effectiveSampleSize, run.runs))
    let moved = parameters.compactMap { row in Self.shift(row.prior, row.conditioned).map { (row, $0) } }
      .sorted { abs($0.1) > abs($1.1) }.prefix(5)
    if !moved.isEmpty {
      lines.append("Parameters the figures move most (conditioned mean - prior mean, in prior sd):")
      for (row, shift) in moved {
        lines.append(String(format: "  %+6.2f sd  ", shift) + ScoreReport.fit(row.parameter, 50)
          + "\(QuantityText.short(row.prior.mean)) -> \(QuantityText.short(row.conditioned!.mean))")
      }
    }
    return lines.joined(separator: "\n")
  }
}
