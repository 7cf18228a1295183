import Foundation
import PolicyModel
import Stochastic

/// Decoding of the domestic industry: SMIC wafer starts, die yields and the vendors.
extension LoadedScenario {
  static func decodeDomestic(_ value: JSONValue, reader: inout ScenarioReader) -> DomesticIndustry? {
    let path = JSONPath.root.appending("domestic")
    let keys = ["waferStarts", "aiShare", "cycleTimeDays", "dieYields", "vendors", "softwareEfficiency", "migrationLagMonths"]
    guard let section = reader.object(value, at: path, allowed: keys, required: ["waferStarts", "aiShare", "cycleTimeDays", "dieYields", "vendors"])
    else { return nil }
    let waferStarts = reader.boundedGrowth(section["waferStarts"], at: path.appending("waferStarts"), unit: "wafers per month")
    let aiShare = reader.fraction(section["aiShare"], at: path.appending("aiShare"))
    let cycle = reader.parameter(section["cycleTimeDays"], at: path.appending("cycleTimeDays"), support: 0...3_650, expected: "days in [0, 3650]")
    let yields = decodeDieYields(section["dieYields"], reader: &reader)
    let vendors = decodeVendors(section["vendors"], reader: &reader)
    let efficiency = section["softwareEfficiency"].map { decodeEfficiency($0, reader: &reader) }
    let lag = section["migrationLagMonths"].map {
      reader.decliningValue($0, at: path.appending("migrationLagMonths"), unit: "months")
    }
    guard let waferStarts, let aiShare, let cycle, let yields, let vendors, isValid(efficiency), isValid(lag) else { return nil }
    let needed = Set(vendors.flatMap(\.products).compactMap { ChipCatalog.sku($0.sku)?.computeDie })
    for die in needed.sorted() where !yields.contains(where: { $0.die == die }) {
      reader.report(path.appending("dieYields"), "expected a yield for die \"\(die)\", which a product uses, found none")
    }
    let trainingEfficiency = efficiency.flatMap { $0 }
    return DomesticIndustry(
      waferStarts: waferStarts, aiShare: aiShare, cycleTimeDays: cycle, dieYields: yields, vendors: vendors,
      trainingEfficiency: trainingEfficiency?.training ?? .constant(1), inferenceEfficiency: trainingEfficiency?.inference ?? .fixed(1),
      migrationLagMonths: lag.flatMap { $0 } ?? DecliningValue(level: .fixed(0), asOf: .distantPast, declinePerYear: .fixed(0)))
  }

  /// The compute dies of the chip catalog.
  static var knownDies: [String] { Array(Set(ChipCatalog.standard.compactMap(\.computeDie))).sorted() }

  private static func decodeDieYields(_ value: JSONValue?, reader: inout ScenarioReader) -> [DieYield]? {
    let listPath = JSONPath.root.appending("domestic").appending("dieYields")
    let items = reader.array(value, at: listPath)
    let yields = items.enumerated().compactMap { index, item -> DieYield? in
      let path = listPath.appending(index)
      guard let entry = reader.object(item, at: path, allowed: ["die", "initial", "asOf", "maximum", "ratePerMonth"], required: ["die", "initial", "maximum", "ratePerMonth"]) else { return nil }
      let die = reader.string(entry["die"], at: path.appending("die"))
      if let die, !knownDies.contains(die) {
        let hint = suggestion(for: die, among: knownDies).map { "; did you mean \"\($0)\"?" } ?? ""
        reader.report(path.appending("die"), "expected a compute die of the catalog (\(knownDies.joined(separator: ", "))), found \"\(die)\"\(hint)")
      }
      let initial = reader.fraction(entry["initial"], at: path.appending("initial"))
      let asOf = reader.date(entry["asOf"], at: path.appending("asOf"))
      let maximum = reader.fraction(entry["maximum"], at: path.appending("maximum"))
      let rate = reader.parameter(entry["ratePerMonth"], at: path.appending("ratePerMonth"), support: 0...10, expected: "a learning rate per month in [0, 10]")
      guard let die, knownDies.contains(die), let initial, let maximum, let rate, entry["asOf"] == nil || asOf != nil else { return nil }
      return DieYield(die: die, initial: initial, asOf: asOf, maximum: maximum, ratePerMonth: rate)
    }
    return yields.count == items.count ? yields : nil
  }

