import Foundation
import PolicyModel
import Stochastic

/// A scenario file read, merged with its bases, overridden and validated: ready to run.
public struct LoadedScenario: Sendable {
  /// The newest scenario format this tool reads.
  public static let schemaVersion = 1

  public let file: String
  public let name: String
  public let description: String
  public let seed: UInt64
  public let runs: Int
  /// The fully resolved JSON (after `extends` and `--set`), which outputs hash and record.
  public let resolved: JSONValue
  public let model: SupplyScenario

  /// Loads `file`, applies `overrides` (JSON path → value, as `--set` gives them) and
  /// validates everything.
  /// - Throws: ``ScenarioIssues`` listing every problem found, one line each.
  public init(file: String, overrides: [(JSONPath, JSONValue)] = []) throws {
    var document = try ScenarioDocument(contentsOf: file)
    for (path, value) in overrides {
      do {
        try document.json.set(value, at: path)
      } catch let error as JSONPathError {
        throw ScenarioIssues(issues: [ScenarioIssue(file: file, path: nil, message: "--set \(error)")])
      }
    }
    var reader = ScenarioReader(file: file)
    let decoded = Self.decode(document.json, reader: &reader)
    guard reader.issues.isEmpty, let decoded else { throw ScenarioIssues(issues: reader.issues) }
    self.file = file
    self.resolved = document.json
    (self.name, self.description, self.seed, self.runs, self.model) = decoded
  }

  private static let topKeys = [
    "schemaVersion", "name", "description", "start", "end", "seed", "runs", "policies",
    "stockpile", "demand", "legalImports", "grayMarket", "domestic", "fleet", "sources",
  ]

