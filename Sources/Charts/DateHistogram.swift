import Foundation

/// How many dates fall in each bin of a time axis (e.g. the month the stockpile ran out, one
/// date per run). Dates outside the bins are not drawn; say in the subtitle how many there
/// are (e.g. runs where it never ran out).
public struct DateHistogram {
  public var title: String
  public var subtitle: String
  public var valueLabel: String
  /// The series name shown in the legend.
  public var label: String
  public var dates: [Date]
  /// Bin boundaries in increasing order: bin i is [edges[i], edges[i+1]).
  public var edges: [Date]
  /// The credit line (see ``ChartFrame/credit``).
  public var credit: String

  public init(title: String, subtitle: String, valueLabel: String, label: String, dates: [Date], edges: [Date], credit: String = "") {
    precondition(edges.count >= 2 && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "at least two increasing edges")
    self.title = title
    self.subtitle = subtitle
    self.valueLabel = valueLabel
    self.label = label
    self.dates = dates
    self.edges = edges
    self.credit = credit
  }

  /// The number of dates in each bin.
  public var counts: [Int] {
    var counts = Array(repeating: 0, count: edges.count - 1)
    for date in dates {
      guard let upper = edges.firstIndex(where: { date < $0 }), upper > 0 else { continue }
      counts[upper - 1] += 1
    }
    return counts
  }

  /// The chart as SVG text.
  public var svg: String {
    let frame = ChartFrame(title: title, subtitle: subtitle, valueLabel: valueLabel, legend: [.init(.area(Palette.color(0)), label)], credit: credit)
    let axis = DateAxis(spanning: [edges[0], edges[edges.count - 1].addingTimeInterval(-1)])
    let counts = self.counts
    // At least 5 on the axis, so that count ticks are whole numbers.
    let values = NiceScale(covering: counts.map(Double.init) + [5])
    var svg = SVGDocument(width: frame.width, height: frame.height, title: title, description: description)
    frame.draw(into: &svg, dates: axis, values: values) { NumberLabel.grouped(Int($0)) }
    svg.beginGroup(className: "bars", label: label)
    for (bin, count) in counts.enumerated() where count > 0 {
      let left = axis.position(of: edges[bin], from: frame.plotLeft, to: frame.plotRight)
      let right = axis.position(of: edges[bin + 1], from: frame.plotLeft, to: frame.plotRight)
      let top = values.position(of: Double(count), from: frame.plotBottom, to: frame.plotTop)
      svg.rect(x: left + 0.5, y: top, width: Swift.max(0.5, right - left - 1), height: frame.plotBottom - top, fill: Palette.color(0), opacity: 0.85, className: "bar")
    }
    svg.endGroup()
    return svg.markup
  }

  /// The chart in words, for screen readers: how many dates fall in the bins, and the fullest bin.
  public var description: String {
    let counts = self.counts
    let span = "\(DateAxis.monthName(edges[0])) to \(DateAxis.monthName(edges[edges.count - 1].addingTimeInterval(-1)))"
    guard let fullest = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[fullest] > 0 else {
      return "Histogram of \(valueLabel), \(span): no dates in range."
    }
    return "Histogram of \(valueLabel), \(span): \(NumberLabel.grouped(counts.reduce(0, +))) in range, "
      + "most (\(NumberLabel.grouped(counts[fullest]))) in the bin starting \(DateAxis.monthName(edges[fullest]))."
  }
}