  private static func decodeVendors(_ value: JSONValue?, reader: inout ScenarioReader) -> [DomesticVendor]? {
    let listPath = JSONPath.root.appending("domestic").appending("vendors")
    let items = reader.array(value, at: listPath)
    if items.isEmpty, case .array? = value { reader.report(listPath, "expected at least one vendor, found []") }
    var vendors: [DomesticVendor] = []
    for (index, item) in items.enumerated() {
      guard let vendor = decodeVendor(item, at: listPath.appending(index), reader: &reader) else { continue }
      if vendors.contains(where: { $0.name == vendor.name }) {
        reader.report(listPath.appending(index).appending("name"), "expected each vendor once, found \"\(vendor.name)\" again")
      }
      vendors.append(vendor)
    }
    return vendors.count == items.count && !vendors.isEmpty ? vendors : nil
  }

  private static func decodeVendor(_ value: JSONValue, at path: JSONPath, reader: inout ScenarioReader) -> DomesticVendor? {
    let keys = ["name", "waferShare", "packaging", "products", "hbmStacks", "hbmDeliveries", "domesticHBM", "dieBank"]
    guard let vendor = reader.object(value, at: path, allowed: keys, required: ["name", "waferShare", "packaging", "products"]) else { return nil }
    let vendorNames = Array(Set(ChipCatalog.standard.filter { $0.origin == .domestic }.map(\.vendor))).sorted()
    let name = reader.string(vendor["name"], at: path.appending("name"))
    if let name, !vendorNames.contains(name) {
      let hint = suggestion(for: name, among: vendorNames).map { "; did you mean \"\($0)\"?" } ?? ""
      reader.report(path.appending("name"), "expected a domestic vendor of the catalog (\(vendorNames.joined(separator: ", "))), found \"\(name)\"\(hint)")
    }
    let share = reader.fraction(vendor["waferShare"], at: path.appending("waferShare"))
    let packaging = reader.boundedGrowth(vendor["packaging"], at: path.appending("packaging"), unit: "packages per month")
    let products = decodeProducts(vendor["products"], vendor: name, at: path.appending("products"), reader: &reader)
    let stacks = vendor["hbmStacks"].map { reader.parameter($0, at: path.appending("hbmStacks"), expected: "a count of stacks >= 0") }
    let deliveries = decodeDeliveries(vendor["hbmDeliveries"], at: path.appending("hbmDeliveries"), reader: &reader)
    let ramp = vendor["domesticHBM"].map { decodeHBMRamp($0, at: path.appending("domesticHBM"), reader: &reader) }
    let bank = vendor["dieBank"].map { decodeDieBank($0, products: products ?? [], at: path.appending("dieBank"), reader: &reader) }
    guard let name, vendorNames.contains(name), let share, let packaging, let products, isValid(stacks), let deliveries,
      isValid(ramp), isValid(bank)
    else { return nil }
    return DomesticVendor(
      name: name, waferShare: share, packaging: packaging, products: products, hbmStacks: stacks.flatMap { $0 } ?? .fixed(0),
      hbmDeliveries: deliveries, domesticHBM: ramp.flatMap { $0 }, dieBank: bank.flatMap { $0 })
  }

