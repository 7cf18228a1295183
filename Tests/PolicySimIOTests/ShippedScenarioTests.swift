import Foundation
import PolicyModel
import PolicySimIO
import Testing

private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

private let shipped = [
  "baseline.json", "h200-case-by-case.json", "h20-ban.json", "b20-allowed.json", "tier3.json", "tier3-h20-ban.json",
  "smuggling-crackdown.json", "smic-breakthrough.json", "hindcast-2024.json",
]

@Test("every shipped scenario loads, cites sources for its sections and runs with conservation", arguments: shipped)
func shippedScenarioRuns(name: String) throws {
  let loaded = try LoadedScenario(file: scenarios.appendingPathComponent(name).path)
  #expect(loaded.model.months == (name == "hindcast-2024.json" ? 84 : 72))
  guard case .object(let sources)? = loaded.resolved[JSONPath(parsing: "$.sources")!] else {
    Issue.record("no sources table")
    return
  }
  for section in ["$.policies", "$.stockpile", "$.demand.spending", "$.demand.pricePerH100e", "$.domestic.waferStarts", "$.domestic.vendors[0].packaging", "$.fleet.failureRatePerYear"] {
    #expect(sources.keys.contains { $0 == section || $0.hasPrefix(section + ".") || $0.hasPrefix(section + "[") }, "\(name): no source for \(section)")
  }
  for replication in 0..<5 {  // each run checks its conservation ledger
    let result = try loaded.model.runReplication(seed: loaded.seed, replication: replication)
    #expect(result.value(.capacityH100e, month: loaded.model.months - 1) > 0)
  }
}

@Test("SMIC's advanced-node wafer starts stay under 200k wspm in every scenario that states no higher ceiling", arguments: shipped)
func waferStartsBounded(name: String) throws {
  let loaded = try LoadedScenario(file: scenarios.appendingPathComponent(name).path)
  let column = Outcome.smicWaferStarts.column
  let highest = try (0..<40).map { try loaded.model.runReplication(seed: loaded.seed, replication: $0).values.map { $0[column] }.max()! }.max()!
  if name == "smic-breakthrough.json" {
    #expect(highest > 200_000)  // its stated ceiling is Triangular(150k, 250k, 500k)
  } else {
    #expect(highest <= 200_000, "\(name): \(highest)")
  }
}

@Test("adding the H20 ban to tier3 never raises legal imports for the same seed and stops H20 lots after it")
func tier3H20BanTighter() throws {
  let tier3 = try LoadedScenario(file: scenarios.appendingPathComponent("tier3.json").path)
  let banned = try LoadedScenario(file: scenarios.appendingPathComponent("tier3-h20-ban.json").path)
  for replication in 0..<10 {
    let loose = try tier3.model.runReplication(seed: 7, replication: replication)
    let tight = try banned.model.runReplication(seed: 7, replication: replication)
    #expect(tight.total(.acquiredUnitsLegal) <= loose.total(.acquiredUnitsLegal))
    #expect(tight.total(.legalCancelledUnits) > 0)
  }
}

private extension ReplicationResult {
  func total(_ outcome: Outcome) -> Double { values.reduce(0) { $0 + $1[outcome.column] } }
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
      "\(file): error: at $.legalImports[3].sku: expected an imported SKU of the catalog, found \"H2000\"; did you mean \"H200\"?",
      "\(file): error: at $.grayMarket.channels[0].seizureProbability: expected a probability in [0, 1], found 1.7",
      "\(file): error: at $.domestic: unknown key \"aiShrae\"; did you mean \"aiShare\"?",
      "\(file): error: at $.domestic.aiShare: expected a value, found nothing",
      "\(file): error: at $.sources: expected keys that are JSON paths of this scenario, found \"$.domestic.aiShare\"",
    ] || { print(lines.joined(separator: "\n")); return false }()
  }
}
