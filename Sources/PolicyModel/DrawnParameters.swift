import Foundation
import Stochastic

/// Every uncertain parameter of a scenario drawn once for one replication, each from the
/// stream named after it (`parameter.<name>`, see ``Parameter``), clamped to its meaningful
/// range (counts and rates ≥ 0, shares and probabilities in [0, 1]).
struct DrawnParameters {
  struct Vendor {
    var waferShare: Double
    var packaging: GrowthCurve
    /// Per product: the day its ramp starts, ramp length in days, final share.
    var products: [(fromDay: Double, rampDays: Double, finalShare: Double)]
    var hbmStacks: Int
    var hbmDeliveries: [(day: Double, stacks: Int)]
    var domesticHBM: HBMRampDrawn?
    var dieBank: Int
  }

  /// A class: the model reads it in every month's loops, and a reference is cheaper to pass
  /// around than a struct of arrays.
  final class Domestic {
    let waferStarts: GrowthCurve
    let aiShare: Double
    let cycleTimeDays: Double
    /// By die name.
    let yields: [String: YieldCurveDrawn]
    let vendors: [Vendor]
    let trainingEfficiency: RampCurve
    let inferenceEfficiency: Double
    let migrationLagMonths: DecliningCurve

    init(
      waferStarts: GrowthCurve, aiShare: Double, cycleTimeDays: Double, yields: [String: YieldCurveDrawn], vendors: [Vendor],
      trainingEfficiency: RampCurve, inferenceEfficiency: Double, migrationLagMonths: DecliningCurve
    ) {
      self.waferStarts = waferStarts
      self.aiShare = aiShare
      self.cycleTimeDays = cycleTimeDays
      self.yields = yields
      self.vendors = vendors
      self.trainingEfficiency = trainingEfficiency
      self.inferenceEfficiency = inferenceEfficiency
      self.migrationLagMonths = migrationLagMonths
    }
  }

  var installed: [Int] = []
  var inventory: [Int] = []
  var installedAgeYears: [Double] = []
  var spending = SpendingCurve(anchors: [], growthAfterLast: 1)
  var pricePerH100e = DecliningCurve(level: 1, anchorDay: 0, declinePerYear: 0)
  var integrationLagMonths = 0.0
  var importedTrainingShare = 1.0
  var consumerTrainingShare = 0.0
  var domesticTrainingShare = RampCurve(fromDay: 0, toDay: 0, start: 0, end: 0)
  /// By catalog SKU index: delivered capacity per paper H100e in (training, inference).
  var skuEfficiency: [(training: Double, inference: Double)] = []
  var legalMonthlyUnits: [Double] = []
  var grayMonthlyUnits: [Double] = []
  var seizureProbability: [Double] = []
  var usedShare: [Double] = []
  var gamingMonthlyUnits: [Double] = []
  var gamingSeizureProbability: [Double] = []
  /// By policy index; only enforcement events have one.
  var grayMarketMultiplier: [Int: Double] = [:]
  var failureRatePerYear = 0.0
  var grayHazardMultiplier = 1.0
  var gamingHazardMultiplier = 1.0
  var usedHazardMultiplier = 1.0
  var meanLifetimeYears: Double?
  var domestic: Domestic?
  /// (parameter name, value) of every draw, in drawing order.
  private(set) var record: [(parameter: String, value: Double)] = []

