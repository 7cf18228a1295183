import Experiments
import Foundation
import PolicyModel

/// A sweep ready to run: the spec's design points over a scenario, each point run with the same
/// replications and seeds as `policysim run` (common random numbers across points).
public struct SweepPlan {
  public let spec: SweepSpec
  /// The scenario as loaded with the base `--set` overrides.
  public let scenario: LoadedScenario
  public let seed: UInt64
  public let runs: Int
  public let toolVersion: String
  /// Every design point, one value per spec parameter.
  public let points: [[Double]]

  /// Places the design points; `seed` and `runs` default to the spec's, then the scenario's.
  public init(
    spec: SweepSpec, scenario: LoadedScenario, seed: UInt64?,
    runs: Int?, toolVersion: String
  ) throws {
    self.spec = spec
    self.scenario = scenario
    self.seed = seed ?? spec.seed ?? scenario.seed
    self.runs = runs ?? spec.runs ?? scenario.runs
    self.toolVersion = toolVersion
    self.points = try spec.design.points(over: spec.parameters.map(\.domain), seed: self.seed)
  }

  /// What makes two sweeps the same: the manifest of a whole sweep, and what a shard's manifest
  /// and journal carry besides the shard. No wall times, hosts or shard ids, so a merged sweep's
  /// manifest equals an unsharded one's byte for byte.
  public var identity: [String: JSONValue] {
    let design: JSONValue
    switch spec.design {
    case .grid: design = .object(["kind": .string("grid")])
    case .latinHypercube(let n): design = .object(["kind": .string("lhs"), "points": .number(Double(n))])
    case .sobol(let n): design = .object(["kind": .string("sobol"), "points": .number(Double(n))])
    case .saltelli(let n): design = .object(["kind": .string("saltelli"), "base": .number(Double(n))])
    }
    return [
      "toolVersion": .string(toolVersion),
      "scenarioFile": .string(scenario.file),
      "scenarioName": .string(scenario.name),
      "scenarioSHA256": .string(scenario.sha256),
      "resolvedScenario": scenario.resolved,
      "specFile": .string(spec.file),
      "specSHA256": .string(spec.sha256),
      "spec": spec.json,
      "seed": .number(Double(seed)),
      "runs": .number(Double(runs)),
      "design": design,
      "parameters": .array(spec.parameters.map { .object(["name": .string($0.name), "path": .string($0.path.description)]) }),
      "pointCount": .number(Double(points.count)),
      "metrics": .array(spec.metrics.map(JSONValue.string)),
      "dates": .array(spec.dates.map(JSONValue.string)),
    ]
  }

  /// Runs `shard`'s points not yet in `folder`'s journal, recording each as it finishes, then
  /// writes points.csv, results.csv and manifest.json for the shard's points.
  /// - Parameter progress: called after each point with (points finished, points in the shard).
  /// - Returns: how many points came from the journal and how many were run now.
  /// - Throws: ``SweepJournalError``; ``SweepPointError`` when a point fails.
  public func run(
    shard: Shard, into folder: URL, threads: Int, progress: (Int, Int) -> Void = { _, _ in }
  ) throws -> (resumed: Int, ran: Int) {
    var manifest = identity
    if shard != .whole { manifest["shard"] = .string(shard.description) }
    let journal = try SweepJournal(folder: folder, identity: .object(manifest), pointCount: points.count)
    let mine = shard.points(among: points.count)
    let resumed = mine.filter { journal.finished[$0] != nil }.count
    var done = resumed
    progress(done, mine.count)
    for point in mine where journal.finished[point] == nil {
      try journal.record(point: point, rows: resultRows(point: point, threads: threads))
      done += 1
      progress(done, mine.count)
    }
    var tables = SweepTables(parameterNames: spec.parameters.map(\.name))
    for point in mine {
      tables.points[point] = ([String(point)] + points[point].map(CSVTable.number)).joined(separator: ",") + "\n"
      tables.results[point] = journal.finished[point]
    }
    try tables.write(to: folder, manifest: manifest)
    return (resumed, mine.count - resumed)
  }

  /// The results.csv lines of one point: statistics of each metric at each date.
  func resultRows(point: Int, threads: Int) throws -> String {
    let values = points[point]
    let pointOverrides = zip(spec.parameters, values).map { ($0.path, JSONValue.number($1)) }
    let results: [ReplicationResult]
    do {
      let loaded = try scenario.applying(pointOverrides)
      results = try MonteCarloRun(scenario: loaded.model, seed: seed, runs: runs, threads: threads).run()
    } catch {
      throw SweepPointError(point: point, settings: zip(spec.parameters, values).map { "\($0.name)=\(CSVTable.number($1))" }, underlying: error)
    }
    let reportDates = scenario.reportDates
    var rows = ""
    for metric in spec.metrics {
      let column = scenario.model.metricNames.firstIndex(of: metric)!
      for date in spec.dates {
        let month = reportDates.firstIndex(of: date)!
        let s = OutcomeStatistics(results.map { $0.values[month][column] })
        rows += ([String(point), metric, date] + [s.mean, s.sd, s.p05, s.p50, s.p95].map(CSVTable.number)).joined(separator: ",") + "\n"
      }
    }
    return rows
  }
}

/// One design point could not be run; names the point and its parameter values.
public struct SweepPointError: Error, CustomStringConvertible {
  public let point: Int
  public let settings: [String]
  public let underlying: any Error
  /// True when the scenario rejected the point's values (invalid input, not a runtime failure).
  public var isInvalidInput: Bool { underlying is ScenarioIssues }
  public var description: String {
    "point \(point) (\(settings.joined(separator: ", "))): \(underlying)"
  }
}
