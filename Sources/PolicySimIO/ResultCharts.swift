import Charts
import Foundation
import PolicyModel

/// The standard charts of run results: a fan chart of any metric (one scenario or several),
/// capacity stacked by source, and the stockpile depletion histogram; and the default set
/// that `policysim run --plot` writes next to the CSV files.
///
/// Charts name scenarios by their `title` (plain words) and end with a credit line (tool
/// version, runs, seed, run date) from the manifests, so a published chart says where its
/// numbers come from.
public enum ResultCharts {
  /// The sources of capacity, bottom to top, as `capacity_h100e_<source>`, with legend labels.
  /// A folder holds the sources its model reports; the others are left out.
  static let capacitySources = [
    ("stockpile", "Stockpile (held at the start)"), ("legal", "Legal imports"), ("gray", "Gray market"),
    ("gaming", "Converted gaming cards"), ("domestic", "Domestic (Huawei, Cambricon)"),
  ]

  /// A fan chart of `metric` for each results folder, the first one's colour first.
  /// - Throws: ``ResultsError`` when a folder lacks the metric.
  public static func fan(of metric: String, for results: [RunResults]) throws -> FanChart {
    let description = MetricDescription(metric)
    let titles = results.map(\.title)
    let series = try results.map { run in
      let q = try run.quantiles(of: metric)
      // Two folders of one scenario (e.g. different run counts) are told apart by folder.
      let label = titles.filter { $0 == run.title }.count > 1 ? "\(run.title) (\(run.folder.lastPathComponent))" : run.title
      return FanChart.Series(label: label, dates: q.dates, p05: q.p05, p25: q.p25, p50: q.p50, p75: q.p75, p95: q.p95)
    }
    let who = results.count <= 2 ? ": " + titles.joined(separator: " vs ") : " under \(results.count) scenarios"
    return FanChart(
      title: description.title + who, valueLabel: description.unit, series: series, note: description.note,
      credit: credit(for: results))
  }

  /// The effect on `metric` of each scenario compared with the reference: a fan of the paired
  /// differences over time, with a line at zero; the credit names `toolVersion`, the runs and
  /// the seed.
  /// - Throws: ``ResultsError`` when no scenario was compared on `metric`.
  public static func effect(of metric: String, in effects: Effects, toolVersion: String) throws -> FanChart {
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
      title: "\(description.title): effect against \(effects.reference)",
      valueLabel: description.unit, series: series,
      note: "Each run: scenario − \(effects.reference) under the same random draws. " + description.note,
      credit: "policysim \(toolVersion) · \(NumberLabel.grouped(effects.runs)) paired runs · seed \(effects.seed)",
      zeroLineLabel: "no effect")
  }

  /// Median capacity of each source, stacked, with the median total dashed on top.
  /// - Throws: ``ResultsError`` when the folder has no capacity by source or no total.
  public static func capacityBySource(_ results: RunResults) throws -> StackedAreaChart {
    let present = capacitySources.filter { results.metrics.contains("capacity_h100e_\($0.0)") }
    guard !present.isEmpty else {
      throw ResultsError(results.folder.appendingPathComponent("summary.csv").path, "no capacity by source (capacity_h100e_<source>) to stack")
    }
    let layers = try present.map { source, label in
      StackedAreaChart.Layer(label: label, values: try results.quantiles(of: "capacity_h100e_\(source)").p50)
    }
    let total = try results.quantiles(of: "capacity_h100e")
    return StackedAreaChart(
      title: "Compute capacity by source: \(results.title)",
      subtitle: "Medians of runs, stacked; the dashed line is the median total (not the sum of medians). "
        + MetricDescription("capacity_h100e").note,
      valueLabel: "H100-equivalents", dates: total.dates, layers: layers,
      overlay: .init(label: "Total (median)", values: total.p50), credit: credit(for: [results]))
  }

  /// The quarter in which the imported chips waiting for service ran out with demand unmet,
  /// across runs.
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
      : "Runs by quarter imported chips ran out with demand unmet; \(median)never ran out in \(NumberLabel.grouped(never)) of "
        + "\(NumberLabel.grouped(results.depletionDays.count)) runs (\(String(format: "%.0f", 100 * Double(never) / Double(results.depletionDays.count)))%)."
    return DateHistogram(
      title: "When imported chips run out: \(results.title)",
      subtitle: subtitle,
      valueLabel: "runs per quarter", label: "Runs whose stockpile ran out in that quarter", dates: dates, edges: edges,
      credit: credit(for: [results]))
  }

  /// "policysim 0.1.0 · 1,000 runs · seed 20250115 · run 2026-11-25": what a reader needs to
  /// reproduce the chart; values the folders share are said once.
  static func credit(for results: [RunResults]) -> String {
    func distinct<T: Hashable>(_ values: [T?]) -> [T] {
      var seen = Set<T>()
      return values.compactMap { $0 }.filter { seen.insert($0).inserted }
    }
    let each = results.count > 1 ? " each" : ""
    let versions = distinct(results.map(\.toolVersion))
    let runs = distinct(results.map(\.runs))
    let seeds = distinct(results.map(\.seed))
    let dates = distinct(results.map(\.runDate)).sorted()
    return [
      (["policysim"] + versions).joined(separator: " "),
      runs.count == 1 ? "\(NumberLabel.grouped(runs[0])) runs\(each)"
        : results.map { "\($0.title): \(NumberLabel.grouped($0.runs)) runs" }.joined(separator: ", "),
      seeds.isEmpty ? nil : (seeds.count == 1 ? "seed " : "seeds ") + seeds.map(String.init).joined(separator: ", "),
      dates.isEmpty ? nil : "run " + (dates.count == 1 ? dates[0] : "\(dates[0]) to \(dates[dates.count - 1])"),
    ].compactMap { $0 }.joined(separator: " · ")
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
