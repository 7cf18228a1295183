import Foundation

/// A time axis over whole months: tick marks on month boundaries spaced 1, 3, 6, 12 or 24
/// months apart (whichever keeps the labels to about `maximumLabels`). Yearly ticks are
/// labelled "2027" in the middle of the year they bound, so a label names the span it sits
/// in; shorter spacings label the tick itself ("Apr 2026").
///
/// Dates are calendar days in UTC, as in the CSV outputs.
public struct DateAxis: Sendable {
  /// The start of the axis (first day of the month of the earliest date).
  public let start: Date
  /// The end of the axis (first day of the month after the latest date).
  public let end: Date
  /// Positions of the tick marks.
  public let ticks: [Date]
  /// Labels and where their centres go.
  public let labels: [(date: Date, text: String)]

  /// An axis spanning every date in `dates` (which must not be empty).
  public init(spanning dates: [Date], maximumLabels: Int = 8) {
    let calendar = Self.calendar
    let first = dates.min() ?? Date(timeIntervalSince1970: 0), last = dates.max() ?? first
    start = calendar.date(from: calendar.dateComponents([.year, .month], from: first))!
    let lastMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: last))!
    end = calendar.date(byAdding: .month, value: 1, to: lastMonth)!
    let months = calendar.dateComponents([.month], from: start, to: end).month ?? 1
    let spacing = [1, 3, 6, 12, 24, 60].first { months / $0 <= maximumLabels } ?? 120
    var ticks: [Date] = []
    var tick = start
    while tick <= end {
      let month = calendar.component(.month, from: tick) - 1 + 12 * calendar.component(.year, from: tick)
      if month % spacing == 0 { ticks.append(tick) }
      tick = calendar.date(byAdding: .month, value: 1, to: tick)!
    }
    self.ticks = ticks
    if spacing >= 12 {
      var labels: [(Date, String)] = []
      var year = calendar.component(.year, from: start)
      while let middle = calendar.date(from: DateComponents(year: year, month: 7, day: 1)), middle < end {
        if middle > start, year % (spacing / 12) == 0 { labels.append((middle, String(year))) }
        year += 1
      }
      self.labels = labels
    } else {
      labels = ticks.map { ($0, Self.monthName($0)) }
    }
  }

  /// The month and year of `date` in UTC, e.g. "Apr 2026".
  public static func monthName(_ date: Date) -> String {
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "\(names[calendar.component(.month, from: date) - 1]) \(calendar.component(.year, from: date))"
  }

  /// The position of `date` between `left` (at ``start``) and `right` (at ``end``).
  public func position(of date: Date, from left: Double, to right: Double) -> Double {
    left + date.timeIntervalSince(start) / end.timeIntervalSince(start) * (right - left)
  }

  /// The Gregorian calendar in UTC.
  public static var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }
}
