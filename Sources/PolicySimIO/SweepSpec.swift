import Experiments
import Foundation
import PolicyModel
import Stochastic

/// A sweep spec file, read and checked against the scenario it sweeps:
///
///     {"design": "lhs", "points": 64,
///      "parameters": [
///        {"name": "seizure", "path": "$.grayMarket.channels[0].seizureProbability",
///         "range": {"min": 0.05, "max": 0.5}},
///        {"path": "$.domestic.waferStarts.level", "values": [15000, 30000, 60000]}],
///      "metrics": ["capacity_h100e"], "dates": "yearly"}
///
/// `design` is `grid` (a range then needs `levels`), `lhs`, `sobol` or `saltelli` (these need
/// `points`, the base sample size for `saltelli`). Optional: `seed`, `runs`, `metrics`
/// (default: every outcome), `dates` (`yearly`, the default: each December and the last
/// report date; `monthly`; or a list of report dates), `description`.
public struct SweepSpec: Sendable {
  /// One swept parameter: the scenario value at `path` replaced by a number per point.
  public struct Parameter: Sendable, Equatable {
    public let path: JSONPath
    /// The column name in points.csv: the spec's `name`, else the path.
    public let name: String
    public let domain: ParameterDomain
  }

  public let file: String
  /// The spec as read; its canonical form is what ``sha256`` hashes.
  public let json: JSONValue
  public let design: ExperimentDesign
  public let parameters: [Parameter]
  public let metrics: [String]
  /// The report dates results.csv has rows for, `YYYY-MM-DD`.
  public let dates: [String]
  public let seed: UInt64?
  public let runs: Int?
  /// Advice that does not stop the sweep (e.g. a Sobol sample size that is not a power of two).
  public let warnings: [String]

  /// SHA-256 of the spec as canonical JSON.
  public var sha256: String { SHA256Digest.hex(of: canonicalJSON(json)) }

  private static let designs = ["grid", "lhs", "sobol", "saltelli"]
  private static let topKeys = ["design", "points", "parameters", "metrics", "dates", "seed", "runs", "description"]

