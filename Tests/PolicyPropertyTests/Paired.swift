import Foundation
import PolicyModel
import PolicySimIO

/// Paired comparisons of two variants of a shipped scenario, replication by replication with
/// the same seed: the harness of the lever property tests.
enum Paired {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

  /// Replications tried per property (the issue asks for at least 20).
  static let replications = 24

  static func load(_ name: String) throws -> LoadedScenario {
    try LoadedScenario(file: scenarios.appendingPathComponent(name).path)
  }

  /// `scenario` with the values at the given JSON paths replaced.
  static func variant(_ scenario: LoadedScenario, _ settings: [(String, JSONValue)]) throws -> LoadedScenario {
    try scenario.applying(settings.map { (JSONPath(parsing: $0.0)!, $0.1) })
  }

  /// `scenario` with one more policy event appended.
  static func withPolicy(_ scenario: LoadedScenario, _ policy: [String: JSONValue]) throws -> LoadedScenario {
    guard case .array(let policies)? = scenario.resolved[JSONPath(parsing: "$.policies")!] else { fatalError("no policies") }
    return try variant(scenario, [("$.policies", .array(policies + [.object(policy)]))])
  }

  /// The value of `metric` at each report month of `result`.
  static func series(_ result: ReplicationResult, _ metric: String, in scenario: LoadedScenario) -> [Double] {
    let column = scenario.model.metricNames.firstIndex(of: metric)!
    return result.values.map { $0[column] }
  }

  /// Running totals of a flow.
  static func cumulative(_ values: [Double]) -> [Double] {
    var total = 0.0
    return values.map { total += $0; return total }
  }

  /// Runs replication `replication` of both variants with the scenario's seed.
  static func pair(_ a: LoadedScenario, _ b: LoadedScenario, replication: Int) throws -> (ReplicationResult, ReplicationResult) {
    (try a.model.runReplication(seed: a.seed, replication: replication),
     try b.model.runReplication(seed: a.seed, replication: replication))
  }

  /// The months before demand first binds in either run (unmet demand within a few H100e of
  /// zero: deployment stopped for want of room, not of chips).
  static func monthsBeforeDemandBinds(_ a: ReplicationResult, _ sa: LoadedScenario, _ b: ReplicationResult, _ sb: LoadedScenario) -> Int {
    let unmetA = series(a, "unmet_demand_h100e", in: sa), unmetB = series(b, "unmet_demand_h100e", in: sb)
    return unmetA.indices.first { unmetA[$0] < 10 || unmetB[$0] < 10 } ?? unmetA.count
  }

  /// The first month where `lower` exceeds `upper` (beyond rounding), or nil.
  static func firstViolation(_ lower: [Double], _ upper: [Double]) -> Int? {
    zip(lower, upper).enumerated().first { $0.element.0 > $0.element.1 + 1e-6 * max(1, abs($0.element.1)) }?.offset
  }
}
