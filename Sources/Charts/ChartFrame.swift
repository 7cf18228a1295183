import Foundation

/// The parts every chart shares: title and subtitle (wrapped to the width), a legend row above
/// the plot (so it never covers data), a time axis below, a value axis on the left with
/// gridlines and a unit title, and a credit line at the bottom.
///
/// Layout, top to bottom: title, subtitle, legend, plot area, date labels, credit. The plot
/// area's pixel bounds are ``plotLeft``…``plotRight`` and ``plotTop``…``plotBottom``. The
/// image is 720 × 500 with text of 12 px and more, so that shown 600 px wide (a phone, a
/// newspaper column) the smallest text is still 10 px and tick labels 11.7 px.
public struct ChartFrame {
  /// The chart's heading, e.g. "Compute capacity: tier3".
  public var title: String
  /// Smaller lines explaining the encoding (bands, bins, sources) and the unit.
  public var subtitle: String
  /// The value axis title, with units.
  public var valueLabel: String
  /// Legend entries, drawn left to right (wrapping) above the plot.
  public var legend: [LegendEntry]
  /// Where the numbers come from (tool version, runs, seed, date), in small type at the bottom.
  public var credit: String

  public let width: Double = 720, height: Double = 500
  public let plotLeft: Double = 76, plotRight: Double = 700
  public private(set) var plotTop: Double = 0
  public private(set) var plotBottom: Double = 0

  /// Font sizes in pixels.
  static let titleSize = 20.0, textSize = 14.0, creditSize = 12.0
  /// The left edge of the title, subtitle and credit.
  private let textLeft = 14.0

  /// One legend item: a swatch and its text.
  public struct LegendEntry {
    public enum Swatch { case band(String), outlinedBand(String), line(String, dashed: Bool), area(String) }
    public var swatch: Swatch
    public var text: String
    public init(_ swatch: Swatch, _ text: String) {
      self.swatch = swatch
      self.text = text
    }
  }

  /// `xAxisTitled` reserves a line below the tick labels for a numeric axis's title.
  public init(title: String, subtitle: String, valueLabel: String, legend: [LegendEntry], credit: String = "", xAxisTitled: Bool = false) {
    self.title = title
    self.subtitle = subtitle
    self.valueLabel = valueLabel
    self.legend = legend
    self.credit = credit
    plotTop = legendTop + 22 * Double(legendRows.count) + 8
    plotBottom = (creditLines.isEmpty ? height - 12 : creditBaseline(0) - 18) - 26 - (xAxisTitled ? 22 : 0)
  }

