import Foundation
import Testing

@Test("policysim chips shows the H20 licence requirement from its date on")
func chipsOnDates() throws {
  let before = try runPolicySim(["chips", "--date", "2025-04-08"])
  let after = try runPolicySim(["chips", "--date", "2025-04-09"])
  #expect(before.status == 0 && after.status == 0)
  let h20 = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("H20 ") } ?? "" }
  #expect(h20(before.stdout).hasSuffix("not controlled under Oct 2023 rule (3A090.a)"))
  #expect(h20(after.stdout).contains("licence required: H20 licence requirement"))
}

@Test("a malformed date is a usage error: exit 64 and a one-line message naming the option")
func chipsBadDate() throws {
  let result = try runPolicySim(["chips", "--date", "2025/04/09"])
  #expect(result.status == 64)
  #expect(result.stderr.hasPrefix("Error: --date: expected a date YYYY-MM-DD, found \"2025/04/09\"\n"))
  #expect(result.stdout.isEmpty)
}

@Test("chips --scenario uses the scenario's policies and shows the verdict per destination tier")
func chipsUnderScenario() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let result = try runPolicySim(["chips", "--scenario", root.appendingPathComponent("Scenarios/tier3-h20-ban.json").path, "--date", "2026-01-01"])
  #expect(result.status == 0, "\(result.stderr)")
  let line = { (id: String) in result.stdout.split(separator: "\n").first { $0.hasPrefix(id + " ") }.map(String.init) ?? "" }
  #expect(line("H20").contains("denied  denied  denied  banned by SKU rule"))
  #expect(line("H200").contains("allowed capped  denied  controlled under Oct 2023 rule"))
  #expect(line("Ascend910C").hasSuffix("domestic (not subject to US export rules)"))
  #expect(line("RTX4090D").contains("allowed allowed allowed not controlled"))
  let invalid = try runPolicySim(["chips", "--scenario", root.appendingPathComponent("Tests/Fixtures/invalid-scenarios/negative-rate.json").path])
  #expect(invalid.status == 65 && invalid.stderr.contains("at $.demand.pricePerH100e.level"))
}
