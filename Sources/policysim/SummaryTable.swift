import ArgumentParser
import Foundation
import PolicySimIO

/// How `run` prints its summary on stdout.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
  /// A table for the terminal, at most 100 columns wide (for paths under ~60 characters).
  case table
  /// `date,metric,p05,p50,p95` rows, for scripts.
  case csv
  /// One JSON object, for scripts.
  case json
}

/// The end-of-run summary: total capacity and its legal, gray and domestic parts each December (median
/// and 90% band), and the stockpile depletion date distribution.
struct SummaryTable {
  let outputs: RunOutputs
  let folder: String
  let files: [String]

  /// The capacity columns shown (those the scenario reports): the total and the three policy
  /// levers' sources, four columns of 22 characters after the date so a line fits 100.
  private static let columns = ["capacity_h100e", "capacity_h100e_legal", "capacity_h100e_gray", "capacity_h100e_domestic"]

  private var metrics: [String] {
    let names = Set(outputs.scenario.metricNames)
    return Self.columns.filter(names.contains)
  }

  private var rows: [(date: String, metric: String, p05: Double, p50: Double, p95: Double)] {
    let wanted = Set(metrics)
    return outputs.summary.filter { $0.date.hasSuffix("-12-31") && wanted.contains($0.metric) }
      .map { ($0.date, $0.metric, $0.statistics.p05, $0.statistics.p50, $0.statistics.p95) }
  }

  /// Depletion days sorted, and their dates at the median, 5% and 95%.
  private var depletion: (share: Double, median: String, p05: String, p95: String)? {
    let days = outputs.results.compactMap(\.stockpileDepletedDay).sorted()
    guard !days.isEmpty else { return nil }
    let date = { (day: Double) in ISODay.string(outputs.scenario.model.start.addingTimeInterval(day * 86_400)) }
    return (Double(days.count) / Double(outputs.results.count), date(days[days.count / 2]), date(days[days.count / 20]),
      date(days[min(days.count - 1, days.count * 19 / 20)]))
  }

  func text(_ format: SummaryFormat) -> String {
    switch format {
    case .table: return table
    case .csv: return (["date,metric,p05,p50,p95"] + rows.map { "\($0.date),\($0.metric)," + [$0.p05, $0.p50, $0.p95].map(CSVTable.number).joined(separator: ",") }).joined(separator: "\n")
    case .json: return json
    }
  }

  private var table: String {
    let s = outputs.scenario
    var lines = ["\(s.name): \(outputs.results.count) runs, seed \(outputs.seed); capacity in H100e, median [5%, 95%]"]
    let columns = metrics
    let header = columns.map { $0 == "capacity_h100e" ? "total" : String($0.dropFirst("capacity_h100e_".count)) }
    lines.append("date        " + header.map { $0.padding(toLength: 22, withPad: " ", startingAt: 0) }.joined())
    let byDate = Dictionary(grouping: rows, by: \.date)
    for date in s.reportDates where byDate[date] != nil {
      let cells = columns.map { metric -> String in
        guard let r = byDate[date]?.first(where: { $0.metric == metric }) else { return "" }
        return "\(short(r.p50)) [\(short(r.p05)), \(short(r.p95))]"
      }
      lines.append(date + "  " + cells.map { $0.padding(toLength: 22, withPad: " ", startingAt: 0) }.joined())
    }
    if let d = depletion {
      lines.append(String(format: "Stockpile out with demand unmet in %.0f%% of runs; median %@ [5%% %@, 95%% %@]", 100 * d.share, d.median, d.p05, d.p95))
    } else {
      lines.append("Stockpile never ran out with demand unmet.")
    }
    lines.append("Wrote \(files.joined(separator: ", "))")
    lines.append("  in \(folder)")
    lines.append("Scenario SHA-256 \(s.sha256.prefix(12))…; seed \(outputs.seed); policysim \(PolicySim.configuration.version)")
    return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
  }

  private var json: String {
    var object: [String: JSONValue] = [
      "scenario": .string(outputs.scenario.name), "runs": .number(Double(outputs.results.count)),
      "seed": .number(Double(outputs.seed)), "scenarioSHA256": .string(outputs.scenario.sha256),
      "folder": .string(folder), "files": .array(files.map(JSONValue.string)),
      "rows": .array(rows.map { r in
        .object(["date": .string(r.date), "metric": .string(r.metric), "p05": .number(r.p05), "p50": .number(r.p50), "p95": .number(r.p95)])
      }),
    ]
    object["stockpileDepleted"] = depletion.map { d in
      .object(["share": .number(d.share), "median": .string(d.median), "p05": .string(d.p05), "p95": .string(d.p95)])
    } ?? .null
    return JSONValue.object(object).canonicalText
  }

  private func short(_ value: Double) -> String {
    let magnitude = abs(value)
    return magnitude >= 1e6 ? String(format: "%.2fM", value / 1e6) : magnitude >= 1e3 ? String(format: "%.0fk", value / 1e3) : String(format: "%.0f", value)
  }
}
