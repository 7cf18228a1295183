import Foundation

/// A fan chart: for each series, the median over time as a line, with the central 50% (p25–p75)
/// and 90% (p05–p95) of runs as nested translucent bands. Several series (scenarios) share
/// one chart, one colour each, bands first and medians on top so no line is hidden.
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

  /// The subtitle of a fan chart of runs.
  public static let runsSubtitle = "Line: median of runs; darker band: middle 50% of runs; lighter band: middle 90%."

  public var title: String
  /// The line under the title that explains the encoding.
  public var subtitle: String
  public var valueLabel: String
  public var series: [Series]
  /// When set, a solid line at zero with this legend text (for differences, whose sign is
  /// the point); nil draws none.
  public var zeroLineLabel: String?

  public init(title: String, subtitle: String = runsSubtitle, valueLabel: String, series: [Series], zeroLineLabel: String? = nil) {
    self.title = title
    self.subtitle = subtitle
    self.valueLabel = valueLabel
    self.series = series
    self.zeroLineLabel = zeroLineLabel
  }

  /// The chart as SVG text.
  public var svg: String {
    var legend = series.enumerated().map { ChartFrame.LegendEntry(.band(Palette.color($0.offset)), $0.element.label) }
    if let zeroLineLabel { legend.append(.init(.line("#222", dashed: false), zeroLineLabel)) }
    let frame = ChartFrame(title: title, subtitle: subtitle, valueLabel: valueLabel, legend: legend)
    let dates = DateAxis(spanning: series.flatMap(\.dates))
    let values = NiceScale(covering: series.flatMap { $0.p05 + $0.p95 })
    var svg = SVGDocument(width: frame.width, height: frame.height)
    frame.draw(into: &svg, dates: dates, values: values) { NumberLabel.short($0, step: values.step) }
    func point(_ date: Date, _ value: Double) -> (x: Double, y: Double) {
      (dates.position(of: date, from: frame.plotLeft, to: frame.plotRight), values.position(of: value, from: frame.plotBottom, to: frame.plotTop))
    }
    for (index, line) in series.enumerated() {
      svg.beginGroup(className: "series", label: line.label)
      for (low, high, opacity, name) in [(line.p05, line.p95, 0.16, "band90"), (line.p25, line.p75, 0.30, "band50")] {
        let outline = zip(line.dates, high).map(point) + zip(line.dates, low).reversed().map(point)
        svg.polygon(outline, fill: Palette.color(index), opacity: opacity, className: name)
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
      svg.polyline(zip(line.dates, line.p50).map(point), stroke: Palette.color(index), width: 2.5, className: "median")
      svg.endGroup()
    }
    return svg.markup
  }
}
