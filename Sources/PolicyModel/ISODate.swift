import Foundation

/// Calendar dates written `YYYY-MM-DD`, as scenarios and outputs use them (UTC midnight).
public enum ISODate {
  /// The date of `text`, or nil when it is not a valid `YYYY-MM-DD` date.
  public static func parse(_ text: String) -> Date? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    let components = DateComponents(year: year, month: month, day: day)
    guard components.isValidDate(in: UTCCalendar.gregorian) else { return nil }
    return UTCCalendar.gregorian.date(from: components)
  }
}

/// The Gregorian calendar in UTC, which every date of the model is in.
public enum UTCCalendar {
  /// The calendar itself.
  public static let gregorian: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// `date` moved by `months` calendar months.
  public static func date(byAddingMonths months: Int, to date: Date) -> Date {
    gregorian.date(byAdding: .month, value: months, to: date)!
  }

  /// Mid-year (1 July, 00:00 UTC) of `year`.
  public static func midYear(_ year: Int) -> Date {
    gregorian.date(from: DateComponents(year: year, month: 7, day: 1))!
  }
}