  /// `[{"sku": "Ascend910C", "from": "2024-10-01", "rampMonths": …, "finalShare": …, "hbm": "imported"}, …]`,
  /// dates strictly increasing, every SKU a domestic chip of the vendor.
  private static func decodeProducts(_ value: JSONValue?, vendor: String?, at listPath: JSONPath, reader: inout ScenarioReader) -> [DomesticProduct]? {
    let items = reader.array(value, at: listPath)
    if items.isEmpty, case .array? = value { reader.report(listPath, "expected at least one product, found []") }
    var products: [DomesticProduct] = []
    for (index, item) in items.enumerated() {
      let path = listPath.appending(index)
      guard let product = reader.object(item, at: path, allowed: ["sku", "from", "rampMonths", "finalShare", "hbm"], required: ["sku", "from"]) else { continue }
      let sku = reader.sku(product["sku"], at: path.appending("sku"), origin: .domestic)
      if let sku, let vendor, let chip = ChipCatalog.sku(sku), chip.vendor != vendor {
        reader.report(path.appending("sku"), "expected a product of \(vendor), found \"\(sku)\" (\(chip.vendor))")
      }
      let from = reader.date(product["from"], at: path.appending("from"))
      let ramp = product["rampMonths"].map { reader.parameter($0, at: path.appending("rampMonths"), support: 0...240, expected: "months in [0, 240]") }
      let final = product["finalShare"].map { reader.fraction($0, at: path.appending("finalShare")) }
      var supply = HBMSupply.imported
      if let text = reader.string(product["hbm"], at: path.appending("hbm")) {
        if let known = HBMSupply(rawValue: text) {
          supply = known
        } else {
          reader.report(path.appending("hbm"), "expected \(HBMSupply.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")), found \"\(text)\"")
        }
      }
      guard let sku, let from, isValid(ramp), isValid(final) else { continue }
      if let last = products.last, from <= last.from {
        reader.report(path.appending("from"), "expected a date after the previous product's, found \(product["from"]!.summary)")
      }
      products.append(
        DomesticProduct(sku: sku, from: from, rampMonths: ramp.flatMap { $0 } ?? .fixed(0), finalShare: final.flatMap { $0 } ?? .fixed(1), hbm: supply))
    }
    return products.count == items.count && !products.isEmpty ? products : nil
  }

  private static func decodeDeliveries(_ value: JSONValue?, at listPath: JSONPath, reader: inout ScenarioReader) -> [(date: Date, stacks: Parameter)]? {
    let items = reader.array(value, at: listPath)
    let deliveries = items.enumerated().compactMap { index, item -> (date: Date, stacks: Parameter)? in
      let path = listPath.appending(index)
      guard let delivery = reader.object(item, at: path, allowed: ["date", "stacks"], required: ["date", "stacks"]) else { return nil }
      let date = reader.date(delivery["date"], at: path.appending("date"))
      let stacks = reader.parameter(delivery["stacks"], at: path.appending("stacks"), expected: "a count of stacks >= 0")
      guard let date, let stacks else { return nil }
      return (date, stacks)
    }
    return deliveries.count == items.count ? deliveries : nil
  }

  private static func decodeHBMRamp(_ value: JSONValue, at path: JSONPath, reader: inout ScenarioReader) -> HBMRamp? {
    guard let ramp = reader.object(value, at: path, allowed: ["earliest", "delayMonths", "rampMonths", "stacksPerMonth"], required: ["earliest", "delayMonths", "rampMonths", "stacksPerMonth"]) else { return nil }
    let earliest = reader.date(ramp["earliest"], at: path.appending("earliest"))
    let delay = reader.parameter(ramp["delayMonths"], at: path.appending("delayMonths"), support: 0...1_200, expected: "months in [0, 1200]")
    let months = reader.number(ramp["rampMonths"], at: path.appending("rampMonths"), in: 0...240, expected: "months in [0, 240]")
    let stacks = reader.parameter(ramp["stacksPerMonth"], at: path.appending("stacksPerMonth"), expected: "stacks per month >= 0")
    guard let earliest, let delay, let months, let stacks else { return nil }
    return HBMRamp(earliest: earliest, delayMonths: delay, rampMonths: months, stacksPerMonth: stacks)
  }

  private static func decodeDieBank(_ value: JSONValue, products: [DomesticProduct], at path: JSONPath, reader: inout ScenarioReader) -> DieBank? {
    guard let bank = reader.object(value, at: path, allowed: ["die", "dies"], required: ["die", "dies"]) else { return nil }
    let die = reader.string(bank["die"], at: path.appending("die"))
    let dies = reader.parameter(bank["dies"], at: path.appending("dies"), expected: "a count of dies >= 0")
    let usable = Array(Set(products.compactMap { ChipCatalog.sku($0.sku)?.computeDie })).sorted()
    if let die, !usable.isEmpty, !usable.contains(die) {
      reader.report(path.appending("die"), "expected the die of one of the vendor's products (\(usable.joined(separator: ", "))), found \"\(die)\"")
      return nil
    }
    guard let die, let dies else { return nil }
    return DieBank(die: die, dies: dies)
  }

  private static func decodeEfficiency(_ value: JSONValue, reader: inout ScenarioReader) -> (training: LinearRamp, inference: Parameter)? {
    let path = JSONPath.root.appending("domestic").appending("softwareEfficiency")
    guard let section = reader.object(value, at: path, allowed: ["training", "inference"], required: ["training", "inference"]) else { return nil }
    let inference = reader.fraction(section["inference"], at: path.appending("inference"))
    let training = section["training"].flatMap { reader.linearRamp($0, at: path.appending("training")) }
    guard let training, let inference else { return nil }
    return (training, inference)
  }
}
