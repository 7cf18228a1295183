import Foundation

/// The parts every chart shares: title and subtitle, a legend row above the plot (so it never
/// covers data), a time axis below and a value axis on the left with gridlines and a unit title.
///
/// Layout, top to bottom: title, subtitle, legend, plot area, date labels. The plot area's
/// pixel bounds are ``plotLeft``…``plotRight`` and ``plotTop``…``plotBottom``.
public struct ChartFrame {
  /// The chart's heading, e.g. "Compute capacity: tier3, 1,000 runs".
  public var title: String
  /// A smaller second line explaining the encoding (bands, bins, sources).
  public var subtitle: String
  /// The value axis title, with units.
  public var valueLabel: String
  /// Legend entries, drawn left to right (wrapping) above the plot.
  public var legend: [LegendEntry]

  public let width: Double = 880, height: Double = 520
  public let plotLeft: Double = 78, plotRight: Double = 856
  public private(set) var plotTop: Double = 0
  public let plotBottom: Double = 478

  /// One legend item: a swatch and its text.
  public struct LegendEntry {
    public enum Swatch { case band(String), line(String, dashed: Bool), area(String) }
    public var swatch: Swatch
    public var text: String
    public init(_ swatch: Swatch, _ text: String) {
      self.swatch = swatch
      self.text = text
    }
  }

  public init(title: String, subtitle: String, valueLabel: String, legend: [LegendEntry]) {
    self.title = title
    self.subtitle = subtitle
    self.valueLabel = valueLabel
    self.legend = legend
    plotTop = 70 + 20 * Double(legendRows.count)
  }

  /// Draws title, subtitle, legend, gridlines, ticks and axis labels over a time axis; the
  /// caller then draws its series inside the plot area.
  public func draw(into svg: inout SVGDocument, dates: DateAxis, values: NiceScale, valueText: (Double) -> String) {
    drawHeadingAndValueAxis(into: &svg, values: values, valueText: valueText)
    for tick in dates.ticks {
      let x = dates.position(of: tick, from: plotLeft, to: plotRight)
      svg.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: "#f0f0f0", className: "grid")
      svg.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 5, stroke: "#888", className: "tick")
    }
    for label in dates.labels {
      svg.text(label.text, x: dates.position(of: label.date, from: plotLeft, to: plotRight), y: plotBottom + 20, size: 12, anchor: .middle, fill: "#444", className: "tick")
    }
    svg.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#888", className: "axis")
  }

  /// Draws title, subtitle, legend, gridlines, ticks and axis labels over a numeric horizontal
  /// axis titled `xLabel` (below its tick labels).
  public func draw(
    into svg: inout SVGDocument, xValues: NiceScale, xLabel: String, xText: (Double) -> String,
    values: NiceScale, valueText: (Double) -> String
  ) {
    drawHeadingAndValueAxis(into: &svg, values: values, valueText: valueText)
    for tick in xValues.ticks {
      let x = xValues.position(of: tick, from: plotLeft, to: plotRight)
      svg.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: "#e3e3e3", className: "grid")
      svg.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 5, stroke: "#888", className: "tick")
      svg.text(xText(tick), x: x, y: plotBottom + 18, size: 11, anchor: .middle, fill: "#444", className: "tick")
    }
    svg.text(xLabel, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, size: 12, anchor: .middle, fill: "#444", className: "axis-title")
    svg.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#888", className: "axis")
  }

  private func drawHeadingAndValueAxis(into svg: inout SVGDocument, values: NiceScale, valueText: (Double) -> String) {
    svg.text(title, x: plotLeft - 62, y: 26, size: 18, weight: "bold", className: "title")
    svg.text(subtitle, x: plotLeft - 62, y: 46, size: 12, fill: "#555", className: "subtitle")
    for (row, entries) in legendRows.enumerated() {
      var x = plotLeft
      let y = 68 + 20 * Double(row)
      for entry in entries {
        drawSwatch(entry.swatch, x: x, y: y, into: &svg)
        svg.text(entry.text, x: x + 26, y: y + 4, size: 12, className: "legend")
        x += Self.legendWidth(entry)
      }
    }
    for tick in values.ticks {
      let y = values.position(of: tick, from: plotBottom, to: plotTop)
      svg.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: tick == 0 ? "#888" : "#e3e3e3", className: "grid")
      svg.text(valueText(tick), x: plotLeft - 6, y: y + 4, size: 11, anchor: .end, fill: "#444", className: "tick")
    }
    svg.text(valueLabel, x: 16, y: (plotTop + plotBottom) / 2, size: 12, anchor: .middle, fill: "#444", rotated: true, className: "axis-title")
  }

  /// Legend entries split into rows that fit the plot's width.
  private var legendRows: [[LegendEntry]] {
    var rows: [[LegendEntry]] = [[]]
    var used = 0.0
    for entry in legend {
      let width = Self.legendWidth(entry)
      if used + width > plotRight - plotLeft, !rows[rows.count - 1].isEmpty {
        rows.append([])
        used = 0
      }
      rows[rows.count - 1].append(entry)
      used += width
    }
    return rows.filter { !$0.isEmpty }
  }

  /// Swatch, gap and text at ~0.58 em a character (Helvetica's average width at 12 px).
  private static func legendWidth(_ entry: LegendEntry) -> Double { 26 + 6.6 * Double(entry.text.count) + 24 }

  private func drawSwatch(_ swatch: LegendEntry.Swatch, x: Double, y: Double, into svg: inout SVGDocument) {
    switch swatch {
    case .band(let color):
      svg.rect(x: x, y: y - 7, width: 20, height: 14, fill: color, opacity: 0.18, className: "swatch")
      svg.rect(x: x, y: y - 4, width: 20, height: 8, fill: color, opacity: 0.35, className: "swatch")
      svg.line(x1: x, y1: y, x2: x + 20, y2: y, stroke: color, width: 2, className: "swatch")
    case .line(let color, let dashed):
      svg.line(x1: x, y1: y, x2: x + 20, y2: y, stroke: color, width: 2, dashed: dashed, className: "swatch")
    case .area(let color):
      svg.rect(x: x, y: y - 6, width: 20, height: 12, fill: color, opacity: 0.8, className: "swatch")
    }
  }
}
