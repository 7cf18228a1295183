import Experiments
import Foundation
import PolicyModel

/// The files `policysim run` writes: summary.csv, scalars.csv, draws.csv, runs.csv (optional)
/// and manifest.json, each written atomically, manifest last.
public struct RunOutputs {
  public let scenario: LoadedScenario
  public let seed: UInt64
  public let results: [ReplicationResult]
  /// Threads used to summarise and format (the output does not depend on it).
  public let threads: Int
  /// Per-date statistics of every outcome across replications, date-major.
  public let summary: [(date: String, metric: String, statistics: OutcomeStatistics)]

  public init(scenario: LoadedScenario, seed: UInt64, results: [ReplicationResult], threads: Int = 1) {
    self.scenario = scenario
    self.seed = seed
    self.results = results
    self.threads = threads
    let dates = scenario.reportDates
    let metrics = scenario.model.metricNames
    let statistics = parallelMap(dates.count * metrics.count, threads: threads) { cell in
      OutcomeStatistics(results.map { $0.values[cell / metrics.count][cell % metrics.count] })
    }
    summary = statistics.enumerated().map { cell, statistics in
      (dates[cell / metrics.count], metrics[cell % metrics.count], statistics)
    }
  }

  /// Writes every file into `folder`; `perRun` adds runs.csv; `extra` goes into the manifest.
  public func write(to folder: URL, perRun: Bool, manifest extra: [String: JSONValue]) throws {
    var summaryTable = CSVTable(header: ["scenario", "date", "metric", "mean", "sd", "p05", "p25", "p50", "p75", "p95"])
    for (date, metric, s) in summary {
      summaryTable.append([scenario.name, date, metric] + [s.mean, s.sd, s.p05, s.p25, s.p50, s.p75, s.p95].map(CSVTable.number))
    }
    let results = self.results, seed = self.seed, dates = scenario.reportDates, metrics = scenario.model.metricNames
    let last = Outcome.capacityH100e.column
    let scalars = CSVTable(header: ["run", "seed", "metric", "value"], rows: results.count, threads: threads) { run in
      let result = results[run]
      let values: [(String, Double?)] = [
        ("stockpile_depleted_day", result.stockpileDepletedDay),
        ("capacity_h100e_end", result.values.last?[last]),
        ("cumulative_domestic_packages", Double(result.cumulativeDomesticPackages)),
        ("cumulative_gray_units", Double(result.cumulativeGrayUnits)),
      ]
      return values.map { [String(run), String(seed), $0.0, CSVTable.number($0.1)] }
    }
    let draws = CSVTable(header: ["run", "parameter", "value"], rows: results.count, threads: threads) { run in
      results[run].draws.map { [String(run), $0.parameter, CSVTable.number($0.value)] }
    }
    try AtomicFile.write(summaryTable.content, to: folder.appendingPathComponent("summary.csv"))
    try AtomicFile.write(scalars.content, to: folder.appendingPathComponent("scalars.csv"))
    try AtomicFile.write(draws.content, to: folder.appendingPathComponent("draws.csv"))
    if perRun {
      let runs = CSVTable(header: ["run", "date", "metric", "value"], rows: results.count, threads: threads) { run in
        results[run].values.enumerated().flatMap { month, row in
          zip(metrics, row).map { [String(run), dates[month], $0, CSVTable.number($1)] }
        }
      }
      try AtomicFile.write(runs.content, to: folder.appendingPathComponent("runs.csv"))
    }
    var manifest = extra
    manifest["scenarioFile"] = .string(scenario.file)
    manifest["scenarioName"] = .string(scenario.name)
    manifest["scenarioSHA256"] = .string(scenario.sha256)
    manifest["resolvedScenario"] = scenario.resolved
    manifest["seed"] = .number(Double(seed))
    manifest["runs"] = .number(Double(results.count))
    try AtomicFile.write(canonicalJSON(.object(manifest)) + "\n", to: folder.appendingPathComponent("manifest.json"))
  }
}

/// JSON text with sorted keys and no insignificant whitespace, so equal documents hash alike.
func canonicalJSON(_ value: JSONValue) -> String {
  switch value {
  case .null: return "null"
  case .bool(let flag): return flag ? "true" : "false"
  case .number(let number): return CSVTable.number(number)
  case .string(let text):
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  case .array(let items): return "[" + items.map(canonicalJSON).joined(separator: ",") + "]"
  case .object(let members):
    return "{" + members.keys.sorted().map { canonicalJSON(.string($0)) + ":" + canonicalJSON(members[$0]!) }.joined(separator: ",") + "}"
  }
}
