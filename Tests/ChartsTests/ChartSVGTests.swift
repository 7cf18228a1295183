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

@Test("a fan chart is well-formed SVG with a 50% band and a median per series, labels escaped")
func fanChartStructure() throws {
  let series = ["a & b", "<c>"].enumerated().map { index, label in
    let base = months.indices.map { Double($0 + 1) * 1000 * Double(index + 1) }
    return FanChart.Series(label: label, dates: months, p05: base.map { $0 * 0.5 }, p25: base.map { $0 * 0.8 }, p50: base, p75: base.map { $0 * 1.2 }, p95: base.map { $0 * 1.5 })
  }
  let root = try parse(FanChart(title: "T \"quoted\"", valueLabel: "units", series: series).svg)
  #expect(root.value(of: "viewBox") == "0 0 720 500")
  #expect(nodes(root, "//*[@class='title']").first?.stringValue == "T \"quoted\"")
  #expect(nodes(root, "//*[@class='legend']").compactMap(\.stringValue) == ["a & b", "<c>"])
  #expect(nodes(root, "//*[@class='band90']").isEmpty && nodes(root, "//*[@class='band50']").count == 2)
  let medians = nodes(root, "//*[@class='median']")
  #expect(medians.count == 2)
  #expect(medians.allSatisfy { ($0.value(of: "points")?.split(separator: " ").count) == months.count })
  // The largest value drawn, the p75 1.2 × 48,000, is inside the axis: the top tick is at least that.
  let ticks = nodes(root, "//*[@class='tick']").compactMap(\.stringValue)
  #expect(ticks.contains("60k") && ticks.contains("0") && ticks.contains("Jan 2027"), "\(ticks)")
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
  let ends = legend.compactMap { entry in entry.value(of: "x").flatMap(Double.init).map { $0 + TextLayout.width(entry.stringValue ?? "", size: 14) } }
  #expect(ends.count == 8 && ends.allSatisfy { $0 <= 720 }, "\(ends)")
}

/// One series per label, with quantiles 1…5 × (month + 1) × scale.
private func series(_ labels: [String]) -> [FanChart.Series] {
  labels.enumerated().map { index, label in
    let base = months.indices.map { Double($0 + 1) * Double(index + 1) }
    return FanChart.Series(label: label, dates: months, p05: base, p25: base.map { $0 * 2 }, p50: base.map { $0 * 3 }, p75: base.map { $0 * 4 }, p95: base.map { $0 * 5 })
  }
}

@Test("a comparison draws only the 50% bands, faint and edged by their p25 and p75 lines, and scales to them")
func comparisonBands() throws {
  let root = try parse(FanChart(title: "t", valueLabel: "u", series: series(["a", "b", "c"])).svg)
  #expect(nodes(root, "//*[@class='band90']").isEmpty)
  #expect(nodes(root, "//*[@class='band50']").count == 3)
  #expect(nodes(root, "//*[@class='band50']").allSatisfy { ($0.value(of: "fill-opacity").flatMap(Double.init) ?? 1) <= 0.1 })
  #expect(nodes(root, "//*[@class='band50-edge']").count == 6 && nodes(root, "//*[@class='median']").count == 3)
  // The axis covers the largest p75 (4 × 24 × 3 = 288), not the p95 (360) that is not drawn.
  let ticks = nodes(root, "//*[@class='tick']").compactMap { Double($0.stringValue ?? "") }
  #expect(ticks.max().map { (288..<360).contains($0) } == true, "\(ticks)")
  #expect(nodes(root, "//*[@class='subtitle']").first?.stringValue?.hasPrefix("Lines: median of runs; outlined bands: middle 50% of runs.") == true)
}

