import Foundation
import PolicyModel
import Stochastic

/// Reading the model's typed inputs: uncertain parameters named by their JSON path, and the
/// dated trends (bounded growth, declining values, ramps, windows) built from them.
extension ScenarioReader {
  /// A number or distribution at `path` as a ``Parameter`` named by the path (its random stream
  /// and its column in draws.csv); nil when absent or invalid (reported).
  mutating func parameter(
    _ value: JSONValue?, at path: JSONPath, support: ClosedRange<Double> = 0...(.infinity),
    expected: String = "a number >= 0"
  ) -> Parameter? {
    distribution(value, at: path, support: support, expected: expected).map { Parameter($0, name: path.description) }
  }

  /// A fraction in [0, 1] (a share, probability, yield or efficiency) as a ``Parameter``.
  mutating func fraction(_ value: JSONValue?, at path: JSONPath, expected: String = "a fraction in [0, 1]") -> Parameter? {
    parameter(value, at: path, support: 0...1, expected: expected)
  }

  /// `{"level": …, "asOf": "YYYY-MM-DD", "growthPerYear": …, "ceiling": …}`: a level anchored at
  /// the date its source speaks of, growing toward a ceiling.
  mutating func boundedGrowth(_ value: JSONValue?, at path: JSONPath, unit: String) -> BoundedGrowth? {
    guard let members = object(value, at: path, allowed: ["level", "asOf", "growthPerYear", "ceiling"], required: ["level", "asOf", "growthPerYear", "ceiling"]) else { return nil }
    let level = parameter(members["level"], at: path.appending("level"), expected: "\(unit) >= 0")
    let asOf = date(members["asOf"], at: path.appending("asOf"))
    let growth = parameter(members["growthPerYear"], at: path.appending("growthPerYear"), support: 0...100, expected: "a growth factor per year in [0, 100]")
    let ceiling = parameter(members["ceiling"], at: path.appending("ceiling"), expected: "\(unit) >= 0")
    guard let level, let asOf, let growth, let ceiling else { return nil }
    if ceiling.distribution.mean < level.distribution.mean {
      report(path.appending("ceiling"), "expected a ceiling whose mean is at or above the level's (\(Self.format(level.distribution.mean))), found \(members["ceiling"]!.summary)")
    }
    return BoundedGrowth(level: level, asOf: asOf, growthPerYear: growth, ceiling: ceiling)
  }

  /// `{"level": …, "asOf": "YYYY-MM-DD", "declinePerYear": …}`.
  mutating func decliningValue(_ value: JSONValue?, at path: JSONPath, unit: String) -> DecliningValue? {
    guard let members = object(value, at: path, allowed: ["level", "asOf", "declinePerYear"], required: ["level", "asOf", "declinePerYear"]) else { return nil }
    let level = parameter(members["level"], at: path.appending("level"), expected: "\(unit) >= 0")
    let asOf = date(members["asOf"], at: path.appending("asOf"))
    let decline = parameter(members["declinePerYear"], at: path.appending("declinePerYear"), support: -10...0.99, expected: "a yearly decline in [-10, 0.99]")
    guard let level, let asOf, let decline else { return nil }
    return DecliningValue(level: level, asOf: asOf, declinePerYear: decline)
  }

  /// `{"from": date, "to": date, "start": fraction, "end": fraction}`: linear between the dates.
  mutating func linearRamp(_ value: JSONValue?, at path: JSONPath) -> LinearRamp? {
    guard let members = object(value, at: path, allowed: ["from", "to", "start", "end"], required: ["from", "to", "start", "end"]) else { return nil }
    let from = date(members["from"], at: path.appending("from"))
    let to = date(members["to"], at: path.appending("to"))
    let start = fraction(members["start"], at: path.appending("start"))
    let end = fraction(members["end"], at: path.appending("end"))
    guard let from, let to, let start, let end else { return nil }
    if to < from {
      report(path.appending("to"), "expected a date on or after from (\(members["from"]!.summary)), found \(members["to"]!.summary)")
      return nil
    }
    return LinearRamp(from: from, to: to, start: start, end: end)
  }

  /// The optional `from` and `until` dates of a channel (until on or after from).
  mutating func window(_ members: [String: JSONValue], at path: JSONPath) -> DateWindow {
    let from = date(members["from"], at: path.appending("from"))
    let until = date(members["until"], at: path.appending("until"))
    if let from, let until, until < from {
      report(path.appending("until"), "expected a date on or after from (\(members["from"]!.summary)), found \(members["until"]!.summary)")
    }
    return DateWindow(from: from, until: until)
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
  }
}

/// False when an optional key was present but its value was invalid (`.some(nil)`): the
/// decoders read optional keys as `T??` (absent, invalid, or a value).
func isValid<T>(_ optionalKey: T??) -> Bool {
  if case .some(.none) = optionalKey { return false }
  return true
}