  init(scenario: SupplyScenario, draws: KeyedDraws) {
    let start = scenario.start
    func day(_ date: Date) -> Double { date.timeIntervalSince(start) / 86_400 }
    func draw(_ parameter: Parameter, in range: ClosedRange<Double> = 0...(.infinity)) -> Double {
      if case .constant(let value) = parameter.distribution.kind { return Self.clamp(value, range) }
      let value = Self.clamp(parameter.distribution.sample(using: draws.stream(of: parameter)), range)
      record.append((parameter.name, value))
      return value
    }
    func count(_ parameter: Parameter) -> Int { Saturating.count(draw(parameter)) }
    func growth(_ curve: BoundedGrowth) -> GrowthCurve {
      GrowthCurve(level: draw(curve.level), anchorDay: day(curve.asOf), growthPerYear: draw(curve.growthPerYear), ceiling: draw(curve.ceiling))
    }
    func declining(_ value: DecliningValue, in range: ClosedRange<Double> = 0...(.infinity)) -> DecliningCurve {
      DecliningCurve(level: draw(value.level, in: range), anchorDay: day(value.asOf), declinePerYear: draw(value.declinePerYear, in: -10...0.999))
    }
    func ramp(_ value: LinearRamp, in range: ClosedRange<Double>) -> RampCurve {
      RampCurve(fromDay: day(value.from), toDay: day(value.to), start: draw(value.start, in: range), end: draw(value.end, in: range))
    }
    let unit = 0...1.0

    for entry in scenario.stockpile {
      installed.append(count(entry.installed))
      inventory.append(count(entry.inventory))
      installedAgeYears.append(draw(entry.ageYears, in: 0...100))
    }
    let demand = scenario.demand
    spending = SpendingCurve(
      anchors: zip(demand.spendingDates, demand.spending).map { (day($0), draw($1.billionsUSD)) },
      growthAfterLast: draw(demand.growthAfterLastAnchor))
    pricePerH100e = declining(demand.pricePerH100e)
    integrationLagMonths = draw(demand.integrationLagMonths, in: 0...1_200)
    let utilisation = scenario.utilisation
    importedTrainingShare = draw(utilisation.importedTrainingShare, in: unit)
    consumerTrainingShare = draw(utilisation.consumerTrainingShare, in: unit)
    domesticTrainingShare = ramp(utilisation.domesticTrainingShare, in: unit)
    skuEfficiency = Array(repeating: (1, 1), count: scenario.chips.count)
    for entry in utilisation.skuEfficiency {
      guard let sku = scenario.skuIndex[entry.sku] else { continue }
      skuEfficiency[sku] = (draw(entry.training), draw(entry.inference))
    }
    for channel in scenario.legalImports { legalMonthlyUnits.append(draw(channel.monthlyUnits)) }
    for channel in scenario.grayMarket {
      grayMonthlyUnits.append(draw(channel.monthlyUnits))
      seizureProbability.append(draw(channel.seizureProbability, in: unit))
      usedShare.append(draw(channel.usedShare, in: unit))
    }
    for channel in scenario.gaming {
      gamingMonthlyUnits.append(draw(channel.monthlyUnits))
      gamingSeizureProbability.append(draw(channel.seizureProbability, in: unit))
    }
    for (index, policy) in scenario.policies.enumerated() {
      if case .enforcement(let multiplier) = policy.change { grayMarketMultiplier[index] = draw(multiplier) }
    }
    let fleet = scenario.fleet
    failureRatePerYear = draw(fleet.failureRatePerYear, in: 0...100)
    grayHazardMultiplier = draw(fleet.grayHazardMultiplier, in: 0...1_000)
    gamingHazardMultiplier = draw(fleet.gamingHazardMultiplier, in: 0...1_000)
    usedHazardMultiplier = draw(fleet.usedHazardMultiplier, in: 0...1_000)
    meanLifetimeYears = fleet.meanLifetimeYears.map { draw($0, in: 0...100) }
    guard let industry = scenario.domestic else { return }
    let waferStarts = growth(industry.waferStarts)
    let aiShare = draw(industry.aiShare, in: unit)
    let cycleTime = draw(industry.cycleTimeDays, in: 0...3_650)
    let firstUse = Self.firstProductDay(of: industry, chips: scenario.chips, day: day)
    var yields: [String: YieldCurveDrawn] = [:]
    for entry in industry.dieYields {
      yields[entry.die] = YieldCurveDrawn(
        initial: draw(entry.initial, in: unit), anchorDay: entry.asOf.map(day) ?? firstUse[entry.die] ?? 0,
        maximum: draw(entry.maximum, in: unit), ratePerMonth: draw(entry.ratePerMonth, in: 0...100))
    }
    let vendors = industry.vendors.map { vendor in
      Vendor(
        waferShare: draw(vendor.waferShare, in: unit), packaging: growth(vendor.packaging),
        products: vendor.products.map {
          (day($0.from), draw($0.rampMonths, in: 0...1_200) * Days.perMonth, draw($0.finalShare, in: unit))
        },
        hbmStacks: count(vendor.hbmStacks),
        hbmDeliveries: vendor.hbmDeliveries.map { (day($0.date), count($0.stacks)) },
        domesticHBM: vendor.domesticHBM.map {
          HBMRampDrawn(
            beginDay: day($0.earliest) + draw($0.delayMonths, in: 0...1e6) * Days.perMonth,
            rampMonths: $0.rampMonths, stacksPerMonth: draw($0.stacksPerMonth))
        },
        dieBank: vendor.dieBank.map { count($0.dies) } ?? 0)
    }
    domestic = Domestic(
      waferStarts: waferStarts, aiShare: aiShare, cycleTimeDays: cycleTime, yields: yields, vendors: vendors,
      trainingEfficiency: ramp(industry.trainingEfficiency, in: unit),
      inferenceEfficiency: draw(industry.inferenceEfficiency, in: unit),
      migrationLagMonths: declining(industry.migrationLagMonths, in: 0...1_200))
  }

  /// `value` inside `range`; NaN becomes the lower bound.
  static func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double {
    value.isNaN ? range.lowerBound : min(range.upperBound, max(range.lowerBound, value))
  }

  /// The day each die's first product starts (a new die's yield learning starts there).
  private static func firstProductDay(of industry: DomesticIndustry, chips: [ChipSKU], day: (Date) -> Double) -> [String: Double] {
    var first: [String: Double] = [:]
    for product in industry.vendors.flatMap(\.products) {
      guard let die = chips.first(where: { $0.id == product.sku })?.computeDie else { continue }
      first[die] = min(first[die] ?? .infinity, day(product.from))
    }
    return first
  }
}
