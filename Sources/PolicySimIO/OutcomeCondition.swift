import Foundation
import PolicyModel

/// A condition on one outcome of each run, which marks the runs of interest for scenario
/// discovery: `METRIC@DATE OP NUMBER` for an outcome reported at each date (runs.csv), or
/// `METRIC OP NUMBER` for a per-run scalar (scalars.csv), with OP `<` or `>`, e.g.
/// `capacity_h100e@2027-12-31 > 2000000` or `stockpile_depleted_day < 730`.
public struct OutcomeCondition: Sendable, Equatable, CustomStringConvertible {
  /// Which side of the threshold a run of interest lies on.
  public enum Comparison: String, Sendable {
    case below = "<"
    case above = ">"
  }

  public let metric: String
  /// The report date `YYYY-MM-DD`; nil for a scalar.
  public let date: String?
  public let comparison: Comparison
  public let threshold: Double

  /// The grammar, for error messages.
  public static let grammar = "METRIC@YYYY-MM-DD < NUMBER, METRIC@YYYY-MM-DD > NUMBER, METRIC < NUMBER or METRIC > NUMBER"

  /// Parses `text`; nil unless it follows ``grammar`` with a finite number and a real date
  /// (spaces around the parts are allowed).
  public init?(parsing text: String) {
    let operators = text.filter { $0 == "<" || $0 == ">" }
    guard operators.count == 1, let comparison = Comparison(rawValue: String(operators)),
      let split = text.firstIndex(of: operators.first!)
    else { return nil }
    let left = text[..<split].trimmingCharacters(in: .whitespaces)
    let right = text[text.index(after: split)...].trimmingCharacters(in: .whitespaces)
    guard let threshold = Double(right), threshold.isFinite else { return nil }
    let parts = left.split(separator: "@", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty,
      parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
    else { return nil }
    if parts.count == 2 {
      guard parts[1].count == 10, ISODate.parse(String(parts[1])) != nil else { return nil }
    }
    metric = String(parts[0])
    date = parts.count == 2 ? String(parts[1]) : nil
    self.comparison = comparison
    self.threshold = threshold
  }

  /// Whether a run with outcome `value` is of interest. A scalar that was never reached (an
  /// empty value, e.g. a stockpile that never ran out) counts as +∞: above any threshold.
  public func holds(_ value: Double?) -> Bool {
    let value = value ?? .infinity
    switch comparison {
    case .below: return value < threshold
    case .above: return value > threshold
    }
  }

  public var description: String {
    "\(metric)\(date.map { "@" + $0 } ?? "") \(comparison.rawValue) \(CSVTable.number(threshold))"
  }
}