@Test("every chart has an accessible title and description, a credit line, and text of 12 px or more on 720 px")
func accessibleAndReadable() throws {
  let fan = FanChart(title: "Capacity: a", valueLabel: "H100-equivalents", series: series(["a"]), note: "Units explained.", credit: "policysim 9.9 · 5 runs")
  let stacked = StackedAreaChart(title: "S", subtitle: "s", valueLabel: "u", dates: months, layers: [.init(label: "one", values: months.map { _ in 2_500 })], credit: "c")
  let histogram = DateHistogram(title: "H", subtitle: "s", valueLabel: "runs", label: "l", dates: [months[1]], edges: Array(months.prefix(4)), credit: "c")
  for svg in [fan.svg, stacked.svg, histogram.svg] {
    let root = try parse(svg)
    #expect(root.value(of: "role") == "img" && root.value(of: "viewBox") == "0 0 720 500")
    let title = nodes(root, "/*/*[local-name()='title']"), description = nodes(root, "/*/*[local-name()='desc']")
    #expect(title.count == 1 && description.count == 1 && description[0].stringValue?.isEmpty == false)
    #expect(nodes(root, "//*[@class='credit']").count == 1)
    let sizes = nodes(root, "//*[@font-size]").compactMap { $0.value(of: "font-size").flatMap(Double.init) }
    #expect(!sizes.isEmpty && sizes.allSatisfy { $0 * 600 / 720 >= 10 }, "\(sizes)")
  }
  let root = try parse(fan.svg)
  #expect(nodes(root, "/*/*[local-name()='title']").first?.stringValue == "Capacity: a")
  #expect(nodes(root, "/*/*[local-name()='desc']").first?.stringValue == "Fan chart: H100-equivalents, Jan 2026 to Dec 2027. a: median 3 in Jan 2026, 72 in Dec 2027 (middle 50% of runs 48 to 96; middle 90% 24 to 120).")
  #expect(nodes(root, "//*[@class='subtitle']").compactMap(\.stringValue).joined(separator: " ").hasSuffix("middle 90%. Units explained."))
  #expect(nodes(root, "//*[@class='credit']").first?.stringValue == "policysim 9.9 · 5 runs")
  #expect(try parse(stacked.svg).elements(forName: "desc").first?.stringValue == "Stacked areas: u, Jan 2026 to Dec 2027. In Dec 2027: one 2.5k.")
}

@Test("long titles and subtitles wrap within the image")
func textWraps() {
  let lines = TextLayout.wrap("one two three four five six seven", size: 10, width: 60)
  #expect(lines == ["one two", "three four", "five six", "seven"])
  #expect(lines.allSatisfy { TextLayout.width($0, size: 10) <= 60 })
  #expect(TextLayout.wrap("", size: 10, width: 60).isEmpty && TextLayout.wrap("unbreakablelongword", size: 10, width: 20) == ["unbreakablelongword"])
}

@Test("a fan of differences draws a solid zero line, in the legend, where the value axis reads 0")
func fanChartZeroLine() throws {
  let base = months.indices.map { -Double($0) * 1000 }
  let series = [FanChart.Series(label: "b − a", dates: months, p05: base.map { $0 - 5000 }, p25: base.map { $0 - 1000 }, p50: base, p75: base.map { $0 + 1000 }, p95: base.map { $0 + 3000 })]
  let root = try parse(FanChart(title: "t", valueLabel: "u", series: series, note: "differences", zeroLineLabel: "no effect").svg)
  #expect(nodes(root, "//*[@class='subtitle']").compactMap(\.stringValue).joined(separator: " ").hasSuffix(" differences"))
  #expect(nodes(root, "//*[@class='legend']").compactMap(\.stringValue) == ["b − a", "no effect"])
  let zero = try #require(nodes(root, "//*[@class='zero']").first)
  let zeroTick = try #require(nodes(root, "//*[@class='tick']").first { $0.stringValue == "0" })
  #expect(Double(zero.value(of: "y1") ?? "") == Double(zeroTick.value(of: "y") ?? "").map { $0 - 5 }, "tick labels sit 5 px below their line")
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
  // The plot area runs from the value axis's 0 (the x-axis line) up to the point at density 1,
  // and from x 76 (coverage 0) to 700 (coverage 1).
  let axis = try #require(nodes(root, "//*[@class='axis']").first { $0.value(of: "y1") == $0.value(of: "y2") })
  let bottom = try #require(Double(axis.value(of: "y1") ?? "")), top = xy[3].1
  #expect(top < bottom - 300, "the plot area is most of the chart's height")
  #expect(xy[0].0 == 700 && xy[0].1 == (bottom - 0.3 * (bottom - top)).rounded(toPlaces: 1))
  #expect(xy[2].0 == (76 + 0.6 * 624).rounded(toPlaces: 1))
  let ring = try #require(nodes(root, "//*[@class='highlight']").first)
  #expect(ring.value(of: "cx") == circles[2].value(of: "cx") && ring.value(of: "cy") == circles[2].value(of: "cy"))
  let threshold = try #require(nodes(root, "//*[@class='threshold']").first)
  #expect(Double(threshold.value(of: "y1")!)! == (bottom - 0.8 * (bottom - top)).rounded(toPlaces: 1))
  #expect(nodes(root, "//*[@class='legend']").compactMap(\.stringValue) == ["0 restricted", "1 restricted", "2 restricted", "threshold 0.8", "chosen"])
  #expect(nodes(root, "//*[@class='axis-title']").compactMap(\.stringValue) == ["density", "coverage"])
}

extension Double {
  fileprivate func rounded(toPlaces places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (self * scale).rounded() / scale
  }
}
