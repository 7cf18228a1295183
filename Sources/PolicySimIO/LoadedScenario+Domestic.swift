import Foundation
import PolicyModel
import Stochastic

/// Decoding of the domestic production section.
extension LoadedScenario {
  static func decodeDomestic(_ value: JSONValue, reader: inout ScenarioReader) -> DomesticLine? {
    let path = JSONPath.root.appending("domestic")
    let amounts = [
      "waferStartsPerMonth", "waferStartsGrowthPerYear", "cycleTimeDays", "hbmStacks", "dieBank",
      "packagingCapacityPerMonth", "packagingCapacityGrowthPerYear", "yieldRatePerMonth",
    ]
    let fractions = ["aiShare", "initialYield", "maximumYield"]
    let optional = ["waferStartsGrowthPerYear", "packagingCapacityGrowthPerYear", "dieBankSKUs", "softwareEfficiency", "hbmRamp"]
    guard let line = reader.object(value, at: path, allowed: ["products"] + amounts + fractions + optional, required: ["products"] + (amounts + fractions).filter { !optional.contains($0) })
    else { return nil }
    var drawn: [String: Distribution] = [:]
    for key in amounts {
      drawn[key] = reader.distribution(line[key], at: path.appending(key), support: 0...(.infinity), expected: "a number >= 0")
    }
    for key in fractions {
      drawn[key] = reader.distribution(line[key], at: path.appending(key), support: fractionBounds.support, expected: fractionBounds.expected)
    }
    let products = decodeProducts(line["products"], reader: &reader)
    let bankPath = path.appending("dieBankSKUs")
    let bank = line["dieBankSKUs"].map { reader.array($0, at: bankPath).enumerated().compactMap { reader.sku($1, at: bankPath.appending($0), origin: .domestic) } }
    let efficiency = line["softwareEfficiency"].flatMap { decodeEfficiency($0, reader: &reader) }
    let ramp = line["hbmRamp"].flatMap { decodeHBMRamp($0, reader: &reader) }
    let required = (amounts + fractions).filter { !optional.contains($0) }
    guard required.allSatisfy({ drawn[$0] != nil }), !products.isEmpty else { return nil }
    return DomesticLine(
      products: products, waferStartsPerMonth: drawn["waferStartsPerMonth"]!,
      waferStartsGrowthPerYear: drawn["waferStartsGrowthPerYear"] ?? .fixed(1), aiShare: drawn["aiShare"]!,
      initialYield: drawn["initialYield"]!, maximumYield: drawn["maximumYield"]!,
      yieldRatePerMonth: drawn["yieldRatePerMonth"]!, cycleTimeDays: drawn["cycleTimeDays"]!,
      hbmStacks: drawn["hbmStacks"]!, dieBank: drawn["dieBank"]!, dieBankSKUs: bank,
      packagingCapacityPerMonth: drawn["packagingCapacityPerMonth"]!,
      packagingCapacityGrowthPerYear: drawn["packagingCapacityGrowthPerYear"] ?? .fixed(1),
      softwareEfficiency: efficiency ?? SoftwareEfficiency(), hbmRamp: ramp)
  }

  /// `[{"from": "2025-01-01", "sku": "Ascend910C"}, …]`, dates strictly increasing.
  private static func decodeProducts(_ value: JSONValue?, reader: inout ScenarioReader) -> [(from: Date, sku: String)] {
    let listPath = JSONPath.root.appending("domestic").appending("products")
    guard let value else { return [] }
    let items = reader.array(value, at: listPath)
    if items.isEmpty, case .array = value { reader.report(listPath, "expected at least one product, found []") }
    var products: [(from: Date, sku: String)] = []
    for (index, item) in items.enumerated() {
      let path = listPath.appending(index)
      guard let product = reader.object(item, at: path, allowed: ["from", "sku"], required: ["from", "sku"]) else { continue }
      let from = reader.date(product["from"], at: path.appending("from"))
      let sku = reader.sku(product["sku"], at: path.appending("sku"), origin: .domestic)
      guard let from, let sku else { continue }
      if let last = products.last, from <= last.from {
        reader.report(path.appending("from"), "expected a date after the previous product's, found \(product["from"]!.summary)")
      }
      products.append((from, sku))
    }
    return products.count == items.count ? products : []
  }

  private static func decodeEfficiency(_ value: JSONValue, reader: inout ScenarioReader) -> SoftwareEfficiency? {
    let path = JSONPath.root.appending("domestic").appending("softwareEfficiency")
    let trainingPath = path.appending("training")
    guard let section = reader.object(value, at: path, allowed: ["training", "inference"], required: ["training", "inference"]) else { return nil }
    let inference = reader.distribution(section["inference"], at: path.appending("inference"), support: fractionBounds.support, expected: fractionBounds.expected)
    guard section["training"] != nil, let training = reader.object(section["training"], at: trainingPath, allowed: ["from", "to", "start", "end"], required: ["from", "to", "start", "end"]) else { return nil }
    let from = reader.date(training["from"], at: trainingPath.appending("from"))
    let to = reader.date(training["to"], at: trainingPath.appending("to"))
    let start = reader.distribution(training["start"], at: trainingPath.appending("start"), support: fractionBounds.support, expected: fractionBounds.expected)
    let end = reader.distribution(training["end"], at: trainingPath.appending("end"), support: fractionBounds.support, expected: fractionBounds.expected)
    guard let from, let to, let start, let end, let inference else { return nil }
    if to < from {
      reader.report(trainingPath.appending("to"), "expected a date on or after from (\(training["from"]!.summary)), found \(training["to"]!.summary)")
    }
    return SoftwareEfficiency(trainingStart: start, trainingEnd: end, from: from, to: to, inference: inference)
  }

  private static func decodeHBMRamp(_ value: JSONValue, reader: inout ScenarioReader) -> HBMRamp? {
    let path = JSONPath.root.appending("domestic").appending("hbmRamp")
    guard let ramp = reader.object(value, at: path, allowed: ["earliest", "delayMonths", "rampMonths", "stacksPerMonth"], required: ["earliest", "delayMonths", "rampMonths", "stacksPerMonth"]) else { return nil }
    let earliest = reader.date(ramp["earliest"], at: path.appending("earliest"))
    let delay = reader.distribution(ramp["delayMonths"], at: path.appending("delayMonths"), support: 0...(.infinity), expected: "months >= 0")
    let months = reader.number(ramp["rampMonths"], at: path.appending("rampMonths"), in: 0...240, expected: "months in [0, 240]")
    let stacks = reader.distribution(ramp["stacksPerMonth"], at: path.appending("stacksPerMonth"), support: 0...(.infinity), expected: "stacks per month >= 0")
    guard let earliest, let delay, let months, let stacks else { return nil }
    return HBMRamp(earliest: earliest, delayMonths: delay, rampMonths: months, stacksPerMonth: stacks)
  }
}