  /// Draws title, subtitle, legend, gridlines, ticks, axis labels and credit over a time axis;
  /// the caller then draws its series inside the plot area.
  public func draw(into svg: inout SVGDocument, dates: DateAxis, values: NiceScale, valueText: (Double) -> String) {
    drawHeadingAndValueAxis(into: &svg, values: values, valueText: valueText)
    for tick in dates.ticks {
      let x = dates.position(of: tick, from: plotLeft, to: plotRight)
      svg.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: "#f0f0f0", className: "grid")
      svg.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 5, stroke: "#888", className: "tick")
    }
    for label in dates.labels {
      svg.text(label.text, x: dates.position(of: label.date, from: plotLeft, to: plotRight), y: plotBottom + 21, size: Self.textSize, anchor: .middle, fill: "#444", className: "tick")
    }
    svg.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#888", className: "axis")
  }

  /// Draws title, subtitle, legend, gridlines, ticks, axis labels and credit over a numeric
  /// horizontal axis titled `xLabel` (below its tick labels).
  public func draw(
    into svg: inout SVGDocument, xValues: NiceScale, xLabel: String, xText: (Double) -> String,
    values: NiceScale, valueText: (Double) -> String
  ) {
    drawHeadingAndValueAxis(into: &svg, values: values, valueText: valueText)
    for tick in xValues.ticks {
      let x = xValues.position(of: tick, from: plotLeft, to: plotRight)
      svg.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: "#e3e3e3", className: "grid")
      svg.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 5, stroke: "#888", className: "tick")
      svg.text(xText(tick), x: x, y: plotBottom + 21, size: Self.textSize, anchor: .middle, fill: "#444", className: "tick")
    }
    svg.text(xLabel, x: (plotLeft + plotRight) / 2, y: plotBottom + 40, size: Self.textSize, anchor: .middle, fill: "#444", className: "axis-title")
    svg.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#888", className: "axis")
  }

  private func drawHeadingAndValueAxis(into svg: inout SVGDocument, values: NiceScale, valueText: (Double) -> String) {
    for (index, line) in titleLines.enumerated() {
      svg.text(line, x: textLeft, y: 30 + 25 * Double(index), size: Self.titleSize, weight: "bold", className: "title")
    }
    for (index, line) in subtitleLines.enumerated() {
      svg.text(line, x: textLeft, y: subtitleTop + 18 * Double(index), size: Self.textSize, fill: "#444", className: "subtitle")
    }
    for (row, entries) in legendRows.enumerated() {
      var x = plotLeft
      let y = legendTop + 22 * Double(row)
      for entry in entries {
        drawSwatch(entry.swatch, x: x, y: y, into: &svg)
        svg.text(entry.text, x: x + 28, y: y + 5, size: Self.textSize, className: "legend")
        x += Self.legendWidth(entry)
      }
    }
    for tick in values.ticks {
      let y = values.position(of: tick, from: plotBottom, to: plotTop)
      svg.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: tick == 0 ? "#888" : "#e3e3e3", className: "grid")
      svg.text(valueText(tick), x: plotLeft - 6, y: y + 5, size: Self.textSize, anchor: .end, fill: "#444", className: "tick")
    }
    svg.text(valueLabel, x: 20, y: (plotTop + plotBottom) / 2, size: Self.textSize, anchor: .middle, fill: "#444", rotated: true, className: "axis-title")
    for (index, line) in creditLines.enumerated() {
      svg.text(line, x: textLeft, y: creditBaseline(index), size: Self.creditSize, fill: "#666", className: "credit")
    }
  }

  private var textWidth: Double { width - 2 * textLeft }
  private var titleLines: [String] { TextLayout.wrap(title, size: Self.titleSize, width: textWidth, bold: true) }
  private var subtitleLines: [String] { TextLayout.wrap(subtitle, size: Self.textSize, width: textWidth) }
  private var creditLines: [String] { TextLayout.wrap(credit, size: Self.creditSize, width: textWidth) }
  private var subtitleTop: Double { 30 + 25 * Double(titleLines.count - 1) + 22 }
  private var legendTop: Double { subtitleTop + 18 * Double(subtitleLines.count - 1) + 24 }
  private func creditBaseline(_ line: Int) -> Double { height - 10 - 15 * Double(creditLines.count - 1 - line) }

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

  /// Swatch, gap, text and the space before the next entry.
  static func legendWidth(_ entry: LegendEntry) -> Double { 28 + TextLayout.width(entry.text, size: textSize) + 22 }

  private func drawSwatch(_ swatch: LegendEntry.Swatch, x: Double, y: Double, into svg: inout SVGDocument) {
    switch swatch {
    case .band(let color):
      svg.rect(x: x, y: y - 7, width: 22, height: 14, fill: color, opacity: 0.18, className: "swatch")
      svg.rect(x: x, y: y - 4, width: 22, height: 8, fill: color, opacity: 0.35, className: "swatch")
      svg.line(x1: x, y1: y, x2: x + 22, y2: y, stroke: color, width: 2.5, className: "swatch")
    case .outlinedBand(let color):
      svg.rect(x: x, y: y - 6, width: 22, height: 12, fill: color, opacity: 0.08, className: "swatch")
      svg.line(x1: x, y1: y - 6, x2: x + 22, y2: y - 6, stroke: color, width: 1.2, className: "swatch")
      svg.line(x1: x, y1: y + 6, x2: x + 22, y2: y + 6, stroke: color, width: 1.2, className: "swatch")
      svg.line(x1: x, y1: y, x2: x + 22, y2: y, stroke: color, width: 3, className: "swatch")
    case .line(let color, let dashed):
      svg.line(x1: x, y1: y, x2: x + 22, y2: y, stroke: color, width: 2.5, dashed: dashed, className: "swatch")
    case .area(let color):
      svg.rect(x: x, y: y - 7, width: 22, height: 14, fill: color, opacity: 0.8, className: "swatch")
    }
  }
}
