import ArgumentParser
import Foundation
import PolicyModel
import PolicySimIO

extension PolicySim {
  /// Lists the chip catalog with TPP, performance density, H100e and exportability to China.
  struct Chips: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the chip catalog and whether each chip is exportable on a date, and why.",
      discussion: """
        For each chip: TPP, performance density (PD), H100-equivalents, the US verdict for \
        a destination in Tier 1, 2 and 3 (allowed, capped, licence, denied), and for China \
        (in its tier under the rules on --date) the decision with its reason and any Chinese \
        import ban.

        The rules are the historical ones (Oct 2022, Oct 2023, the H20 licence requirement of \
        Apr 2025, H200 case-by-case review from Jan 2026, China's own bans) unless --scenario \
        names a scenario, whose policies are used instead.

        Exit status: 0 success; 64 bad arguments; 65 invalid scenario.

        Examples:
          policysim chips --date 2025-06-01
          policysim chips --scenario Scenarios/tier3.json --date 2026-01-01
        """)

    @Option(help: "The date to evaluate the rules at, YYYY-MM-DD.")
    var date: String = "2026-01-15"

    @Option(help: "Use this scenario's policies instead of the historical rules.", completion: .file(extensions: ["json"]))
    var scenario: String?

    func validate() throws {
      guard ISODate.parse(date) != nil else {
        throw ValidationError("--date: expected a date YYYY-MM-DD, found \"\(date)\"")
      }
    }

    func run() throws {
      try withFailureReport { try show() }
    }

    private func show() throws {
      let policies = try scenario.map { try loadScenario($0).model.policies } ?? PolicyTimeline.historical
      let regime = ExportRegime(events: policies, at: ISODate.parse(date)!)
      print("Chips on \(date) under \(scenario ?? "the historical rules"); China is in Tier \(regime.destinationTier.rawValue)")
      print(
        pad("SKU", 13) + pad("vendor", 8) + pad("TPP", 8, right: true) + pad("PD", 7, right: true)
          + pad("H100e", 7, right: true) + "  " + pad("T1", 8) + pad("T2", 8) + pad("T3", 8) + "China")
      for chip in ChipCatalog.standard {
        let tiers = DestinationTier.allCases.map { tier -> String in
          guard chip.origin == .foreign else { return "-" }
          var hypothetical = regime
          hypothetical.destinationTier = tier
          return Self.word(hypothetical.verdict(for: chip))
        }
        var status = chip.origin == .domestic
          ? "domestic (not subject to US export rules)"
          : regime.exportDecision(for: chip).reason
        if let ban = regime.isBlockedByChina(chip) { status += "; blocked by China: \(ban)" }
        print(
          pad(chip.id + (chip.specsReported ? "*" : ""), 13) + pad(chip.vendor, 8)
            + pad(String(Int(chip.tpp.rounded())), 8, right: true)
            + pad(String(format: "%.2f", chip.performanceDensity), 7, right: true)
            + pad(String(format: "%.2f", chip.h100Equivalents), 7, right: true) + "  "
            + tiers.map { pad($0, 8) }.joined() + status)
      }
      print("* specifications reported in the press, not published")
    }

    private static func word(_ verdict: ExportDecision.Verdict) -> String {
      switch verdict {
      case .allowed: "allowed"
      case .capped: "capped"
      case .licenceRequired: "licence"
      case .denied: "denied"
      }
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
      let fill = String(repeating: " ", count: max(0, width - text.count))
      return right ? fill + text : text + fill
    }
  }
}
