import Foundation

/// What scenario discovery reads from a results folder: each run's drawn parameters
/// (draws.csv) and whether it is of interest under a condition on one outcome (runs.csv for a
/// per-date outcome, scalars.csv for a scalar).
public struct DiscoveryData: Sendable {
  public let manifest: RunManifest
  /// The drawn parameters by JSON path, in draws.csv order.
  public let parameters: [String]
  /// `values[parameter][run]`.
  public let values: [[Double]]
  /// Whether each run meets the condition.
  public let interesting: [Bool]

  /// Reads `folder`.
  /// - Throws: ``ResultsError`` naming the file (and line) when a file is missing or malformed,
  ///   the metric or date is not in it, or a run is missing.
  public init(folder: URL, condition: OutcomeCondition) throws {
    manifest = try RunManifest(folder: folder)
    try manifest.verifyRecorded(["draws.csv", condition.date == nil ? "scalars.csv" : PerRunValues.fileName])
    let runs = manifest.runs
    (parameters, values) = try Self.draws(CSVStream(file: folder.appendingPathComponent("draws.csv")), runs: runs)
    let outcomes = try condition.date.map { try Self.outcomes(RunsTable.open(folder), metric: condition.metric, date: $0, runs: runs) }
      ?? Self.scalars(CSVStream(file: folder.appendingPathComponent("scalars.csv")), metric: condition.metric, runs: runs)
    interesting = outcomes.map(condition.holds)
  }

  /// The share of runs of interest.
  public var baseRate: Double { Double(interesting.lazy.filter { $0 }.count) / Double(interesting.count) }

  private static func draws(_ csv: CSVStream, runs: Int) throws -> ([String], [[Double]]) {
    let (runColumn, parameterColumn, valueColumn) = (try csv.column("run"), try csv.column("parameter"), try csv.column("value"))
    var names: [String] = [], index: [String: Int] = [:], values: [[Double?]] = []
    while try csv.next() {
      let run = try Self.run(csv, runColumn, runs: runs), name = csv.string(parameterColumn)
      guard let value = try csv.number(valueColumn) else { throw ResultsError("\(csv.file.path):\(csv.line)", "expected a number in value, found an empty field") }
      let parameter = index[name] ?? names.count
      if parameter == names.count {
        index[name] = parameter
        names.append(name)
        values.append(Array(repeating: nil, count: runs))
      }
      values[parameter][run] = value
    }
    guard !names.isEmpty else { throw ResultsError(csv.file.path, "no drawn parameters (the scenario has no uncertain values to discover boxes in)") }
    return (names, try zip(names, values).map { name, column in
      try column.enumerated().map { run, value in
        guard let value else { throw ResultsError(csv.file.path, "no value of \(name) in run \(run)") }
        return value
      }
    })
  }

  private static func outcomes(_ table: RunsTable, metric: String, date: String, runs: Int) throws -> [Double?] {
    guard let metricIndex = table.metrics.firstIndex(of: metric) else {
      throw ResultsError.unknownMetric(metric, in: table.file.path, among: table.metrics)
    }
    guard let dateIndex = table.dates.firstIndex(of: date) else {
      throw ResultsError(table.file.path, "no report date \(date) (report dates are month ends from \(table.dates.first!) to \(table.dates.last!))")
    }
    var outcomes: [Double?] = []
    while let values = try table.nextRun() { outcomes.append(values[dateIndex * table.metrics.count + metricIndex]) }
    guard outcomes.count == runs else { throw ResultsError(table.file.path, "holds \(outcomes.count) runs, the manifest \(runs)") }
    return outcomes
  }

  private static func scalars(_ csv: CSVStream, metric: String, runs: Int) throws -> [Double?] {
    let (runColumn, metricColumn, valueColumn) = (try csv.column("run"), try csv.column("metric"), try csv.column("value"))
    var outcomes = [Double??](repeating: nil, count: runs), metrics: [String] = []
    while try csv.next() {
      let name = csv.string(metricColumn)
      if !metrics.contains(name) { metrics.append(name) }
      if name == metric { outcomes[try Self.run(csv, runColumn, runs: runs)] = .some(try csv.number(valueColumn)) }
    }
    guard metrics.contains(metric) else {
      throw ResultsError(csv.file.path, ResultsError.unknownMetric(metric, in: "", among: metrics).message + "; a metric reported at each date needs METRIC@YYYY-MM-DD")
    }
    return try outcomes.enumerated().map { run, value in
      guard let value else { throw ResultsError(csv.file.path, "no \(metric) in run \(run)") }
      return value
    }
  }

  private static func run(_ csv: CSVStream, _ column: Int, runs: Int) throws -> Int {
    guard let number = try csv.number(column), let run = Int(exactly: number), (0..<runs).contains(run) else {
      throw ResultsError("\(csv.file.path):\(csv.line)", "expected a run number from 0 to \(runs - 1) (the manifest's runs), found \"\(csv.string(column))\"")
    }
    return run
  }
}
