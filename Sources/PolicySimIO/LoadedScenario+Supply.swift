import Foundation
import PolicyModel
import Stochastic

/// Decoding of the stockpile, demand, import, gray-market and fleet sections.
extension LoadedScenario {
  static let countBounds = (support: 0...Double.infinity, expected: "a count >= 0")
  static let fractionBounds = (support: 0...1.0, expected: "a fraction in [0, 1]")

  static func decodeStockpile(_ value: JSONValue?, reader: inout ScenarioReader) -> [StockpileEntry] {
    let listPath = JSONPath.root.appending("stockpile")
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let entry = reader.object(item, at: path, allowed: ["sku", "installed", "inventory", "ageYears"], required: ["sku", "installed", "inventory"]) else { return nil }
      let sku = reader.sku(entry["sku"], at: path.appending("sku"), origin: .foreign)
      let installed = reader.distribution(entry["installed"], at: path.appending("installed"), support: countBounds.support, expected: countBounds.expected)
      let inventory = reader.distribution(entry["inventory"], at: path.appending("inventory"), support: countBounds.support, expected: countBounds.expected)
      let age = reader.distribution(entry["ageYears"], at: path.appending("ageYears"), support: 0...50, expected: "an age in years in [0, 50]")
      guard let sku, let installed, let inventory else { return nil }
      return StockpileEntry(sku: sku, installed: installed, inventory: inventory, ageYears: age ?? .fixed(0))
    }
  }

  static func decodeDemand(_ value: JSONValue?, reader: inout ScenarioReader) -> Demand? {
    let path = JSONPath.root.appending("demand")
    guard let demand = reader.object(value, at: path, allowed: ["h100ePerMonth", "growthPerYear", "trainingShare", "overflowEfficiency"], required: ["h100ePerMonth", "growthPerYear"]) else { return nil }
    let rate = reader.distribution(demand["h100ePerMonth"], at: path.appending("h100ePerMonth"), support: 0...(.infinity), expected: "H100e per month >= 0")
    let growth = reader.distribution(demand["growthPerYear"], at: path.appending("growthPerYear"), support: 0...(.infinity), expected: "a growth factor per year >= 0")
    let share = reader.distribution(demand["trainingShare"], at: path.appending("trainingShare"), support: fractionBounds.support, expected: fractionBounds.expected)
    let overflow = reader.distribution(demand["overflowEfficiency"], at: path.appending("overflowEfficiency"), support: fractionBounds.support, expected: fractionBounds.expected)
    guard let rate, let growth else { return nil }
    return Demand(h100ePerMonth: rate, growthPerYear: growth, trainingShare: share ?? .fixed(0.5), overflowEfficiency: overflow ?? .fixed(0.8))
  }

  static func decodeLegalImports(_ value: JSONValue?, reader: inout ScenarioReader) -> [ImportChannel] {
    let listPath = JSONPath.root.appending("legalImports")
    let keys = ["sku", "monthlyUnits", "lotsPerMonth", "lotSizeSigma", "from", "until"]
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let channel = reader.object(item, at: path, allowed: keys, required: ["sku", "monthlyUnits", "lotsPerMonth"]) else { return nil }
      let sku = reader.sku(channel["sku"], at: path.appending("sku"), origin: .foreign)
      let units = reader.distribution(channel["monthlyUnits"], at: path.appending("monthlyUnits"), support: 0...(.infinity), expected: "units per month >= 0")
      let lots = reader.number(channel["lotsPerMonth"], at: path.appending("lotsPerMonth"), in: 0...10_000, expected: "lots per month in [0, 10000]")
      let sigma = reader.number(channel["lotSizeSigma"], at: path.appending("lotSizeSigma"), in: 0...5, expected: "a log-scale spread in [0, 5]") ?? 0.5
      let from = reader.date(channel["from"], at: path.appending("from"))
      let until = reader.date(channel["until"], at: path.appending("until"))
      if let from, let until, until < from {
        reader.report(path.appending("until"), "expected a date on or after from (\(channel["from"]!.summary)), found \(channel["until"]!.summary)")
      }
      guard let sku, let units, let lots else { return nil }
      return ImportChannel(sku: sku, monthlyUnits: units, lotsPerMonth: lots, lotSizeSigma: sigma, from: from, until: until)
    }
  }

  static func decodeGrayMarket(_ value: JSONValue?, reader: inout ScenarioReader) -> [GrayChannel] {
    let grayPath = JSONPath.root.appending("grayMarket"), listPath = grayPath.appending("channels")
    guard let value, let section = reader.object(value, at: grayPath, allowed: ["channels"]) else { return [] }
    let keys = ["name", "sku", "mix", "monthlyUnits", "lotsPerMonth", "lotSizeSigma", "seizureProbability", "tier2Hubs"]
    return reader.array(section["channels"], at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let channel = reader.object(item, at: path, allowed: keys, required: ["name", "monthlyUnits", "lotsPerMonth", "seizureProbability"]) else { return nil }
      let name = reader.string(channel["name"], at: path.appending("name"))
      let mix = decodeMix(channel, at: path, reader: &reader)
      let units = reader.distribution(channel["monthlyUnits"], at: path.appending("monthlyUnits"), support: 0...(.infinity), expected: "units per month >= 0")
      let lots = reader.number(channel["lotsPerMonth"], at: path.appending("lotsPerMonth"), in: 0...10_000, expected: "lots per month in [0, 10000]")
      let seizure = reader.distribution(channel["seizureProbability"], at: path.appending("seizureProbability"), support: fractionBounds.support, expected: "a probability in [0, 1]")
      let sigma = reader.number(channel["lotSizeSigma"], at: path.appending("lotSizeSigma"), in: 0...5, expected: "a log-scale spread in [0, 5]") ?? 0.5
      let hubs = reader.number(channel["tier2Hubs"], at: path.appending("tier2Hubs"), in: 0...200, expected: "a number of Tier 2 countries in [0, 200]") ?? 0
      guard let name, let mix, let units, let lots, let seizure else { return nil }
      return GrayChannel(name: name, mix: mix, monthlyUnits: units, lotsPerMonth: lots, lotSizeSigma: sigma, seizureProbability: seizure, tier2Hubs: hubs)
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
        let weight = reader.number(weights[id], at: path.appending("mix").appending(id), in: 0...(.infinity), expected: "a weight >= 0")
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

  static func decodeFleet(_ value: JSONValue?, reader: inout ScenarioReader) -> FleetParameters? {
    let path = JSONPath.root.appending("fleet")
    let keys = ["failureRatePerYear", "smuggledHazardMultiplier", "meanLifetimeYears", "lifetimeSDYears"]
    guard let fleet = reader.object(value, at: path, allowed: keys, required: ["failureRatePerYear"]) else { return nil }
    let failure = reader.distribution(fleet["failureRatePerYear"], at: path.appending("failureRatePerYear"), support: fractionBounds.support, expected: "a fraction per year in [0, 1]")
    let multiplier = reader.distribution(fleet["smuggledHazardMultiplier"], at: path.appending("smuggledHazardMultiplier"), support: 0...(.infinity), expected: "a hazard multiplier >= 0")
    let lifetime = reader.distribution(fleet["meanLifetimeYears"], at: path.appending("meanLifetimeYears"), support: 1...50, expected: "a lifetime in years in [1, 50]")
    let spread = reader.number(fleet["lifetimeSDYears"], at: path.appending("lifetimeSDYears"), in: 0...20, expected: "years in [0, 20]")
    guard let failure else { return nil }
    return FleetParameters(
      failureRatePerYear: failure, smuggledHazardMultiplier: multiplier ?? .fixed(1),
      meanLifetimeYears: lifetime, lifetimeSDYears: spread ?? 1.5)
  }
}
