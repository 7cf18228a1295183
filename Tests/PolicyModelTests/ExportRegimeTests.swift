import Foundation
import PolicyModel
import Testing

private func chip(_ id: String) -> ChipSKU { ChipCatalog.sku(id)! }
private func date(_ text: String) -> Date { ISODate.parse(text)! }

@Test("TPP and performance density match the worked checks in domain.md")
func tppAndDensity() {
  #expect(chip("H100").tpp == 15_832)
  #expect(chip("H20").tpp == 2_368)
  #expect(chip("A100").tpp == 4_992)
  #expect(chip("B200").tpp == 36_000)
  #expect(abs(chip("H20").performanceDensity - 2.909) < 0.001)
  #expect(abs(chip("A100").performanceDensity - 6.04) < 0.01)
  #expect(abs(chip("Ascend910B").h100Equivalents - 320.0 / 989) < 1e-12)
}

@Test("Oct 2022 rule: A800 and H800 escape through the interconnect prong; A100 and H100 do not")
func october2022() {
  let rule = ClassificationRule.october2022
  #expect(rule.matchingCriterion(for: chip("A100")) != nil)
  #expect(rule.matchingCriterion(for: chip("H100")) != nil)
  #expect(rule.matchingCriterion(for: chip("A800")) == nil)
  #expect(rule.matchingCriterion(for: chip("H800")) == nil)
  #expect(rule.matchingCriterion(for: chip("H20")) == nil)
}

@Test("Oct 2023 rule catches A800, H800 and RTX 4090, not H20, nor the RTX 4090D (a consumer card escapes the density test) nor the B40")
func october2023() {
  let rule = ClassificationRule.october2023
  for id in ["A800", "H800", "RTX4090", "H200", "B200"] {
    #expect(rule.matchingCriterion(for: chip(id)) != nil, "\(id)")
  }
  for id in ["H20", "RTX4090D", "B40"] {
    #expect(rule.matchingCriterion(for: chip(id)) == nil, "\(id)")
  }
  // The 4090D's density (7.7) is above 5.92: only its consumer market keeps it out.
  #expect(chip("RTX4090D").performanceDensity > 5.92 && abs(chip("RTX4090D").tpp - 4_707) < 1)
  #expect(abs(chip("RTX4090").tpp - 5_285) < 1 && chip("B40").performanceDensity < 5.92)
}

@Test("dated events change exportability on their date, with the reason given")
func datedRegime() {
  let events = [
    PolicyEvent(date: date("2022-10-07"), change: .classification(.october2022), note: "Oct 2022"),
    PolicyEvent(date: date("2022-10-07"), change: .destinationTier(.tier3), note: "China D:5"),
    PolicyEvent(date: date("2023-10-17"), change: .classification(.october2023), note: "Oct 2023"),
    PolicyEvent(
      date: date("2025-04-09"),
      change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 0, delayDays: 90)),
      note: "H20 licence requirement 2025-04-09"),
  ]
  func verdict(_ id: String, _ day: String) -> ExportDecision.Verdict {
    ExportRegime(events: events, at: date(day)).exportDecision(for: chip(id)).verdict
  }
  #expect(verdict("A800", "2023-01-01") == .allowed)
  #expect(verdict("A800", "2023-10-17") == .denied)
  #expect(verdict("H20", "2025-04-08") == .allowed)
  #expect(verdict("H20", "2025-04-09") == .licenceRequired(approvalProbability: 0, delayDays: 90))
  let reason = ExportRegime(events: events, at: date("2024-01-01")).exportDecision(for: chip("H100")).reason
  #expect(reason == "controlled under Oct 2023 rule (3A090.a): TPP 15832 ≥ 4800; Tier 3 embargo")
}

@Test("a Tier 2 destination gets controlled chips within caps, Tier 1 without limit")
func tiers() {
  var regime = ExportRegime()
  regime.classification = .october2023
  regime.destinationTier = .tier2
  #expect(regime.exportDecision(for: chip("H100")).verdict == .capped)
  regime.destinationTier = .tier1
  #expect(regime.exportDecision(for: chip("H100")).verdict == .allowed)
}

@Test("ISO dates are parsed strictly")
func isoDates() {
  #expect(ISODate.parse("2025-02-29") == nil)
  #expect(ISODate.parse("2025/01/15") == nil)
  #expect(ISODate.parse("2024-02-29") != nil)
}
