import Foundation
import PolicyModel
import PolicySimIO

/// The end-of-run table: key outcomes each December, median and 90% band, and the stockpile
/// depletion date distribution.
struct SummaryTable {
  let outputs: RunOutputs
  let folder: String

  var text: String {
    let summary = outputs.summary
    let keys: [Outcome] = [.capacityH100e, .capacityStockpile, .capacityLegal, .capacityGray, .capacityDomestic]
    var lines = ["\(outputs.scenario.name): \(outputs.results.count) runs, seed \(outputs.seed); median [5%, 95%], H100e"]
    lines.append("date        " + keys.map { $0.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0) }.joined())
    for date in outputs.scenario.reportDates where date.hasSuffix("-12-31") {
      let cells = keys.map { key -> String in
        let s = summary.first { $0.date == date && $0.metric == key.rawValue }!.statistics
        return "\(shortNumber(s.p50)) [\(shortNumber(s.p05)), \(shortNumber(s.p95))]".padding(toLength: 26, withPad: " ", startingAt: 0)
      }
      lines.append(date + "  " + cells.joined())
    }
    let days = outputs.results.compactMap(\.stockpileDepletedDay).sorted()
    if days.isEmpty {
      lines.append("Imported chips never ran out with demand unmet.")
    } else {
      let share = 100 * Double(days.count) / Double(outputs.results.count)
      lines.append(String(format: "Imported chips ran out with demand unmet in %.0f%% of runs; median date %@ [5%%: %@, 95%%: %@]", share, date(days[days.count / 2]), date(days[days.count / 20]), date(days[min(days.count - 1, days.count * 19 / 20)])))
    }
    lines.append("Wrote \(folder)/summary.csv, scalars.csv, draws.csv, manifest.json (scenario SHA-256 \(outputs.scenario.sha256.prefix(12))…)")
    return lines.joined(separator: "\n")
  }

  private func date(_ day: Double) -> String {
    let formatter = DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: outputs.scenario.model.start.addingTimeInterval(day * 86_400))
  }
}
