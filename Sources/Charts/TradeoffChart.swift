import Foundation

/// Points in the unit square joined in order, each coloured by a small whole number on a
/// sequential scale: a peeling trajectory's coverage (x) against density (y), coloured by the
/// number of restricted parameters. A dashed horizontal line can mark a threshold, and a ring
/// one chosen point.
public struct TradeoffChart {
  /// One point: its coordinates in [0, 1] and its category (e.g. restricted parameters).
  public struct Point {
    public var x: Double, y: Double
    public var category: Int
    public init(x: Double, y: Double, category: Int) {
      self.x = x
      self.y = y
      self.category = category
    }
  }

  public var title: String
  public var subtitle: String
  public var xLabel: String
  public var valueLabel: String
  public var points: [Point]
  /// The legend text of a category, e.g. `{ "\($0) restricted" }`.
  public var categoryText: (Int) -> String
  /// A horizontal line at this height, with its legend text.
  public var threshold: (value: Double, label: String)?
  /// The index of a point to ring, with its legend text.
  public var highlighted: (index: Int, label: String)?
  /// The credit line (see ``ChartFrame/credit``).
  public var credit: String

  public init(
    title: String, subtitle: String, xLabel: String, valueLabel: String, points: [Point],
    categoryText: @escaping (Int) -> String, threshold: (value: Double, label: String)? = nil,
    highlighted: (index: Int, label: String)? = nil, credit: String = ""
  ) {
    precondition(highlighted.map { points.indices.contains($0.index) } ?? true, "the highlighted point exists")
    self.title = title
    self.subtitle = subtitle
    self.xLabel = xLabel
    self.valueLabel = valueLabel
    self.points = points
    self.categoryText = categoryText
    self.threshold = threshold
    self.highlighted = highlighted
    self.credit = credit
  }

  /// The chart as SVG text.
  public var svg: String {
    let categories = Array(Set(points.map(\.category))).sorted()
    let top = Swift.max(1, categories.last ?? 1)
    func color(_ category: Int) -> String { Palette.sequential(Double(category) / Double(top)) }
    var legend = categories.map { ChartFrame.LegendEntry(.area(color($0)), categoryText($0)) }
    if let threshold { legend.append(.init(.line("#222", dashed: true), threshold.label)) }
    if let highlighted { legend.append(.init(.line("#D55E00", dashed: false), highlighted.label)) }
    let frame = ChartFrame(title: title, subtitle: subtitle, valueLabel: valueLabel, legend: legend, credit: credit, xAxisTitled: true)
    let xs = NiceScale(covering: [0, 1]), ys = NiceScale(covering: [0, 1])
    var svg = SVGDocument(width: frame.width, height: frame.height, title: title, description: subtitle)
    frame.draw(into: &svg, xValues: xs, xLabel: xLabel, xText: { NumberLabel.short($0, step: xs.step) }, values: ys) {
      NumberLabel.short($0, step: ys.step)
    }
    func position(_ point: Point) -> (x: Double, y: Double) {
      (xs.position(of: point.x, from: frame.plotLeft, to: frame.plotRight), ys.position(of: point.y, from: frame.plotBottom, to: frame.plotTop))
    }
    if let threshold {
      let y = ys.position(of: threshold.value, from: frame.plotBottom, to: frame.plotTop)
      svg.line(x1: frame.plotLeft, y1: y, x2: frame.plotRight, y2: y, stroke: "#222", width: 1.5, dashed: true, className: "threshold")
    }
    svg.polyline(points.map(position), stroke: "#bbb", width: 1, className: "path")
    svg.beginGroup(className: "points", label: "trajectory")
    for point in points {
      let (x, y) = position(point)
      svg.circle(x: x, y: y, radius: 4.5, fill: color(point.category), className: "point")
    }
    svg.endGroup()
    if let highlighted {
      let (x, y) = position(points[highlighted.index])
      svg.circle(x: x, y: y, radius: 9, fill: nil, stroke: "#D55E00", className: "highlight")
    }
    return svg.markup
  }
}
