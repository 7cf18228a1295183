import Foundation
import PolicyModel

/// What identifies a loaded scenario's outputs: the hash of its resolved document, the dates it
/// reports on and the metrics it reports.
extension LoadedScenario {
  /// SHA-256 of the fully resolved scenario (after `extends` and `--set`), as canonical JSON
  /// with sorted keys.
  public var sha256: String {
    SHA256Digest.hex(of: canonicalJSON(resolved))
  }

  /// The report dates, `YYYY-MM-DD`: the last day of each month from the start.
  public var reportDates: [String] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let formatter = DateFormatter()
    formatter.calendar = calendar
    formatter.timeZone = calendar.timeZone
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return (1...model.months).map { month in
      let nextStart = calendar.date(byAdding: .month, value: month, to: model.start)!
      return formatter.string(from: calendar.date(byAdding: .day, value: -1, to: nextStart)!)
    }
  }

  /// The outcome metrics of a replication, in the order of its values (`values[month][metric]`):
  /// the one place that lists them for a loaded scenario.
  public var metricNames: [String] { model.metricNames }
}
