import Foundation

/// Layers stacked on top of each other over time (e.g. capacity by source), with an optional
/// line drawn over them (e.g. the total), so the height of each band is that layer's value.
public struct StackedAreaChart {
  /// One layer: a value per date.
  public struct Layer {
    public var label: String
    public var values: [Double]
    public init(label: String, values: [Double]) {
      self.label = label
      self.values = values
    }
  }

  public var title: String
  public var subtitle: String
  public var valueLabel: String
  public var dates: [Date]
  /// Drawn from the bottom up.
  public var layers: [Layer]
  /// A line over the stack, labelled in the legend and dashed.
  public var overlay: Layer?
  /// The credit line (see ``ChartFrame/credit``).
  public var credit: String

  public init(title: String, subtitle: String, valueLabel: String, dates: [Date], layers: [Layer], overlay: Layer? = nil, credit: String = "") {
    precondition((layers + [overlay].compactMap { $0 }).allSatisfy { $0.values.count == dates.count }, "one value per date")
    self.title = title
    self.subtitle = subtitle
    self.valueLabel = valueLabel
    self.dates = dates
    self.layers = layers
    self.overlay = overlay
    self.credit = credit
  }

  /// The chart as SVG text.
  public var svg: String {
    var legend = layers.enumerated().map { ChartFrame.LegendEntry(.area(Palette.color($0.offset)), $0.element.label) }
    if let overlay { legend.append(.init(.line("#222", dashed: true), overlay.label)) }
    let frame = ChartFrame(title: title, subtitle: subtitle, valueLabel: valueLabel, legend: legend, credit: credit)
    var tops: [[Double]] = []
    var running = Array(repeating: 0.0, count: dates.count)
    for layer in layers {
      running = zip(running, layer.values).map { $0 + Swift.max(0, $1) }
      tops.append(running)
    }
    let axis = DateAxis(spanning: dates)
    let values = NiceScale(covering: running + (overlay?.values ?? []))
    var svg = SVGDocument(width: frame.width, height: frame.height, title: title, description: description)
    frame.draw(into: &svg, dates: axis, values: values) { NumberLabel.short($0, step: values.step) }
    func point(_ date: Date, _ value: Double) -> (x: Double, y: Double) {
      (axis.position(of: date, from: frame.plotLeft, to: frame.plotRight), values.position(of: value, from: frame.plotBottom, to: frame.plotTop))
    }
    var bottom = Array(repeating: 0.0, count: dates.count)
    for (index, layer) in layers.enumerated() {
      svg.beginGroup(className: "layer", label: layer.label)
      svg.polygon(zip(dates, tops[index]).map(point) + zip(dates, bottom).reversed().map(point), fill: Palette.color(index), opacity: 0.8, className: "area")
      svg.endGroup()
      bottom = tops[index]
    }
    if let overlay {
      svg.beginGroup(className: "overlay", label: overlay.label)
      svg.polyline(zip(dates, overlay.values).map(point), stroke: "#222", width: 2, dashed: true, className: "total")
      svg.endGroup()
    }
    return svg.markup
  }

  /// The chart in words, for screen readers: the span and each layer's value at the last date.
  public var description: String {
    guard let first = dates.first, let last = dates.last else { return "An empty chart of \(valueLabel)." }
    let values = (layers + [overlay].compactMap { $0 }).map { "\($0.label) \(NumberLabel.approximate($0.values[dates.count - 1]))" }
    return "Stacked areas: \(valueLabel), \(DateAxis.monthName(first)) to \(DateAxis.monthName(last)). "
      + "In \(DateAxis.monthName(last)): \(values.joined(separator: "; "))."
  }
}
