import Charts
import Foundation
import Testing

private func date(_ year: Int, _ month: Int, _ day: Int) -> Date {
  DateAxis.calendar.date(from: DateComponents(year: year, month: month, day: day))!
}

@Test("nice ticks start at zero, end at or above the maximum and step by 1, 2, 2.5 or 5 × 10^k",
  arguments: [[0, 1_783_000], [12, 97], [0.03, 0.91], [250, 250], [-40, 130]])
func niceTicks(values: [Double]) {
  let scale = NiceScale(covering: values)
  #expect(scale.lower <= min(0, values.min()!) && scale.upper >= values.max()!)
  #expect(scale.ticks.first == scale.lower && scale.ticks.last == scale.upper)
  #expect((3...11).contains(scale.ticks.count), "\(scale.ticks)")
  let mantissa = scale.step / pow(10, floor(log10(scale.step)))
  #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(scale.step)")
}

@Test("axis labels are short and tell ticks apart")
func numberLabels() {
  #expect(NumberLabel.short(1_500_000, step: 500_000) == "1.5M")
  #expect(NumberLabel.short(2_000_000, step: 500_000) == "2.0M")
  #expect(NumberLabel.short(4_000_000, step: 2_000_000) == "4M")
  #expect(NumberLabel.short(250_000, step: 250_000) == "250k")
  #expect(NumberLabel.short(0, step: 500_000) == "0")
  #expect(NumberLabel.short(0.25, step: 0.25) == "0.25")
  #expect(NumberLabel.short(0.5, step: 0.1) == "0.5")
  #expect(NumberLabel.approximate(1_304_512) == "1.3M" && NumberLabel.approximate(780_240) == "780k")
  #expect(NumberLabel.approximate(999_600) == "1M" && NumberLabel.approximate(0.4532) == "0.453")
  #expect(NumberLabel.approximate(0) == "0" && NumberLabel.approximate(-1_500) == "-1.5k")
  #expect(NumberLabel.grouped(1_234_567) == "1,234,567")
}

@Test("a six-year monthly axis has yearly ticks and each year's label mid-year")
func yearlyDateAxis() {
  let months = (0..<72).map { DateAxis.calendar.date(byAdding: .month, value: $0, to: date(2025, 1, 31))! }
  let axis = DateAxis(spanning: months)
  #expect(axis.start == date(2025, 1, 1) && axis.end == date(2031, 1, 1))
  #expect(axis.ticks == (2025...2031).map { date($0, 1, 1) })
  #expect(axis.labels.map(\.text) == ["2025", "2026", "2027", "2028", "2029", "2030"])
  #expect(axis.labels.map(\.date) == (2025...2030).map { date($0, 7, 1) })
  #expect(axis.position(of: date(2028, 1, 1), from: 0, to: 600) > 299 && axis.position(of: date(2028, 1, 1), from: 0, to: 600) < 301)
}

@Test("a one-year axis labels quarters by month name")
func quarterlyDateAxis() {
  let axis = DateAxis(spanning: [date(2026, 1, 31), date(2026, 12, 31)])
  #expect(axis.labels.map(\.text) == ["Jan 2026", "Apr 2026", "Jul 2026", "Oct 2026", "Jan 2027"])
}
