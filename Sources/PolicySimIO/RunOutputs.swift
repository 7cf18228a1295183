import Experiments
import Foundation
import PolicyModel

/// The files `policysim run` writes: summary.csv, scalars.csv, draws.csv, runs.csv or
/// runs.csv.gz (optional, streamed by ``PerRunWriter``) and manifest.json, which records each
/// file's rows, size and SHA-256. They are written into a ``RunFolder``'s partial folder and
/// appear together when it commits.
public struct RunOutputs {
  /// Every file name a run writes; a rerun replaces all of them.
  public static let fileNames: Set<String> = [
    "summary.csv", "scalars.csv", "draws.csv", PerRunWriter.plainName, PerRunWriter.compressedName, "manifest.json",
  ]

  public let scenario: LoadedScenario
  public let seed: UInt64
  public let results: [ReplicationResult]
  /// Threads used to summarise and format (the output does not depend on it).
  public let threads: Int
  /// Per-date statistics of every metric across replications, date-major.
  public let summary: [(date: String, metric: String, statistics: OutcomeStatistics)]

  /// Computes the statistics; `progress` is called (from worker threads) with cells done.
  public init(
    scenario: LoadedScenario, seed: UInt64, results: [ReplicationResult], threads: Int = 1,
    progress: @Sendable (Int) -> Void = { _ in }
  ) {
    self.scenario = scenario
    self.seed = seed
    self.results = results
    self.threads = threads
    let dates = scenario.reportDates
    let metrics = scenario.metricNames
    let done = Counter()
    let statistics = parallelMap(dates.count * metrics.count, threads: threads) { cell in
      let statistics = OutcomeStatistics(results.map { $0.values[cell / metrics.count][cell % metrics.count] })
      progress(done.increment())
      return statistics
    }
    summary = statistics.enumerated().map { cell, statistics in
      (dates[cell / metrics.count], metrics[cell % metrics.count], statistics)
    }
  }

  /// The statistics cells (report dates × metrics), for progress totals.
  public static func cellCount(of scenario: LoadedScenario) -> Int { scenario.model.months * scenario.metricNames.count }

  /// Writes summary.csv, scalars.csv, draws.csv and then manifest.json into `folder`'s partial
  /// folder; `perRun` is the record of runs.csv(.gz) if it was written; `extra` goes into the
  /// manifest. `progress` is told each file's name before it is written.
  /// - Throws: ``IOFailure``.
  public func write(
    into folder: RunFolder, perRun: FileRecord?, manifest extra: [String: JSONValue],
    progress: (String) -> Void = { _ in }
  ) throws {
    var summaryTable = CSVTable(header: ["scenario", "date", "metric", "mean", "sd", "p05", "p25", "p50", "p75", "p95"])
    for (date, metric, s) in summary {
      summaryTable.append([scenario.name, date, metric] + [s.mean, s.sd, s.p05, s.p25, s.p50, s.p75, s.p95].map(CSVTable.number))
    }
    let results = self.results, seed = self.seed, start = scenario.model.start
    let lastDate = scenario.reportDates.last ?? ""
    let last = scenario.metricNames.firstIndex(of: "capacity_h100e")
    let scalars = CSVTable(header: ["run", "seed", "metric", "value", "date"], rows: results.count, threads: threads) { run in
      let result = results[run]
      let depleted = result.stockpileDepletedDay
      let values: [(String, Double?, String)] = [
        ("stockpile_depleted_day", depleted, depleted.map { ISODay.string(start.addingTimeInterval($0 * 86_400)) } ?? ""),
        ("capacity_h100e_end", last.flatMap { result.values.last?[$0] }, lastDate),
        ("cumulative_domestic_packages", Double(result.cumulativeDomesticPackages), lastDate),
        ("cumulative_gray_units", Double(result.cumulativeGrayUnits), lastDate),
      ]
      return values.map { [String(run), String(seed), $0.0, CSVTable.number($0.1), $0.2] }
    }
    let draws = CSVTable(header: ["run", "parameter", "value"], rows: results.count, threads: threads) { run in
      results[run].draws.map { [String(run), $0.parameter, CSVTable.number($0.value)] }
    }
    var records: [FileRecord] = []
    for (name, table) in [("summary.csv", summaryTable), ("scalars.csv", scalars), ("draws.csv", draws)] {
      progress(name)
      folder.willWrite(name)
      let file = try OutputFile(url: folder.file(name))
      try file.write(table.content)
      records.append(try file.finish())
    }
    var manifest = extra
    manifest["scenarioFile"] = .string(scenario.file)
    manifest["scenarioName"] = .string(scenario.name)
    manifest["scenarioSHA256"] = .string(scenario.sha256)
    manifest["resolvedScenario"] = scenario.resolved
    manifest["seed"] = .number(Double(seed))
    manifest["runs"] = .number(Double(results.count))
    manifest[FileRecord.manifestKey] = FileRecord.table(records + [perRun].compactMap { $0 })
    progress("manifest.json")
    folder.willWrite("manifest.json")
    let file = try OutputFile(url: folder.file("manifest.json"))
    try file.write(canonicalJSON(.object(manifest)) + "\n")
    _ = try file.finish()
  }
}

/// A thread-safe running count.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  /// Adds one and returns the new count.
  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}

extension JSONValue {
  /// The value as canonical JSON text (see ``canonicalJSON(_:)``).
  public var canonicalText: String { canonicalJSON(self) }
}

/// JSON text with sorted keys and no insignificant whitespace, so equal documents hash alike;
/// a number that is not finite (which JSON cannot hold) becomes null.
func canonicalJSON(_ value: JSONValue) -> String {
  switch value {
  case .null: return "null"
  case .bool(let flag): return flag ? "true" : "false"
  case .number(let number): return number.isFinite ? CSVTable.number(number) : "null"
  case .string(let text):
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  case .array(let items): return "[" + items.map(canonicalJSON).joined(separator: ",") + "]"
  case .object(let members):
    return "{" + members.keys.sorted().map { canonicalJSON(.string($0)) + ":" + canonicalJSON(members[$0]!) }.joined(separator: ",") + "}"
  }
}
