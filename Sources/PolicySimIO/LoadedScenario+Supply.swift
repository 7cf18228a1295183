import Foundation
import PolicyModel
import Stochastic

/// Decoding of the stockpile, the import, gray-market and gaming channels, and the fleet.
extension LoadedScenario {
  static func decodeStockpile(_ value: JSONValue?, reader: inout ScenarioReader) -> [StockpileEntry] {
    let listPath = JSONPath.root.appending("stockpile")
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let entry = reader.object(item, at: path, allowed: ["sku", "installed", "inventory", "ageYears"], required: ["sku", "installed", "inventory"]) else { return nil }
      let sku = reader.sku(entry["sku"], at: path.appending("sku"), origin: .foreign)
      let installed = reader.parameter(entry["installed"], at: path.appending("installed"), expected: "a count >= 0")
      let inventory = reader.parameter(entry["inventory"], at: path.appending("inventory"), expected: "a count >= 0")
      let age = entry["ageYears"].map { reader.parameter($0, at: path.appending("ageYears"), support: 0...50, expected: "an age in years in [0, 50]") }
      guard let sku, let installed, let inventory, isValid(age) else { return nil }
      return StockpileEntry(sku: sku, installed: installed, inventory: inventory, ageYears: age.flatMap { $0 } ?? .fixed(0))
    }
  }

  static func decodeLegalImports(_ value: JSONValue?, reader: inout ScenarioReader) -> [ImportChannel] {
    let listPath = JSONPath.root.appending("legalImports")
    let keys = ["sku", "monthlyUnits", "lotsPerMonth", "lotSizeSigma", "from", "until"]
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let channel = reader.object(item, at: path, allowed: keys, required: ["sku", "monthlyUnits", "lotsPerMonth"]) else { return nil }
      let sku = reader.sku(channel["sku"], at: path.appending("sku"), origin: .foreign)
      let units = reader.parameter(channel["monthlyUnits"], at: path.appending("monthlyUnits"), expected: "units per month >= 0")
      let (lots, sigma) = lotShape(channel, at: path, reader: &reader)
      let window = reader.window(channel, at: path)
      guard let sku, let units, let lots else { return nil }
      return ImportChannel(sku: sku, monthlyUnits: units, lotsPerMonth: lots, lotSizeSigma: sigma, window: window)
    }
  }

  /// `lotsPerMonth` (required) and `lotSizeSigma` (default 0.5) of a channel.
  private static func lotShape(_ channel: [String: JSONValue], at path: JSONPath, reader: inout ScenarioReader) -> (Double?, Double) {
    let lots = reader.number(channel["lotsPerMonth"], at: path.appending("lotsPerMonth"), in: 0...10_000, expected: "lots per month in [0, 10000]")
    let sigma = reader.number(channel["lotSizeSigma"], at: path.appending("lotSizeSigma"), in: 0...5, expected: "a log-scale spread in [0, 5]") ?? 0.5
    return (lots, sigma)
  }

  static func decodeGrayMarket(_ value: JSONValue?, reader: inout ScenarioReader) -> [GrayChannel] {
    let grayPath = JSONPath.root.appending("grayMarket"), listPath = grayPath.appending("channels")
    guard let value, let section = reader.object(value, at: grayPath, allowed: ["channels"]) else { return [] }
    let keys = [
      "name", "sku", "mix", "monthlyUnits", "lotsPerMonth", "lotSizeSigma", "seizureProbability", "tier2Hubs", "from", "until",
      "usedShare", "usedAgeYears",
    ]
    return reader.array(section["channels"], at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let channel = reader.object(item, at: path, allowed: keys, required: ["name", "monthlyUnits", "lotsPerMonth", "seizureProbability"]) else { return nil }
      let name = reader.string(channel["name"], at: path.appending("name"))
      let mix = decodeMix(channel, at: path, reader: &reader)
      let units = reader.parameter(channel["monthlyUnits"], at: path.appending("monthlyUnits"), expected: "units per month >= 0")
      let (lots, sigma) = lotShape(channel, at: path, reader: &reader)
      let seizure = reader.fraction(channel["seizureProbability"], at: path.appending("seizureProbability"), expected: "a probability in [0, 1]")
      let hubs = reader.number(channel["tier2Hubs"], at: path.appending("tier2Hubs"), in: 0...200, expected: "a number of Tier 2 countries in [0, 200]") ?? 0
      let window = reader.window(channel, at: path)
      let usedShare = channel["usedShare"].map { reader.fraction($0, at: path.appending("usedShare"), expected: "a probability in [0, 1]") }
      let usedAge = channel["usedAgeYears"].map { reader.parameter($0, at: path.appending("usedAgeYears"), support: 0...50, expected: "an age in years in [0, 50]") }
      guard let name, let mix, let units, let lots, let seizure, isValid(usedShare), isValid(usedAge) else { return nil }
      return GrayChannel(
        name: name, mix: mix, monthlyUnits: units, lotsPerMonth: lots, lotSizeSigma: sigma, seizureProbability: seizure,
        tier2Hubs: hubs, window: window, usedShare: usedShare.flatMap { $0 } ?? .fixed(0),
        usedAgeYears: usedAge.flatMap { $0 } ?? .fixed(0))
    }
  }

  /// A channel's SKUs: either `"sku": "B200"` or `"mix": {"H100": 1, "B200": 3}` (weights).
  private static func decodeMix(_ channel: [String: JSONValue], at path: JSONPath, reader: inout ScenarioReader) -> [(sku: String, weight: Double)]? {
    switch (channel["sku"], channel["mix"]) {
    case (let sku?, nil):
      return reader.sku(sku, at: path.appending("sku"), origin: .foreign).map { [($0, 1)] }
    case (nil, .object(let weights)?) where !weights.isEmpty:
      let mix = weights.keys.sorted().compactMap { id -> (sku: String, weight: Double)? in
        let sku = reader.sku(.string(id), at: path.appending("mix").appending(id), origin: .foreign)
        let weight = reader.number(weights[id], at: path.appending("mix").appending(id), in: 0...1e12, expected: "a weight in [0, 1e12]")
        guard let sku, let weight else { return nil }
        return (sku, weight)
      }
      guard mix.count == weights.count else { return nil }
      guard mix.contains(where: { $0.weight > 0 }) else {
        reader.report(path.appending("mix"), "expected at least one weight > 0, found all 0")
        return nil
      }
      return mix
    case (nil, let other?):
      reader.report(path.appending("mix"), "expected an object of SKU weights, e.g. {\"H100\": 1, \"B200\": 3}, found \(other.summary)")
    case (nil, nil):
      reader.report(path, "expected \"sku\" or \"mix\", found neither")
    case (.some, .some):
      reader.report(path, "expected \"sku\" or \"mix\", found both")
    }
    return nil
  }

  static func decodeGaming(_ value: JSONValue?, reader: inout ScenarioReader) -> [GamingChannel] {
    let listPath = JSONPath.root.appending("gaming")
    let keys = ["sku", "monthlyUnits", "lotsPerMonth", "lotSizeSigma", "seizureProbability", "from", "until"]
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let channel = reader.object(item, at: path, allowed: keys, required: ["sku", "monthlyUnits", "lotsPerMonth"]) else { return nil }
      let sku = reader.sku(channel["sku"], at: path.appending("sku"), origin: .foreign)
      if let sku, ChipCatalog.sku(sku)?.market != .consumer {
        reader.report(path.appending("sku"), "expected a gaming card (a consumer SKU: \(ChipCatalog.standard.filter { $0.market == .consumer }.map(\.id).joined(separator: ", "))), found \"\(sku)\"")
      }
      let units = reader.parameter(channel["monthlyUnits"], at: path.appending("monthlyUnits"), expected: "units per month >= 0")
      let (lots, sigma) = lotShape(channel, at: path, reader: &reader)
      let seizure = channel["seizureProbability"].map { reader.fraction($0, at: path.appending("seizureProbability"), expected: "a probability in [0, 1]") }
      let window = reader.window(channel, at: path)
      guard let sku, let units, let lots, isValid(seizure) else { return nil }
      return GamingChannel(
        sku: sku, monthlyUnits: units, lotsPerMonth: lots, lotSizeSigma: sigma,
        seizureProbability: seizure.flatMap { $0 } ?? .fixed(0), window: window)
    }
  }

  static func decodeFleet(_ value: JSONValue?, reader: inout ScenarioReader) -> FleetParameters? {
    let path = JSONPath.root.appending("fleet")
    let keys = [
      "failureRatePerYear", "cohortHazardSpread", "grayHazardMultiplier", "gamingHazardMultiplier", "usedHazardMultiplier",
      "meanLifetimeYears", "lifetimeSDYears",
    ]
    guard let fleet = reader.object(value, at: path, allowed: keys, required: ["failureRatePerYear"]) else { return nil }
    let failure = reader.fraction(fleet["failureRatePerYear"], at: path.appending("failureRatePerYear"), expected: "a fraction per year in [0, 1]")
    let spread = reader.number(fleet["cohortHazardSpread"], at: path.appending("cohortHazardSpread"), in: 0...3, expected: "a coefficient of variation in [0, 3]") ?? 0
    func multiplier(_ key: String) -> Parameter? {
      guard let value = fleet[key] else { return .fixed(1) }
      return reader.parameter(value, at: path.appending(key), support: 0...100, expected: "a hazard multiplier in [0, 100]")
    }
    let gray = multiplier("grayHazardMultiplier"), gaming = multiplier("gamingHazardMultiplier"), used = multiplier("usedHazardMultiplier")
    let lifetime = fleet["meanLifetimeYears"].map { reader.parameter($0, at: path.appending("meanLifetimeYears"), support: 1...50, expected: "a lifetime in years in [1, 50]") }
    let lifetimeSpread = reader.number(fleet["lifetimeSDYears"], at: path.appending("lifetimeSDYears"), in: 0...20, expected: "years in [0, 20]")
    guard let failure, let gray, let gaming, let used, isValid(lifetime) else { return nil }
    return FleetParameters(
      failureRatePerYear: failure, cohortHazardSpread: spread, grayHazardMultiplier: gray, gamingHazardMultiplier: gaming,
      usedHazardMultiplier: used, meanLifetimeYears: lifetime.flatMap { $0 }, lifetimeSDYears: lifetimeSpread ?? 1.5)
  }
}
