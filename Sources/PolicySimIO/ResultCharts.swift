import Charts
import Foundation
import PolicyModel

/// The standard charts of run results: a fan chart of any metric (one scenario or several),
/// capacity stacked by source, and the stockpile depletion histogram; and the default set
/// that `policysim run --plot` writes next to the CSV files.
public enum ResultCharts {
  /// The sources of capacity, bottom to top, with legend labels.
  static let capacitySources = [
    ("capacity_h100e_nvidia", "Nvidia, legal imports"),
    ("capacity_h100e_domestic", "Domestic (SMIC / Huawei)"),
    ("capacity_h100e_gray", "Gray market"),
  ]

  /// A fan chart of `metric` for each results folder, the first one's colour first.
  /// - Throws: ``ResultsError`` when a folder lacks the metric.
  public static func fan(of metric: String, for results: [RunResults]) throws -> FanChart {
    let description = MetricDescription(metric)
    let runCounts = Set(results.map(\.runs))
    let series = try results.map { run in
      let q = try run.quantiles(of: metric)
      let label = results.count > 1 && runCounts.count == 1 ? run.scenarioName : run.caption
      return FanChart.Series(label: label, dates: q.dates, p05: q.p05, p25: q.p25, p50: q.p50, p75: q.p75, p95: q.p95)
    }
    let who = results.count == 1 ? results[0].caption
      : results.map(\.scenarioName).joined(separator: " vs ")
        + (runCounts.count == 1 ? ", \(NumberLabel.grouped(results[0].runs)) runs each" : "")
    return FanChart(title: "\(description.title): \(who)", valueLabel: description.unit, series: series)
  }

  /// The effect on `metric` of each scenario compared with the reference: a fan of the paired
  /// differences over time, with a line at zero.
  /// - Throws: ``ResultsError`` when no scenario was compared on `metric`.
  public static func effect(of metric: String, in effects: Effects) throws -> FanChart {
    let dates = effects.dates.compactMap(ISODate.parse)
    let series = effects.comparisons.compactMap { comparison -> FanChart.Series? in
      let cells = effects.dates.indices.compactMap { comparison.statistics(at: $0, of: metric)?.statistics }
      guard cells.count == dates.count else { return nil }
      return FanChart.Series(
        label: "\(comparison.scenario) − \(effects.reference)", dates: dates, p05: cells.map(\.p05), p25: cells.map(\.p25),
        p50: cells.map(\.p50), p75: cells.map(\.p75), p95: cells.map(\.p95))
    }
    guard !series.isEmpty else {
      throw ResultsError.unknownMetric(metric, in: Effects.fileName, among: effects.comparisons.first?.metrics ?? [])
    }
    let description = MetricDescription(metric)
    return FanChart(
      title: "\(description.title): effect against \(effects.reference), \(NumberLabel.grouped(effects.runs)) paired runs",
      subtitle: "Each run: scenario − \(effects.reference) under the same random draws. Line: median; darker band: middle 50% of runs; lighter: middle 90%.",
      valueLabel: description.unit, series: series, zeroLineLabel: "no effect")
  }

  /// Median capacity of each source, stacked, with the median total dashed on top.
  /// - Throws: ``ResultsError`` when a capacity metric is missing.
  public static func capacityBySource(_ results: RunResults) throws -> StackedAreaChart {
    let layers = try capacitySources.map { metric, label in
      StackedAreaChart.Layer(label: label, values: try results.quantiles(of: metric).p50)
    }
    let total = try results.quantiles(of: "capacity_h100e")
    return StackedAreaChart(
      title: "Compute capacity by source: \(results.caption)",
      subtitle: "Medians of runs, stacked; the dashed line is the median total (not the sum of medians).",
      valueLabel: "H100-equivalents", dates: total.dates, layers: layers,
      overlay: .init(label: "Total (median)", values: total.p50))
  }

  /// The quarter in which the Nvidia stockpile ran out with demand unmet, across runs.
  public static func depletion(_ results: RunResults) -> DateHistogram {
    let calendar = DateAxis.calendar
    let dates = results.depletionDays.compactMap { $0 }.map { results.start.addingTimeInterval($0 * 86_400) }
    let never = results.depletionDays.count - dates.count
    var edges = [calendar.date(from: calendar.dateComponents([.year, .month], from: results.start))!]
    let last = results.dates.last ?? results.start
    while edges[edges.count - 1] <= last { edges.append(calendar.date(byAdding: .month, value: 3, to: edges[edges.count - 1])!) }
    let median = dates.sorted().dropFirst(dates.count / 2).first.map { "median date \(Self.day($0)); " } ?? ""
    let subtitle = results.depletionDays.isEmpty
      ? "No stockpile_depleted_day in scalars.csv."
      : "Runs by quarter the stockpile ran out with demand unmet; \(median)never ran out in \(NumberLabel.grouped(never)) of "
        + "\(NumberLabel.grouped(results.depletionDays.count)) runs (\(String(format: "%.0f", 100 * Double(never) / Double(results.depletionDays.count)))%)."
    return DateHistogram(
      title: "When the Nvidia stockpile runs out: \(results.caption)",
      subtitle: subtitle,
      valueLabel: "runs per quarter", label: "Runs whose stockpile ran out in that quarter", dates: dates, edges: edges)
  }

  /// `YYYY-MM-DD` of a date in UTC.
  private static func day(_ date: Date) -> String {
    let parts = DateAxis.calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  /// The charts `policysim run --plot` draws, with their file names: capacity.svg (fan chart
  /// of capacity_h100e), capacity-by-source.svg and depletion.svg.
  public static func defaults(for results: RunResults) throws -> [(name: String, svg: String)] {
    [
      ("capacity.svg", try fan(of: "capacity_h100e", for: [results]).svg),
      ("capacity-by-source.svg", try capacityBySource(results).svg),
      ("depletion.svg", depletion(results).svg),
    ]
  }
}
