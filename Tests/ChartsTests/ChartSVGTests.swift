import Charts
import Foundation
import FoundationXML
import Testing

private let months = (0..<24).map { DateAxis.calendar.date(byAdding: .month, value: $0, to: DateAxis.calendar.date(from: DateComponents(year: 2026, month: 1, day: 31))!)! }

private func parse(_ svg: String) throws -> XMLElement {
  try #require(try XMLDocument(data: Data(svg.utf8), options: []).rootElement())
}

extension XMLElement {
  /// The attribute `name`'s value (`attribute(forName:)` misses SVG-namespace attributes on Linux).
  func value(of name: String) -> String? { attributes?.first { $0.name == name }?.stringValue }
}

private func nodes(_ root: XMLElement, _ xpath: String) -> [XMLElement] {
  ((try? root.nodes(forXPath: xpath)) ?? []).compactMap { $0 as? XMLElement }
}

@Test("a fan chart is well-formed SVG with a band pair and a median per series, labels escaped")
func fanChartStructure() throws {
  let series = ["a & b", "<c>"].enumerated().map { index, label in
    let base = months.indices.map { Double($0 + 1) * 1000 * Double(index + 1) }
    return FanChart.Series(label: label, dates: months, p05: base.map { $0 * 0.5 }, p25: base.map { $0 * 0.8 }, p50: base, p75: base.map { $0 * 1.2 }, p95: base.map { $0 * 1.5 })
  }
  let root = try parse(FanChart(title: "T \"quoted\"", valueLabel: "units", series: series).svg)
  #expect(root.value(of: "viewBox") == "0 0 880 520")
  #expect(nodes(root, "//*[@class='title']").first?.stringValue == "T \"quoted\"")
  #expect(nodes(root, "//*[@class='legend']").compactMap(\.stringValue) == ["a & b", "<c>"])
  #expect(nodes(root, "//*[@class='band90']").count == 2 && nodes(root, "//*[@class='band50']").count == 2)
  let medians = nodes(root, "//*[@class='median']")
  #expect(medians.count == 2)
  #expect(medians.allSatisfy { ($0.value(of: "points")?.split(separator: " ").count) == months.count })
  // The largest value, 1.5 × 48,000, is inside the axis: the top tick is at least that.
  let ticks = nodes(root, "//*[@class='tick']").compactMap(\.stringValue)
  #expect(ticks.contains("80k") && ticks.contains("0") && ticks.contains("Jan 2027"), "\(ticks)")
}

@Test("stacked layers: each layer's top is the running sum of the layers below and itself")
func stackedAreaHeights() throws {
  let chart = StackedAreaChart(
    title: "t", subtitle: "s", valueLabel: "u", dates: months,
    layers: [.init(label: "one", values: months.map { _ in 100 }), .init(label: "two", values: months.map { _ in 300 })],
    overlay: .init(label: "total", values: months.map { _ in 400 }))
  let root = try parse(chart.svg)
  func topEdge(_ label: String) -> [Double] {
    let points = nodes(root, "//*[@data-label='\(label)']/*").first?.value(of: "points") ?? ""
    return points.split(separator: " ").prefix(months.count).compactMap { Double($0.split(separator: ",")[1]) }
  }
  let total = nodes(root, "//*[@class='total']").first?.value(of: "points") ?? ""
  let totalY = total.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
  #expect(topEdge("two") == totalY, "layer two tops out at the 400 total")
  #expect(topEdge("one").allSatisfy { $0 > totalY[0] }, "layer one is below")
}

@Test("the histogram counts dates per bin and ignores dates outside the edges")
func histogramCounts() throws {
  let edges = Array(months.prefix(4))
  let dates = [months[0], months[0].addingTimeInterval(86_400), months[2], months[3], months[10]]
  let histogram = DateHistogram(title: "t", subtitle: "s", valueLabel: "runs", label: "l", dates: dates, edges: edges)
  #expect(histogram.counts == [2, 0, 1])
  let root = try parse(histogram.svg)
  #expect(nodes(root, "//*[@class='bar']").count == 2)
}

@Test("legend entries wrap onto a second row instead of running off the chart")
func legendWraps() throws {
  let labels = (1...8).map { "scenario number \($0) with a long name" }
  let series = labels.map { FanChart.Series(label: $0, dates: months, p05: months.map { _ in 1 }, p25: months.map { _ in 2 }, p50: months.map { _ in 3 }, p75: months.map { _ in 4 }, p95: months.map { _ in 5 }) }
  let root = try parse(FanChart(title: "t", valueLabel: "u", series: series).svg)
  let legend = nodes(root, "//*[@class='legend']")
  let rows = Set(legend.compactMap { $0.value(of: "y") })
  #expect(rows.count > 1)
  let xs = legend.compactMap { $0.value(of: "x").flatMap(Double.init) }
  #expect(xs.allSatisfy { $0 + 6.6 * 36 <= 880 }, "\(xs)")
}
