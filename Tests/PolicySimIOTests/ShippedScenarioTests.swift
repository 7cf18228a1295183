import Foundation
import PolicyModel
import PolicySimIO
import Testing

private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

@Test("every shipped scenario loads, cites a source for each section and runs with conservation", arguments: ["baseline.json", "tier3.json"])
func shippedScenarioRuns(name: String) throws {
  let loaded = try LoadedScenario(file: scenarios.appendingPathComponent(name).path)
  #expect(loaded.model.months == 72)
  guard case .object(let sources)? = loaded.resolved[JSONPath(parsing: "$.sources")!] else {
    Issue.record("no sources table")
    return
  }
  for section in ["$.policies", "$.stockpile", "$.demand.h100ePerMonth", "$.domestic.hbmStacks", "$.fleet.failureRatePerYear"] {
    #expect(sources[section] != nil, "\(name): no source for \(section)")
  }
  for replication in 0..<5 {
    let result = try loaded.model.runReplication(seed: loaded.seed, replication: replication)
    #expect(result.value(.capacityH100e, month: 71) > 0)
  }
}

@Test("tier3 never imports H20 after its ban and imports less than baseline for the same seed")
func tier3TighterThanBaseline() throws {
  let baseline = try LoadedScenario(file: scenarios.appendingPathComponent("baseline.json").path)
  let tier3 = try LoadedScenario(file: scenarios.appendingPathComponent("tier3.json").path)
  for replication in 0..<10 {
    let loose = try baseline.model.runReplication(seed: 7, replication: replication)
    let tight = try tier3.model.runReplication(seed: 7, replication: replication)
    let total = { (r: ReplicationResult) in (0..<72).reduce(0) { $0 + r.value(.legalImportUnits, month: $1) } }
    #expect(total(tight) <= total(loose))
    #expect((4..<72).allSatisfy { tight.value(.legalImportUnits, month: $0) == 0 })
  }
}

@Test("a malformed scenario reports every problem in one pass, one line each")
func malformedScenario() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let text = try String(contentsOf: scenarios.appendingPathComponent("baseline.json"), encoding: .utf8)
    .replacingOccurrences(of: #""end": "2030-12-31""#, with: #""end": "2024-12-31""#)
    .replacingOccurrences(of: #""seizureProbability": {"dist": "beta", "alpha": 2, "beta": 18}"#, with: #""seizureProbability": 1.7"#)
    .replacingOccurrences(of: #""sku": "H200", "monthlyUnits""#, with: #""sku": "H2000", "monthlyUnits""#)
    .replacingOccurrences(of: #""aiShare""#, with: #""aiShrae""#)
  let file = dir.appendingPathComponent("bad.json").path
  try Data(text.utf8).write(to: URL(fileURLWithPath: file))
  #expect {
    _ = try LoadedScenario(file: file)
  } throws: { error in
    let lines = "\(error)".split(separator: "\n").map(String.init)
    return lines == [
      "\(file): error: at $.end: expected a date after start (\"2025-01-01\"), found \"2024-12-31\"",
      "\(file): error: at $.legalImports[1].sku: expected an imported SKU of the catalog, found \"H2000\"; did you mean \"H200\"?",
      "\(file): error: at $.grayMarket.channels[0].seizureProbability: expected a probability in [0, 1], found 1.7",
      "\(file): error: at $.domestic: unknown key \"aiShrae\"; did you mean \"aiShare\"?",
      "\(file): error: at $.domestic.aiShare: expected a value, found nothing",
      "\(file): error: at $.sources: expected keys that are JSON paths of this scenario, found \"$.domestic.aiShare\"",
    ] || { print(lines.joined(separator: "\n")); return false }()
  }
}
