import Foundation

/// A fan chart: for each series, the median over time as a line with the spread of runs as
/// bands. One series shows the central 50% (p25–p75) and 90% (p05–p95) of runs as nested
/// translucent bands. Several series (a comparison) show only their 50% bands, faintly filled
/// and outlined, so that three or more overlapping scenarios stay apart instead of blending
/// into one muddy colour; medians are drawn last so no line is hidden.
public struct FanChart {
  /// One scenario's quantiles at each date.
  public struct Series {
    public var label: String
    public var dates: [Date]
    public var p05, p25, p50, p75, p95: [Double]

    /// A series; every array holds one value per date.
    public init(label: String, dates: [Date], p05: [Double], p25: [Double], p50: [Double], p75: [Double], p95: [Double]) {
      precondition([p05, p25, p50, p75, p95].allSatisfy { $0.count == dates.count }, "one quantile per date")
      self.label = label
      self.dates = dates
      (self.p05, self.p25, self.p50, self.p75, self.p95) = (p05, p25, p50, p75, p95)
    }
  }

  public var title: String
  public var valueLabel: String
  public var series: [Series]
  /// Subtitle text after the description of lines and bands (e.g. what the unit means).
  public var note: String
  /// The credit line (see ``ChartFrame/credit``).
  public var credit: String
  /// When set, a solid line at zero with this legend text (for differences, whose sign is
  /// the point); nil draws none.
  public var zeroLineLabel: String?

  public init(title: String, valueLabel: String, series: [Series], note: String = "", credit: String = "", zeroLineLabel: String? = nil) {
    self.title = title
    self.valueLabel = valueLabel
    self.series = series
    self.note = note
    self.credit = credit
    self.zeroLineLabel = zeroLineLabel
  }

  /// True when several series share the chart, which then shows 50% bands only.
  public var isComparison: Bool { series.count > 1 }

  /// The chart as SVG text.
  public var svg: String {
    let encoding = isComparison
      ? "Lines: median of runs; outlined bands: middle 50% of runs."
      : "Line: median of runs; darker band: middle 50% of runs; lighter band: middle 90%."
    var legend = series.enumerated().map {
      ChartFrame.LegendEntry(isComparison ? .outlinedBand(Palette.color($0.offset)) : .band(Palette.color($0.offset)), $0.element.label)
    }
    if let zeroLineLabel { legend.append(.init(.line("#222", dashed: false), zeroLineLabel)) }
    let frame = ChartFrame(
      title: title, subtitle: note.isEmpty ? encoding : encoding + " " + note, valueLabel: valueLabel, legend: legend, credit: credit)
    let dates = DateAxis(spanning: series.flatMap(\.dates))
    var covered: [Double] = series.flatMap { isComparison ? $0.p25 + $0.p75 + $0.p50 : $0.p05 + $0.p95 }
    if zeroLineLabel != nil { covered.append(0) }
    let values = NiceScale(covering: covered)
    var svg = SVGDocument(width: frame.width, height: frame.height, title: title, description: description)
    frame.draw(into: &svg, dates: dates, values: values) { NumberLabel.short($0, step: values.step) }
    func point(_ date: Date, _ value: Double) -> (x: Double, y: Double) {
      (dates.position(of: date, from: frame.plotLeft, to: frame.plotRight), values.position(of: value, from: frame.plotBottom, to: frame.plotTop))
    }
    func band(_ line: Series, _ low: [Double], _ high: [Double]) -> [(x: Double, y: Double)] {
      zip(line.dates, high).map(point) + zip(line.dates, low).reversed().map(point)
    }
    for (index, line) in series.enumerated() {
      svg.beginGroup(className: "series", label: line.label)
      if isComparison {
        // Fainter as more bands overlap, so that where they all do it stays a light grey.
        svg.polygon(band(line, line.p25, line.p75), fill: Palette.color(index), opacity: min(0.1, 0.24 / Double(series.count)), className: "band50")
        for edge in [line.p25, line.p75] {
          svg.polyline(zip(line.dates, edge).map(point), stroke: Palette.color(index), width: 1.2, className: "band50-edge")
        }
      } else {
        svg.polygon(band(line, line.p05, line.p95), fill: Palette.color(index), opacity: 0.16, className: "band90")
        svg.polygon(band(line, line.p25, line.p75), fill: Palette.color(index), opacity: 0.30, className: "band50")
      }
      svg.endGroup()
    }
    if let zeroLineLabel {
      let y = values.position(of: 0, from: frame.plotBottom, to: frame.plotTop)
      svg.beginGroup(className: "reference", label: zeroLineLabel)
      svg.line(x1: frame.plotLeft, y1: y, x2: frame.plotRight, y2: y, stroke: "#222", width: 1.5, className: "zero")
      svg.endGroup()
    }
    for (index, line) in series.enumerated() {
      svg.beginGroup(className: "series", label: line.label)
      svg.polyline(zip(line.dates, line.p50).map(point), stroke: Palette.color(index), width: 3, className: "median")
      svg.endGroup()
    }
    return svg.markup
  }

  /// The chart in words, for screen readers: the span, and each series' median at the first
  /// and last date with its bands at the last.
  public var description: String {
    let allDates = series.flatMap(\.dates)
    guard let first = allDates.min(), let last = allDates.max() else { return "An empty chart of \(valueLabel)." }
    let n = NumberLabel.approximate
    let lines = series.compactMap { line -> String? in
      guard let end = line.dates.indices.last else { return nil }
      let ninety = isComparison ? "" : "; middle 90% \(n(line.p05[end])) to \(n(line.p95[end]))"
      return "\(line.label): median \(n(line.p50[0])) in \(DateAxis.monthName(line.dates[0])), \(n(line.p50[end])) in "
        + "\(DateAxis.monthName(line.dates[end])) (middle 50% of runs \(n(line.p25[end])) to \(n(line.p75[end]))\(ninety))."
    }
    return "\(isComparison ? "\(series.count) scenarios compared" : "Fan chart"): \(valueLabel), "
      + "\(DateAxis.monthName(first)) to \(DateAxis.monthName(last)). " + lines.joined(separator: " ")
  }
}
