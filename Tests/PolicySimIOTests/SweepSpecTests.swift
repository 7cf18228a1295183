import Experiments
import Foundation
import PolicySimIO
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let sweeps = root.appendingPathComponent("Scenarios/sweeps")

@Test("every shipped sweep spec is valid against tier3 and baseline")
func shippedSpecs() throws {
  let files = try FileManager.default.contentsOfDirectory(atPath: sweeps.path).filter { $0.hasSuffix(".json") }.sorted()
  #expect(files.count >= 4)
  for scenario in ["tier3.json", "baseline.json"] {
    let loaded = try LoadedScenario(file: root.appendingPathComponent("Scenarios/\(scenario)").path)
    for file in files {
      let spec = try SweepSpec(file: sweeps.appendingPathComponent(file).path, scenario: loaded)
      #expect(spec.warnings.isEmpty, "\(file)")
      #expect(!spec.dates.isEmpty && spec.dates.allSatisfy { $0.hasSuffix("-12-31") })
    }
  }
}

@Test("a spec's defaults: every outcome, each December, seed and runs from the scenario")
func specDefaults() throws {
  let loaded = try LoadedScenario(file: root.appendingPathComponent("Scenarios/tier3.json").path)
  let spec = try SweepSpec(file: sweeps.appendingPathComponent("benchmark-1000.json").path, scenario: loaded)
  #expect(spec.design == .latinHypercube(points: 1000))
  #expect(spec.dates == ["2025-12-31", "2026-12-31", "2027-12-31", "2028-12-31", "2029-12-31", "2030-12-31"])
  #expect(spec.metrics.count > 1 && spec.metrics.first == "capacity_h100e")
  let plan = try SweepPlan(spec: spec, scenario: loaded, seed: nil, runs: nil, toolVersion: "test")
  #expect(plan.seed == loaded.seed && plan.runs == loaded.runs && plan.points.count == 1000)
}

private func spec(_ json: String) throws -> SweepSpec {
  let file = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString).json")
  try Data(json.utf8).write(to: file)
  let loaded = try LoadedScenario(file: root.appendingPathComponent("Scenarios/tier3.json").path)
  return try SweepSpec(file: file.path, scenario: loaded)
}

@Test("sobol and saltelli warn when n is not a power of two; lhs does not")
func powerOfTwoWarning() throws {
  let parameters = #""parameters": [{"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1}}]"#
  let sobol = try spec(#"{"design": "sobol", "points": 100, \#(parameters)}"#)
  #expect(sobol.warnings.count == 1)
  #expect(sobol.warnings.first?.hasSuffix("warning: at $.points: sobol with 100 points loses the Sobol sequence's balance; use a power of two (64 or 128)") == true)
  #expect(try spec(#"{"design": "saltelli", "points": 100, \#(parameters)}"#).warnings.count == 1)
  #expect(try spec(#"{"design": "sobol", "points": 128, \#(parameters)}"#).warnings.isEmpty)
  #expect(try spec(#"{"design": "lhs", "points": 100, \#(parameters)}"#).warnings.isEmpty)
}

@Test("a grid needs levels for a range and no points; an unknown design gets a suggestion")
func gridAndDesignErrors() throws {
  let error = #expect(throws: ScenarioIssues.self) {
    try spec(#"{"design": "grid", "points": 4, "parameters": [{"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1}}]}"#)
  }
  #expect(error?.issues.map(\.description).map { String($0.drop { $0 != " " }) } == [
    " error: at $.points: a grid has one point per combination of values; remove \"points\"",
    " error: at $.parameters[0].range.levels: expected a whole number of levels >= 2 for a range in a grid, found nothing",
  ])
  let design = #expect(throws: ScenarioIssues.self) {
    try spec(#"{"design": "sobel", "points": 4, "parameters": [{"path": "$.fleet.failureRatePerYear", "values": [0.01]}]}"#)
  }
  #expect(design?.issues.map(\.message) == [#"expected one of grid, lhs, sobol, saltelli, found "sobel"; did you mean "sobol"?"#])
}

@Test(
  "designs above 1,000,000 points are refused before any point is placed",
  arguments: [
    (#"{"design": "lhs", "points": 1e9, "parameters": [{"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1}}]}"#,
     "at $.points: expected at most 1000000 points, found 1000000000"),
    (#"{"design": "grid", "parameters": [{"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1, "levels": 1e9}}]}"#,
     "at $.parameters[0].range.levels: expected at most 1000000 levels, found 1000000000"),
    (#"{"design": "grid", "parameters": [{"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1, "levels": 1000}}, {"path": "$.demand.growthAfterLastAnchor", "range": {"min": 1, "max": 2, "levels": 1001}}]}"#,
     "at $.parameters: expected a grid of at most 1000000 points, found 1001000 combinations of values"),
    (#"{"design": "saltelli", "points": 1e12, "parameters": [{"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1}}]}"#,
     "at $.points: expected a saltelli base of at most 333333 (points × (parameters + 2) at most 1000000), found 1000000000000"),
  ])
func designSizeLimit(json: String, message: String) throws {
  let started = Date()
  do {
    _ = try spec(json)
    Issue.record("expected a refusal")
  } catch let issues as ScenarioIssues {
    #expect(issues.issues.map { "at \($0.path?.description ?? ""): \($0.message)" } == [message])
  }
  #expect(Date().timeIntervalSince(started) < 5)
}
