import Foundation

/// Dates written `YYYY-MM-DD` in UTC, as every output file spells them (the reader is
/// `ISODate.parse`). Thread-safe: no shared formatter.
public enum ISODay {
  /// The proleptic Gregorian calendar in UTC that scenarios and outputs count in.
  public static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// `YYYY-MM-DD` of `date`.
  public static func string(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}
