import Foundation
import PolicyModel
import Stochastic

/// Decoding of demand (spending, price per H100e, integration lag) and utilisation (roles and
/// per-SKU efficiencies).
extension LoadedScenario {
  static func decodeDemand(_ value: JSONValue?, reader: inout ScenarioReader) -> Demand? {
    let path = JSONPath.root.appending("demand")
    let keys = ["spending", "growthAfterLastAnchor", "pricePerH100e", "integrationLagMonths"]
    guard let demand = reader.object(value, at: path, allowed: keys, required: ["spending", "pricePerH100e"]) else { return nil }
    let spending = decodeSpending(demand["spending"], at: path.appending("spending"), reader: &reader)
    let growth = demand["growthAfterLastAnchor"].map {
      reader.parameter($0, at: path.appending("growthAfterLastAnchor"), support: 0...10, expected: "a growth factor per year in [0, 10]")
    }
    let price = reader.decliningValue(demand["pricePerH100e"], at: path.appending("pricePerH100e"), unit: "US dollars")
    let lag = demand["integrationLagMonths"].map {
      reader.parameter($0, at: path.appending("integrationLagMonths"), support: 0...120, expected: "months in [0, 120]")
    }
    guard let spending, let price, isValid(growth), isValid(lag) else { return nil }
    if price.level.distribution.mean <= 0 {
      reader.report(path.appending("pricePerH100e").appending("level"), "expected a price > 0, found \(Self.describe(price.level))")
      return nil
    }
    return Demand(
      spending: spending, growthAfterLastAnchor: growth.flatMap { $0 } ?? .fixed(1), pricePerH100e: price,
      integrationLagMonths: lag.flatMap { $0 } ?? .fixed(0))
  }

  /// `[{"year": 2025, "billionsUSD": …}, …]`, years strictly increasing.
  private static func decodeSpending(_ value: JSONValue?, at listPath: JSONPath, reader: inout ScenarioReader) -> [(year: Int, billionsUSD: Parameter)]? {
    let items = reader.array(value, at: listPath)
    if items.isEmpty, case .array? = value { reader.report(listPath, "expected at least one year, found []") }
    var anchors: [(year: Int, billionsUSD: Parameter)] = []
    for (index, item) in items.enumerated() {
      let path = listPath.appending(index)
      guard let anchor = reader.object(item, at: path, allowed: ["year", "billionsUSD"], required: ["year", "billionsUSD"]) else { continue }
      let year = reader.wholeNumber(anchor["year"], at: path.appending("year"), in: 1990...2200, expected: "a year in [1990, 2200]")
      let spend = reader.parameter(anchor["billionsUSD"], at: path.appending("billionsUSD"), support: 0...1e6, expected: "billions of US dollars in [0, 1e6]")
      guard let year, let spend else { continue }
      if let last = anchors.last, year <= last.year {
        reader.report(path.appending("year"), "expected a year after the previous anchor's (\(last.year)), found \(year)")
      }
      anchors.append((year, spend))
    }
    return anchors.count == items.count && !anchors.isEmpty ? anchors : nil
  }

  static func decodeUtilisation(_ value: JSONValue?, reader: inout ScenarioReader) -> Utilisation? {
    guard let value else { return Utilisation() }
    let path = JSONPath.root.appending("utilisation")
    let keys = ["importedTrainingShare", "consumerTrainingShare", "domesticTrainingShare", "skuEfficiency"]
    guard let section = reader.object(value, at: path, allowed: keys) else { return nil }
    func share(_ key: String, default fallback: Double) -> Parameter? {
      guard let value = section[key] else { return .fixed(fallback) }
      return reader.fraction(value, at: path.appending(key))
    }
    let imported = share("importedTrainingShare", default: 1)
    let consumer = share("consumerTrainingShare", default: 0)
    let domestic = section["domesticTrainingShare"].map { reader.linearRamp($0, at: path.appending("domesticTrainingShare")) }
    let efficiency = decodeSKUEfficiency(section["skuEfficiency"], at: path.appending("skuEfficiency"), reader: &reader)
    guard let imported, let consumer, isValid(domestic), let efficiency else { return nil }
    return Utilisation(
      importedTrainingShare: imported, consumerTrainingShare: consumer,
      domesticTrainingShare: domestic.flatMap { $0 } ?? .constant(0), skuEfficiency: efficiency)
  }

  /// `{"H20": {"training": 1, "inference": {…}}, …}`: capacity delivered per paper H100e.
  private static func decodeSKUEfficiency(_ value: JSONValue?, at path: JSONPath, reader: inout ScenarioReader) -> [SKUEfficiency]? {
    guard let value else { return [] }
    guard case .object(let table) = value else {
      reader.report(path, "expected an object of SKU -> {training, inference}, found \(value.summary)")
      return nil
    }
    var entries: [SKUEfficiency] = []
    var valid = true
    for id in table.keys.sorted() {
      let entryPath = path.appending(id)
      let sku = reader.sku(.string(id), at: entryPath)
      guard let roles = reader.object(table[id], at: entryPath, allowed: ["training", "inference"]) else {
        valid = false
        continue
      }
      func role(_ key: String) -> Parameter? {
        guard let value = roles[key] else { return .fixed(1) }
        return reader.parameter(value, at: entryPath.appending(key), support: 0...10, expected: "capacity per paper H100e in [0, 10]")
      }
      guard let sku, let training = role("training"), let inference = role("inference") else {
        valid = false
        continue
      }
      entries.append(SKUEfficiency(sku: sku, training: training, inference: inference))
    }
    return valid ? entries : nil
  }

  /// A parameter as an error message shows it: the number, or the mean of a distribution.
  static func describe(_ parameter: Parameter) -> String {
    if case .constant(let value) = parameter.distribution.kind { return ScenarioReader.format(value) }
    return "a distribution with mean \(ScenarioReader.format(parameter.distribution.mean))"
  }
}