  private static func decode(_ json: JSONValue, reader: inout ScenarioReader)
    -> (String, String, UInt64, Int, SupplyScenario)?
  {
    let root = JSONPath.root
    guard let top = reader.object(json, at: root, allowed: topKeys, required: ["schemaVersion", "name", "start", "end", "demand", "fleet"]) else { return nil }
    if let version = reader.number(top["schemaVersion"], at: root.appending("schemaVersion"), in: 1...Double(schemaVersion), expected: "a schema version this tool reads (1 to \(schemaVersion))"), version != version.rounded() {
      reader.report(root.appending("schemaVersion"), "expected a whole number, found \(version)")
    }
    let name = reader.string(top["name"], at: root.appending("name")) ?? ""
    let description = reader.string(top["description"], at: root.appending("description")) ?? ""
    let start = reader.date(top["start"], at: root.appending("start"))
    let end = reader.date(top["end"], at: root.appending("end"))
    if let start, let end, end <= start {
      reader.report(root.appending("end"), "expected a date after start (\(top["start"]!.summary)), found \(top["end"]!.summary)")
    }
    let seed = reader.number(top["seed"], at: root.appending("seed"), in: 0...9_007_199_254_740_991, expected: "a whole number >= 0").map { UInt64($0) } ?? 1
    let runs = reader.number(top["runs"], at: root.appending("runs"), in: 1...10_000_000, expected: "a whole number of runs >= 1").map { Int($0) } ?? 1_000
    let policies = decodePolicies(top["policies"], reader: &reader)
    let stockpile = reader.array(top["stockpile"], at: root.appending("stockpile")).enumerated().compactMap { index, item -> StockpileEntry? in
      let path = root.appending("stockpile").appending(index)
      guard let entry = reader.object(item, at: path, allowed: ["sku", "installed", "inventory"], required: ["sku", "installed", "inventory"]),
        let sku = reader.string(entry["sku"], at: path.appending("sku")),
        let installed = reader.distribution(entry["installed"], at: path.appending("installed"), support: 0...(.infinity), expected: "a count >= 0"),
        let inventory = reader.distribution(entry["inventory"], at: path.appending("inventory"), support: 0...(.infinity), expected: "a count >= 0")
      else { return nil }
      return StockpileEntry(sku: sku, installed: installed, inventory: inventory)
    }
    let demandPath = root.appending("demand")
    let demand = reader.object(top["demand"], at: demandPath, allowed: ["h100ePerMonth", "growthPerYear"], required: ["h100ePerMonth", "growthPerYear"]) ?? [:]
    let demandRate = reader.distribution(demand["h100ePerMonth"], at: demandPath.appending("h100ePerMonth"), support: 0...(.infinity), expected: "H100e per month >= 0")
    let growth = reader.distribution(demand["growthPerYear"], at: demandPath.appending("growthPerYear"), support: 0...(.infinity), expected: "a growth factor per year >= 0")
    let legal = reader.array(top["legalImports"], at: root.appending("legalImports")).enumerated().compactMap { index, item -> ImportChannel? in
      let path = root.appending("legalImports").appending(index)
      guard let channel = reader.object(item, at: path, allowed: ["sku", "monthlyUnits", "lotsPerMonth"], required: ["sku", "monthlyUnits", "lotsPerMonth"]),
        let sku = reader.string(channel["sku"], at: path.appending("sku")),
        let units = reader.distribution(channel["monthlyUnits"], at: path.appending("monthlyUnits"), support: 0...(.infinity), expected: "units per month >= 0"),
        let lots = reader.number(channel["lotsPerMonth"], at: path.appending("lotsPerMonth"), in: 0...10_000, expected: "lots per month in [0, 10000]")
      else { return nil }
      return ImportChannel(sku: sku, monthlyUnits: units, lotsPerMonth: lots)
    }
    let grayPath = root.appending("grayMarket")
    let gray = (top["grayMarket"].flatMap { reader.object($0, at: grayPath, allowed: ["channels"]) }?["channels"]).map { reader.array($0, at: grayPath.appending("channels")) } ?? []
    let grayChannels = gray.enumerated().compactMap { index, item -> GrayChannel? in
      let path = grayPath.appending("channels").appending(index)
      guard let channel = reader.object(item, at: path, allowed: ["name", "sku", "monthlyUnits", "lotsPerMonth", "seizureProbability"], required: ["name", "sku", "monthlyUnits", "lotsPerMonth", "seizureProbability"]),
        let name = reader.string(channel["name"], at: path.appending("name")),
        let sku = reader.string(channel["sku"], at: path.appending("sku")),
        let units = reader.distribution(channel["monthlyUnits"], at: path.appending("monthlyUnits"), support: 0...(.infinity), expected: "units per month >= 0"),
        let lots = reader.number(channel["lotsPerMonth"], at: path.appending("lotsPerMonth"), in: 0...10_000, expected: "lots per month in [0, 10000]"),
        let seizure = reader.distribution(channel["seizureProbability"], at: path.appending("seizureProbability"), support: 0...1, expected: "a probability in [0, 1]")
      else { return nil }
      return GrayChannel(name: name, sku: sku, monthlyUnits: units, lotsPerMonth: lots, seizureProbability: seizure)
    }
    let domestic = top["domestic"].flatMap { decodeDomestic($0, reader: &reader) }
    let fleetPath = root.appending("fleet")
    let fleet = reader.object(top["fleet"], at: fleetPath, allowed: ["failureRatePerYear"], required: ["failureRatePerYear"]) ?? [:]
    let failure = reader.distribution(fleet["failureRatePerYear"], at: fleetPath.appending("failureRatePerYear"), support: 0...1, expected: "a fraction per year in [0, 1]")
    if let sources = top["sources"], case .object(let table) = sources {
      for key in table.keys.sorted() where JSONPath(parsing: key).flatMap({ json[$0] }) == nil {
        reader.report(root.appending("sources"), "expected keys that are JSON paths of this scenario, found \"\(key)\"")
      }
    }
    let catalog = ChipCatalog.standard.map(\.id)
    var named = stockpile.enumerated().map { ("$.stockpile[\($0.offset)].sku", $0.element.sku) }
    named += legal.enumerated().map { ("$.legalImports[\($0.offset)].sku", $0.element.sku) }
    named += grayChannels.enumerated().map { ("$.grayMarket.channels[\($0.offset)].sku", $0.element.sku) }
    if let domestic { named.append(("$.domestic.sku", domestic.sku)) }
    for (path, sku) in named where !catalog.contains(sku) {
      let hint = suggestion(for: sku, among: catalog).map { "; did you mean \"\($0)\"?" } ?? ""
      reader.report(JSONPath(parsing: path)!, "expected a SKU of the catalog, found \"\(sku)\"\(hint)")
    }
    guard let start, let end, let demandRate, let growth, let failure else { return nil }
    let model = SupplyScenario(
      start: start, months: months(from: start, to: end), policies: policies, stockpile: stockpile,
      demandH100ePerMonth: demandRate, demandGrowthPerYear: growth, legalImports: legal,
      grayMarket: grayChannels, domestic: domestic, failureRatePerYear: failure)
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
