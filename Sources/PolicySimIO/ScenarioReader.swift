import Foundation
import PolicyModel
import Stochastic

/// Walks a resolved scenario document and collects every problem in one pass, so a user sees
/// all of them at once (one line each) rather than fixing them one run at a time.
struct ScenarioReader {
  let file: String
  private(set) var issues: [ScenarioIssue] = []

  init(file: String) { self.file = file }

  mutating func report(_ path: JSONPath, _ message: String) {
    issues.append(ScenarioIssue(file: file, path: path, message: message))
  }

  /// The members of the object at `path`, after reporting keys outside `allowed` (with a
  /// suggestion) and required keys that are missing. `source` is always allowed.
  mutating func object(
    _ value: JSONValue?, at path: JSONPath, allowed: [String], required: [String] = []
  ) -> [String: JSONValue]? {
    guard let value else {
      report(path, "expected an object, found nothing")
      return nil
    }
    guard case .object(let members) = value else {
      report(path, "expected an object, found \(value.summary)")
      return nil
    }
    for key in members.keys.sorted() where !allowed.contains(key) && key != "source" {
      let hint = suggestion(for: key, among: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
      report(path, "unknown key \"\(key)\"\(hint)")
    }
    for key in required where members[key] == nil {
      report(path.appending(key), "expected a value, found nothing")
    }
    return members
  }

  mutating func array(_ value: JSONValue?, at path: JSONPath) -> [JSONValue] {
    guard let value else { return [] }
    guard case .array(let items) = value else {
      report(path, "expected an array, found \(value.summary)")
      return []
    }
    return items
  }

  mutating func string(_ value: JSONValue?, at path: JSONPath) -> String? {
    guard let value else { return nil }
    guard case .string(let text) = value else {
      report(path, "expected a string, found \(value.summary)")
      return nil
    }
    return text
  }

  mutating func date(_ value: JSONValue?, at path: JSONPath) -> Date? {
    guard let text = string(value, at: path) else { return nil }
    guard let date = ISODate.parse(text) else {
      report(path, "expected a date \"YYYY-MM-DD\", found \"\(text)\"")
      return nil
    }
    return date
  }

  /// A SKU id of the chip catalog (reported with a did-you-mean when unknown), of the given
  /// origin when one is required (imports are foreign chips, production lines domestic ones).
  mutating func sku(_ value: JSONValue?, at path: JSONPath, origin: ChipOrigin? = nil) -> String? {
    guard let id = string(value, at: path) else { return nil }
    let catalog = ChipCatalog.standard.filter { origin == nil || $0.origin == origin }.map(\.id)
    guard catalog.contains(id) else {
      let kind = origin.map { $0 == .foreign ? "an imported SKU" : "a domestic SKU" } ?? "a SKU"
      let other = ChipCatalog.sku(id).map { " (\($0.vendor), \($0.origin == .domestic ? "domestic" : "foreign"))" } ?? ""
      let hint = other.isEmpty ? suggestion(for: id, among: catalog).map { "; did you mean \"\($0)\"?" } ?? "" : ""
      report(path, "expected \(kind) of the catalog, found \"\(id)\"\(other)\(hint)")
      return nil
    }
    return id
  }

  /// `true` or `false`.
  mutating func bool(_ value: JSONValue?, at path: JSONPath) -> Bool? {
    guard let value else { return nil }
    guard case .bool(let flag) = value else {
      report(path, "expected true or false, found \(value.summary)")
      return nil
    }
    return flag
  }

  /// A whole number in `range` (described by `expected`).
  mutating func wholeNumber(_ value: JSONValue?, at path: JSONPath, in range: ClosedRange<Double>, expected: String) -> Int? {
    guard let number = number(value, at: path, in: range, expected: expected) else { return nil }
    guard number == number.rounded() else {
      report(path, "expected a whole number, found \(value!.summary)")
      return nil
    }
    return Int(number)
  }

  /// A finite number in `range` (described by `expected`), e.g. a probability in [0, 1]; an
  /// open end of `range` stops at ``InputLimits/magnitude``.
  mutating func number(
    _ value: JSONValue?, at path: JSONPath, in range: ClosedRange<Double> = -.infinity...(.infinity),
    expected: String = "a number"
  ) -> Double? {
    guard let value else { return nil }
    guard case .number(let number) = value, number.isFinite, range.contains(number) else {
      report(path, "expected \(expected), found \(value.summary)")
      return nil
    }
    let limit = InputLimits.magnitude
    if (range.upperBound == .infinity && number > limit) || (range.lowerBound == -.infinity && number < -limit) {
      report(path, "expected \(expected) of magnitude at most 1e12 (policysim's largest number), found \(value.summary)")
      return nil
    }
    return number
  }

  /// A count (units, wafers, stacks, dies): a number or distribution whose mean lies in
  /// [0, ``InputLimits/magnitude``].
  mutating func count(_ value: JSONValue?, at path: JSONPath, expected: String = "a count >= 0") -> Distribution? {
    distribution(value, at: path, support: 0...InputLimits.magnitude, expected: expected)
  }

  /// A number or distribution (nil when absent); with `support`, its mean must lie in it (a probability
  /// distribution's mean in [0, 1], a rate's mean ≥ 0). Its mean and variance must be finite, and
  /// its mean and standard deviation of magnitude at most ``InputLimits/magnitude``, so that
  /// draws stay within what the model's integer arithmetic holds.
  mutating func distribution(
    _ value: JSONValue?, at path: JSONPath, support: ClosedRange<Double>? = nil,
    expected: String = ""
  ) -> Distribution? {
    guard let value else { return nil }  // required keys are reported by `object`
    do {
      let distribution = try DistributionSpec.decode(value, at: path, file: file)
      let mean = distribution.mean, sd = distribution.variance.squareRoot()
      guard mean.isFinite, sd.isFinite else {
        report(path, "expected a distribution with a finite mean and variance, found \(value.distributionSummary) with mean \(mean.shortText) and sd \(sd.shortText)")
        return nil
      }
      if let support, !support.contains(mean) {
        report(path, "expected \(expected), found \(value.summary)\(value.isNumber ? "" : " with mean \(CSVTable.number(mean))")")
        return nil
      }
      guard abs(mean) <= InputLimits.magnitude, sd <= InputLimits.magnitude else {
        let found = value.isNumber ? value.summary : "\(value.distributionSummary) with mean \(mean.shortText) and sd \(sd.shortText)"
        report(path, "expected a mean and sd of magnitude at most 1e12 (policysim's largest number), found \(found)")
        return nil
      }
      return distribution
    } catch let issue as ScenarioIssue {
      issues.append(issue)
    } catch {
      report(path, "\(error)")
    }
    return nil
  }
}

extension JSONValue {
  var isNumber: Bool { if case .number = self { return true } else { return false } }

  /// "a lognormal distribution" for a distribution object, else ``summary``.
  var distributionSummary: String {
    if case .object(let members) = self, case .string(let name)? = members["dist"] { return "a \(name) distribution" }
    return summary
  }
}

extension Double {
  /// Three significant digits, for messages ("6.57e+12", "0.25", "inf").
  var shortText: String { isNaN ? "nan" : isFinite ? String(format: "%.3g", self) : "\(self)" }
}
