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

@Test("a fan of differences draws a solid zero line, in the legend, where the value axis reads 0")
func fanChartZeroLine() throws {
  let base = months.indices.map { -Double($0) * 1000 }
  let series = [FanChart.Series(label: "b − a", dates: months, p05: base.map { $0 - 5000 }, p25: base.map { $0 - 1000 }, p50: base, p75: base.map { $0 + 1000 }, p95: base.map { $0 + 3000 })]
  let root = try parse(FanChart(title: "t", subtitle: "differences", valueLabel: "u", series: series, zeroLineLabel: "no effect").svg)
  #expect(nodes(root, "//*[@class='subtitle']").first?.stringValue == "differences")
  #expect(nodes(root, "//*[@class='legend']").compactMap(\.stringValue) == ["b − a", "no effect"])
  let zero = try #require(nodes(root, "//*[@class='zero']").first)
  let zeroTick = try #require(nodes(root, "//*[@class='tick']").first { $0.stringValue == "0" })
  #expect(Double(zero.value(of: "y1") ?? "") == Double(zeroTick.value(of: "y") ?? "").map { $0 - 4 })
  #expect(zero.value(of: "y1") == zero.value(of: "y2"))
  #expect(nodes(try parse(FanChart(title: "t", valueLabel: "u", series: series).svg), "//*[@class='zero']").isEmpty, "no zero line unless asked for")
}

@Test("a trade-off chart puts each point at (coverage, density) on 0–1 axes, rings the chosen one and draws the threshold")
func tradeoffChart() throws {
  let points = [(1.0, 0.3, 0), (0.9, 0.5, 1), (0.6, 0.85, 2), (0.4, 1.0, 2)].map { TradeoffChart.Point(x: $0.0, y: $0.1, category: $0.2) }
  let chart = TradeoffChart(
    title: "t", subtitle: "s", xLabel: "coverage", valueLabel: "density", points: points, categoryText: { "\($0) restricted" },
    threshold: (0.8, "threshold 0.8"), highlighted: (2, "chosen"))
  let root = try parse(chart.svg)
  let circles = nodes(root, "//*[@class='point']")
  #expect(circles.count == 4)
  let xy = circles.map { (Double($0.value(of: "cx")!)!, Double($0.value(of: "cy")!)!) }
  // Plot area: x 78…856 for 0…1, y 478…(70 + 20 × legend rows) for 0…1; one legend row here.
  #expect(xy[0].0 == 856 && xy[0].1 == (478 - 0.3 * (478 - 90)).rounded(toPlaces: 1))
  #expect(xy[3].1 == 90)
  let ring = try #require(nodes(root, "//*[@class='highlight']").first)
  #expect(ring.value(of: "cx") == circles[2].value(of: "cx") && ring.value(of: "cy") == circles[2].value(of: "cy"))
  let threshold = try #require(nodes(root, "//*[@class='threshold']").first)
  #expect(Double(threshold.value(of: "y1")!)! == (478 - 0.8 * (478 - 90)).rounded(toPlaces: 1))
  #expect(nodes(root, "//*[@class='legend']").compactMap(\.stringValue) == ["0 restricted", "1 restricted", "2 restricted", "threshold 0.8", "chosen"])
  #expect(nodes(root, "//*[@class='axis-title']").compactMap(\.stringValue) == ["density", "coverage"])
}

extension Double {
  fileprivate func rounded(toPlaces places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (self * scale).rounded() / scale
  }
}
