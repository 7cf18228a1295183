import ArgumentParser
import Foundation
import PolicyModel

extension PolicySim {
  /// Lists the chip catalog with TPP, performance density, H100e and exportability to China.
  struct Chips: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the chip catalog and whether each chip is exportable to China on a date.",
      discussion: """
        Exportability follows the historical US rules (Oct 2022, Oct 2023, the H20 licence \
        requirement of Apr 2025, H200 case-by-case review from Jan 2026) and China's own import \
        bans, as in force on --date.

        Example: policysim chips --date 2025-06-01
        """)

    @Option(help: "The date to evaluate the rules at, YYYY-MM-DD.")
    var date: String = "2026-01-15"

    func validate() throws {
      guard ISODate.parse(date) != nil else {
        throw ValidationError("--date: expected a date YYYY-MM-DD, found \"\(date)\"")
      }
    }

    func run() throws {
      let regime = ExportRegime(events: PolicyTimeline.historical, at: ISODate.parse(date)!)
      print("Chips and export status to China on \(date)")
      print(
        pad("SKU", 13) + pad("vendor", 8) + pad("TPP", 8, right: true) + pad("PD", 7, right: true)
          + pad("H100e", 7, right: true) + "  status")
      for chip in ChipCatalog.standard {
        var status = chip.origin == .domestic
          ? "domestic (not subject to US export rules)"
          : regime.exportDecision(for: chip).reason
        if let ban = regime.isBlockedByChina(chip) { status += "; blocked by China: \(ban)" }
        print(
          pad(chip.id + (chip.specsReported ? "*" : ""), 13) + pad(chip.vendor, 8)
            + pad(String(Int(chip.tpp.rounded())), 8, right: true)
            + pad(String(format: "%.2f", chip.performanceDensity), 7, right: true)
            + pad(String(format: "%.2f", chip.h100Equivalents), 7, right: true) + "  " + status)
      }
      print("* specifications reported in the press, not published")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
      let fill = String(repeating: " ", count: max(0, width - text.count))
      return right ? fill + text : text + fill
    }
  }
}
