import Foundation
import PolicyModel
import Stochastic

/// A scenario file read, merged with its bases, overridden and validated: ready to run.
public struct LoadedScenario: Sendable {
  /// The newest scenario format this tool reads.
  public static let schemaVersion = 2

  public let file: String
  public let name: String
  public let description: String
  public let seed: UInt64
  public let runs: Int
  /// The fully resolved JSON (after `extends` and `--set`), which outputs hash and record.
  public let resolved: JSONValue
  public let model: SupplyScenario
  /// The keys of the named file's own `sources` table (see ``ScenarioDocument/ownSourceKeys``).
  private let ownSourceKeys: [String]

  /// Loads `file`, applies `overrides` (JSON path → value, as `--set` gives them) and
  /// validates everything.
  /// - Throws: ``ScenarioIssues`` listing every problem found, one line each.
  public init(file: String, overrides: [(JSONPath, JSONValue)] = []) throws {
    let document = try ScenarioDocument(contentsOf: file)
    try self.init(file: file, json: document.json, ownSourceKeys: document.ownSourceKeys, overrides: overrides)
  }

  /// This scenario with further `overrides` applied and validated, without reading any file
  /// again (a sweep's design points).
  public func applying(_ overrides: [(JSONPath, JSONValue)]) throws -> LoadedScenario {
    try LoadedScenario(file: file, json: resolved, ownSourceKeys: ownSourceKeys, overrides: overrides)
  }

  private init(file: String, json: JSONValue, ownSourceKeys: [String], overrides: [(JSONPath, JSONValue)]) throws {
    var json = json
    for (path, value) in overrides {
      do {
        try json.set(value, at: path)
      } catch let error as JSONPathError {
        throw ScenarioIssues(issues: [ScenarioIssue(file: file, path: nil, message: "--set \(error)")])
      }
    }
    var reader = ScenarioReader(file: file)
    let decoded = Self.decode(json, ownSourceKeys: ownSourceKeys, reader: &reader)
    guard reader.issues.isEmpty, let decoded else { throw ScenarioIssues(issues: reader.issues) }
    self.file = file
    self.resolved = json
    self.ownSourceKeys = ownSourceKeys
    (self.name, self.description, self.seed, self.runs, self.model) = decoded
  }

  private static let topKeys = [
    "schemaVersion", "name", "title", "description", "start", "end", "reportEvery", "seed", "runs",
    "policies", "stockpile", "demand", "utilisation", "legalImports", "grayMarket", "gaming", "domestic",
    "fleet", "sources",
  ]

  private static func decode(_ json: JSONValue, ownSourceKeys: [String], reader: inout ScenarioReader)
    -> (String, String, UInt64, Int, SupplyScenario)?
  {
    let root = JSONPath.root
    guard let top = reader.object(json, at: root, allowed: topKeys, required: ["schemaVersion", "name", "start", "end", "demand", "fleet"]) else { return nil }
    if case .number(1)? = top["schemaVersion"] {
      reader.report(root.appending("schemaVersion"), "expected schema version \(schemaVersion) (model v2 changed the format; docs/scenario-format.md lists every key), found 1")
      return nil
    }
    _ = reader.wholeNumber(top["schemaVersion"], at: root.appending("schemaVersion"), in: Double(schemaVersion)...Double(schemaVersion), expected: "a schema version this tool reads (\(schemaVersion))")
    let name = reader.string(top["name"], at: root.appending("name")) ?? ""
    let description = reader.string(top["description"], at: root.appending("description")) ?? ""
    if let title = reader.string(top["title"], at: root.appending("title")), title.isEmpty || title.count > 80 || title.contains(where: \.isNewline) {
      reader.report(root.appending("title"), "expected a one-line title of 1 to 80 characters, found \(top["title"]!.summary)")
    }
    let start = reader.date(top["start"], at: root.appending("start"))
    let end = reader.date(top["end"], at: root.appending("end"))
    for key in ["start", "end"] {
      if case .string(let text)? = top[key], ISODate.parse(text) != nil, !InputLimits.dates.contains(text) {
        reader.report(root.appending(key), "expected a date from \(InputLimits.dates.lowerBound) to \(InputLimits.dates.upperBound), found \"\(text)\"")
      }
    }
    if let start, let end, end <= start {
      reader.report(root.appending("end"), "expected a date after start (\(top["start"]!.summary)), found \(top["end"]!.summary)")
    } else if let start, let end, months(from: start, to: end) > 12 * InputLimits.horizonYears {
      reader.report(root.appending("end"), "expected a date at most \(InputLimits.horizonYears) years after start (\(top["start"]!.summary)), found \(top["end"]!.summary)")
    }
    if let period = reader.string(top["reportEvery"], at: root.appending("reportEvery")), period != "month" {
      reader.report(root.appending("reportEvery"), "expected \"month\" (the only report period this version supports), found \"\(period)\"")
    }
    let seed = reader.wholeNumber(top["seed"], at: root.appending("seed"), in: 0...9_007_199_254_740_991, expected: "a whole number >= 0").map { UInt64($0) } ?? 1
    let runs = reader.wholeNumber(top["runs"], at: root.appending("runs"), in: 1...Double(InputLimits.runs), expected: "a whole number of runs in [1, \(InputLimits.runs)]") ?? 1_000
    let policies = decodePolicies(top["policies"], reader: &reader)
    let stockpile = decodeStockpile(top["stockpile"], reader: &reader)
    let demand = decodeDemand(top["demand"], reader: &reader)
    let utilisation = decodeUtilisation(top["utilisation"], reader: &reader)
    let legal = decodeLegalImports(top["legalImports"], reader: &reader)
    let gray = decodeGrayMarket(top["grayMarket"], reader: &reader)
    let gaming = decodeGaming(top["gaming"], reader: &reader)
    let domestic = top["domestic"].flatMap { decodeDomestic($0, reader: &reader) }
    let fleet = decodeFleet(top["fleet"], reader: &reader)
    switch top["sources"] {
    case .object(let table)?:
      for key in ownSourceKeys where table[key] != nil && JSONPath(parsing: key).flatMap({ json[$0] }) == nil {
        reader.report(root.appending("sources"), "expected keys that are JSON paths of this scenario, found \"\(key)\"")
      }
    case let other?:
      reader.report(root.appending("sources"), "expected an object of JSON path -> source text, found \(other.summary)")
    case nil:
      break
    }
    guard let start, let end, let demand, let utilisation, let fleet else { return nil }
    let model = SupplyScenario(
      start: start, months: months(from: start, to: end), policies: policies, stockpile: stockpile,
      demand: demand, utilisation: utilisation, legalImports: legal, grayMarket: gray, gaming: gaming,
      domestic: domestic, fleet: fleet)
    return (name, description, seed, runs, model)
  }

  /// Whole months from `start` up to the day after `end` (monthly reports end on `end`).
  static func months(from start: Date, to end: Date) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let dayAfter = calendar.date(byAdding: .day, value: 1, to: end)!
    return max(1, calendar.dateComponents([.month], from: start, to: dayAfter).month ?? 1)
  }
}
