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
      let spec = try SweepSpec(file: sweeps.appendingPathComponent(file).path, scenario: loaded, overrides: [])
      #expect(spec.warnings.isEmpty, "\(file)")
      #expect(!spec.dates.isEmpty && spec.dates.allSatisfy { $0.hasSuffix("-12-31") })
    }
  }
}

@Test("a spec's defaults: every outcome, each December, seed and runs from the scenario")
func specDefaults() throws {
  let loaded = try LoadedScenario(file: root.appendingPathComponent("Scenarios/tier3.json").path)
  let spec = try SweepSpec(file: sweeps.appendingPathComponent("benchmark-1000.json").path, scenario: loaded, overrides: [])
  #expect(spec.design == .latinHypercube(points: 1000))
  #expect(spec.dates == ["2025-12-31", "2026-12-31", "2027-12-31", "2028-12-31", "2029-12-31", "2030-12-31"])
  #expect(spec.metrics.count > 1 && spec.metrics.first?.rawValue == "capacity_h100e")
  let plan = try SweepPlan(spec: spec, scenario: loaded, overrides: [], seed: nil, runs: nil, toolVersion: "test")
  #expect(plan.seed == loaded.seed && plan.runs == loaded.runs && plan.points.count == 1000)
}