  /// Reads `file` and checks it against `scenario` (as loaded with any `--set`): every path must
  /// name a value in the scenario, and every listed value and range end must be one the
  /// scenario accepts there.
  /// - Throws: ``ScenarioIssues`` naming the spec file and JSON path of every problem.
  public init(file: String, scenario: LoadedScenario) throws {
    let json = try JSONValue.read(file: file)
    var reader = ScenarioReader(file: file)
    let root = JSONPath.root
    let top = reader.object(json, at: root, allowed: Self.topKeys, required: ["design", "parameters"]) ?? [:]

    let kind = reader.string(top["design"], at: root.appending("design"))
    if let kind, !Self.designs.contains(kind) {
      let hint = suggestion(for: kind, among: Self.designs).map { "; did you mean \"\($0)\"?" } ?? ""
      reader.report(root.appending("design"), "expected one of \(Self.designs.joined(separator: ", ")), found \"\(kind)\"\(hint)")
    }
    let pointsPath = root.appending("points")
    var pointCount: Int?
    if kind == "grid", top["points"] != nil {
      reader.report(pointsPath, "a grid has one point per combination of values; remove \"points\"")
    } else if let kind, kind != "grid" {
      if top["points"] == nil {
        reader.report(pointsPath, "expected a whole number of points >= 1 for design \"\(kind)\", found nothing")
      }
      pointCount = reader.wholeNumber(top["points"], at: pointsPath, atLeast: 1, expected: "a whole number of points >= 1")
    }

    let parameters = Self.readParameters(top["parameters"], reader: &reader, isGrid: kind == "grid", scenario: scenario)
    let maximum = kind == "saltelli" ? SaltelliSample.maximumParameters : kind == "sobol" ? SobolSequence.maximumDimension : Int.max
    if parameters.count > maximum {
      reader.report(root.appending("parameters"), "expected at most \(maximum) parameters for design \"\(kind ?? "")\" (GSL's Sobol tables have 40 dimensions), found \(parameters.count)")
    }
    Self.checkPointCount(kind: kind, points: pointCount, parameters: parameters, reader: &reader)

    let names = scenario.model.metricNames
    let metrics = reader.array(top["metrics"], at: root.appending("metrics")).enumerated().compactMap { index, item -> String? in
      let path = root.appending("metrics").appending(index)
      guard let name = reader.string(item, at: path) else { return nil }
      guard names.contains(name) else {
        let hint = suggestion(for: name, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
        reader.report(path, "expected an outcome name of the scenario, found \"\(name)\"\(hint)")
        return nil
      }
      return name
    }
    if case .array(let items)? = top["metrics"], items.isEmpty {
      reader.report(root.appending("metrics"), "expected at least one outcome name, found an array of 0")
    }
    let dates = Self.readDates(top["dates"], reader: &reader, reportDates: scenario.reportDates)
    let seed = reader.wholeNumber(top["seed"], at: root.appending("seed"), atLeast: 0, expected: "a whole number in [0, 2^53 - 1]").map(UInt64.init)
    let runs = reader.wholeNumber(top["runs"], at: root.appending("runs"), atLeast: 1, expected: "a whole number of runs in [1, \(InputLimits.runs)]")
    if let runs, runs > InputLimits.runs {
      reader.report(root.appending("runs"), "expected a whole number of runs in [1, \(InputLimits.runs)], found \(runs)")
    }

    guard reader.issues.isEmpty, let kind else { throw ScenarioIssues(issues: reader.issues) }
    self.file = file
    self.json = json
    self.parameters = parameters
    self.metrics = metrics.isEmpty ? names : metrics
    self.dates = dates
    self.seed = seed
    self.runs = runs
    switch kind {
    case "grid": design = .grid
    case "lhs": design = .latinHypercube(points: pointCount!)
    case "sobol": design = .sobol(points: pointCount!)
    default: design = .saltelli(base: pointCount!)
    }
    var warnings: [String] = []
    if let n = pointCount, kind == "sobol" || kind == "saltelli", n & (n - 1) != 0 {
      let lower = 1 << (Int.bitWidth - 1 - n.leadingZeroBitCount)
      warnings.append("\(file): warning: at $.points: \(kind) with \(n) points loses the Sobol sequence's balance; use a power of two (\(lower) or \(2 * lower))")
    }
    self.warnings = warnings
  }

  private static func readDates(_ value: JSONValue?, reader: inout ScenarioReader, reportDates: [String]) -> [String] {
    let path = JSONPath.root.appending("dates")
    let yearly = reportDates.filter { $0.hasSuffix("-12-31") } + (reportDates.last.map { $0.hasSuffix("-12-31") ? [] : [$0] } ?? [])
    switch value {
    case nil, .string("yearly")?: return yearly
    case .string("monthly")?: return reportDates
    case .array(let items)?:
      let dates = items.enumerated().compactMap { index, item -> String? in
        guard let date = reader.string(item, at: path.appending(index)) else { return nil }
        guard reportDates.contains(date) else {
          reader.report(path.appending(index), "expected a report date (a month end from \(reportDates.first ?? "") to \(reportDates.last ?? "")), found \"\(date)\"")
          return nil
        }
        return date
      }
      if items.isEmpty { reader.report(path, "expected at least one report date, found an array of 0") }
      return reportDates.filter(dates.contains)
    case let other?:
      reader.report(path, "expected \"yearly\", \"monthly\" or a list of report dates, found \(other.summary)")
      return []
    }
  }
}

extension ScenarioReader {
  /// A whole number ≥ `minimum` (nil when absent or reported).
  mutating func wholeNumber(_ value: JSONValue?, at path: JSONPath, atLeast minimum: Int, expected: String) -> Int? {
    guard let value else { return nil }
    guard case .number(let number) = value, number == number.rounded(), number >= Double(minimum), number < 1e15 else {
      report(path, "expected \(expected), found \(value.summary)")
      return nil
    }
    return Int(number)
  }
}
