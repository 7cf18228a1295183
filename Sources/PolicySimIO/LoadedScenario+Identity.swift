import Foundation
import PolicyModel

/// What identifies a loaded scenario's outputs: the hash of its resolved document, the dates
/// it reports on, its metrics and the folder name its results go to.
extension LoadedScenario {
  /// SHA-256 of the fully resolved scenario (after `extends` and `--set`), as canonical JSON
  /// with sorted keys.
  public var sha256: String {
    SHA256Digest.hex(of: canonicalJSON(resolved))
  }

  /// The report dates, `YYYY-MM-DD`: the last day of each month from the start.
  public var reportDates: [String] {
    (1...model.months).map { month in
      let nextStart = ISODay.calendar.date(byAdding: .month, value: month, to: model.start)!
      return ISODay.string(nextStart.addingTimeInterval(-86_400))
    }
  }

  /// The outcome metrics of a replication, in the order of its values (`values[month][metric]`):
  /// the one place that lists them for a loaded scenario.
  public var metricNames: [String] { model.metricNames }

  /// The scenario name made safe as one path component, for `results/<name>`: every character
  /// other than a letter, digit, `.`, `_` or `-` becomes `-`, leading dots are dropped (no
  /// hidden folder, no `..`, nothing that reads as an option), at most 100 characters, and
  /// `scenario` when nothing is left: `../../x` becomes `x`, `tier 3/b` becomes `tier-3-b`.
  public var folderName: String { Self.folderName(for: name) }

  /// `name` made safe as one path component, as ``folderName`` describes (for any output
  /// folder named after a scenario, such as `results/effects-vs-<name>`).
  public static func folderName(for name: String) -> String {
    let safe = String(name.unicodeScalars.map { scalar -> Character in
      scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
    })
    let trimmed = String(safe.drop { $0 == "." || $0 == "-" }.prefix(100))
    return trimmed.isEmpty ? "scenario" : trimmed
  }
}
