import Foundation
import PolicyModel
import Stochastic
import Testing

/// Every mechanism at once, with drawn parameters.
private func richScenario() throws -> SupplyScenario {
  let rules = [
    PolicyEvent(date: day("2025-06-01"), change: .chinaImportBan(sku: "H20", banned: true), note: "CAC"),
    PolicyEvent(date: day("2025-03-01"), change: .tier2Cap(h100ePerYear: 20_000), note: "caps"),
    PolicyEvent(date: day("2025-09-01"), change: .enforcement(grayMarketMultiplier: drawn(try .uniform(lower: 0.5, upper: 0.8), "enforcement")), note: "crackdown"),
  ]
  let dies = [
    DieYield(die: "Ascend910", initial: constant(0.2), asOf: day("2024-11-01"), maximum: drawn(try .uniform(lower: 0.55, upper: 0.75), "max910"), ratePerMonth: constant(0.2)),
    DieYield(die: "Ascend950", initial: constant(0.15), maximum: constant(0.6), ratePerMonth: constant(0.15)),
    DieYield(die: "MLU590", initial: constant(0.2), maximum: constant(0.6), ratePerMonth: constant(0.15)),
  ]
  let huawei = DomesticVendor(
    name: "Huawei", waferShare: drawn(try .uniform(lower: 0.6, upper: 0.9), "share"),
    packaging: BoundedGrowth(level: drawn(try .lognormal(median: 65_000, sigma: 0.25), "packaging"), asOf: day("2025-07-01"), growthPerYear: constant(1.7), ceiling: constant(250_000)),
    products: [
      DomesticProduct(sku: "Ascend910B", from: day("2023-01-01")),
      DomesticProduct(sku: "Ascend910C", from: day("2024-10-01"), rampMonths: constant(9)),
      DomesticProduct(sku: "Ascend950PR", from: day("2026-03-01"), rampMonths: constant(12), finalShare: constant(0.9), hbm: .domestic),
    ],
    hbmStacks: drawn(try .triangular(lower: 4e6, mode: 5e6, upper: 6e6), "hbm"), hbmDeliveries: [(day("2025-12-15"), constant(7e6))],
    domesticHBM: HBMRamp(earliest: day("2026-03-01"), delayMonths: drawn(try .exponential(mean: 3), "delay"), rampMonths: 12, stacksPerMonth: constant(250_000)),
    dieBank: DieBank(die: "Ascend910", dies: drawn(try .triangular(lower: 2e6, mode: 2.9e6, upper: 3e6), "bank")))
  let cambricon = DomesticVendor(
    name: "Cambricon", waferShare: constant(0.08), packaging: flat(12_000), products: [DomesticProduct(sku: "MLU590", from: day("2024-01-01"))],
    hbmStacks: constant(800_000))
  return SupplyScenario(
    start: day("2025-01-01"), months: 36, policies: PolicyTimeline.historical + rules,
    stockpile: [StockpileEntry(
      sku: "H100", installed: drawn(try .lognormal(median: 100_000, sigma: 0.4), "installed"),
      inventory: drawn(try .lognormal(median: 50_000, sigma: 0.5), "inventory"), ageYears: drawn(try .uniform(lower: 0, upper: 5), "age"))],
    demand: Demand(
      spending: [(2025, drawn(try .lognormal(median: 30, sigma: 0.2), "spend25")), (2026, constant(35))],
      growthAfterLastAnchor: constant(1.25), pricePerH100e: DecliningValue(level: constant(35_000), asOf: day("2026-01-01"), declinePerYear: constant(0.1)),
      integrationLagMonths: drawn(try .uniform(lower: 0.5, upper: 1.5), "lag")),
    utilisation: Utilisation(
      importedTrainingShare: constant(0.6), consumerTrainingShare: constant(0.1),
      domesticTrainingShare: LinearRamp(from: day("2024-01-01"), to: day("2027-12-31"), start: constant(0.15), end: constant(0.4)),
      skuEfficiency: [SKUEfficiency(sku: "H20", inference: constant(3))]),
    legalImports: [ImportChannel(sku: "H20", monthlyUnits: drawn(try .lognormal(median: 100_000, sigma: 0.3), "h20"), lotsPerMonth: 6)],
    grayMarket: [GrayChannel(
      name: "hub", mix: [("B200", 2), ("H100", 1)], monthlyUnits: drawn(try .lognormal(median: 5_000, sigma: 0.8), "gray"), lotsPerMonth: 3,
      seizureProbability: drawn(try .beta(alpha: 2, beta: 18), "seizure"), tier2Hubs: 2, usedShare: constant(0.3), usedAgeYears: constant(2))],
    gaming: [GamingChannel(sku: "RTX4090D", monthlyUnits: constant(8_000), lotsPerMonth: 4, window: DateWindow(until: day("2025-06-30")))],
    domestic: DomesticIndustry(
      waferStarts: BoundedGrowth(
        level: drawn(try .triangular(lower: 15_000, mode: 30_000, upper: 50_000), "wafers"), asOf: day("2026-02-01"),
        growthPerYear: constant(1.6), ceiling: constant(150_000)),
      aiShare: drawn(try .beta(alpha: 4, beta: 6), "ai"), cycleTimeDays: drawn(try .uniform(lower: 75, upper: 105), "cycle"), dieYields: dies,
      vendors: [huawei, cambricon],
      trainingEfficiency: LinearRamp(from: day("2023-12-31"), to: day("2026-12-31"), start: constant(0.25), end: constant(0.75)),
      inferenceEfficiency: constant(0.7),
      migrationLagMonths: DecliningValue(level: constant(4), asOf: day("2024-01-01"), declinePerYear: constant(0.25))),
    fleet: FleetParameters(
      failureRatePerYear: drawn(try .gamma(mean: 0.04, standardDeviation: 0.02), "failure"), cohortHazardSpread: 0.5,
      grayHazardMultiplier: constant(1.4), gamingHazardMultiplier: constant(2), usedHazardMultiplier: constant(1.5),
      meanLifetimeYears: drawn(try .uniform(lower: 2, upper: 4), "lifetime")))
}

@Test("conservation of chips, dies and HBM holds and outcomes are identical for the same seed, over many seeds")
func conservationAndDeterminism() throws {
  let scenario = try richScenario()
  for replication in 0..<40 {
    let first = try scenario.runReplication(seed: 2025, replication: replication)  // throws if any book does not balance
    let again = try scenario.runReplication(seed: 2025, replication: replication)
    #expect(first == again)
    #expect(first.values.count == 36 && first.values.allSatisfy { $0.count == scenario.metricNames.count })
    #expect(first.total(.retiredUnits) > 0 && first.total(.packages) > 0 && first.total(.acquiredUnitsGaming) > 0)
    #expect(first.values.allSatisfy { $0.allSatisfy(\.isFinite) })
  }
  #expect(try scenario.runReplication(seed: 2025, replication: 0) != scenario.runReplication(seed: 2025, replication: 1))
}

@Test("the metric layout lists the fixed outcomes, then each vendor's, then each product's")
func metricLayout() throws {
  let scenario = try richScenario()
  let names = scenario.metricNames
  #expect(Array(names.prefix(Outcome.allCases.count)) == Outcome.allCases.map(\.rawValue))
  #expect(names.contains("packages_huawei") && names.contains("capacity_h100e_cambricon"))
  #expect(names.contains("packages_ascend950pr") && names.contains("yield_mlu590"))
  #expect(Set(names).count == names.count)
  #expect(scenario.metrics.isFlow("packages_huawei") && !scenario.metrics.isFlow("capacity_h100e_huawei"))
  #expect(!scenario.metrics.isFlow("yield_mlu590") && scenario.metrics.isFlow("bank_dies_ascend910c"))
}

@Test("a SKU the catalog lacks is refused, saying where")
func unknownSKU() {
  let scenario = tiny(legal: [ImportChannel(sku: "H2O", monthlyUnits: constant(1), lotsPerMonth: 1)])
  #expect {
    _ = try scenario.runReplication(seed: 1, replication: 0)
  } throws: { error in
    "\(error)".hasPrefix("legal import channel: expected a SKU of the catalog (A100, A800,") && "\(error)".hasSuffix("found \"H2O\"")
  }
}

@Test("absurd magnitudes saturate instead of trapping: 1e19 units, a 1e308 growth factor, 1e6 lots a month")
func magnitudesSaturate() throws {
  let channel = GrayChannel(name: "hub", mix: [("H100", 1)], monthlyUnits: constant(1e19), lotsPerMonth: 1e6, seizureProbability: constant(0))
  let domestic = industry(
    products: [DomesticProduct(sku: "Ascend910C", from: day("2025-01-01"))], wafers: 1e19, packaging: 1e300, hbm: 1e19)
  let scenario = tiny(months: 24, installed: 1e19, demand: flatDemand(1e300), gray: [channel], domestic: domestic)
  let result = try scenario.runReplication(seed: 1, replication: 0)
  #expect(result.values.allSatisfy { $0.allSatisfy(\.isFinite) })
  let growth = BoundedGrowth(level: constant(1e5), asOf: day("2025-01-01"), growthPerYear: constant(1e308), ceiling: constant(1e300))
  let grown = DomesticIndustry(
    waferStarts: growth, aiShare: constant(1), cycleTimeDays: constant(0),
    dieYields: [DieYield(die: "Ascend910", initial: constant(1), maximum: constant(1), ratePerMonth: constant(0))],
    vendors: [DomesticVendor(name: "Huawei", waferShare: constant(1), packaging: growth, products: [DomesticProduct(sku: "Ascend910B", from: day("2025-01-01"))], hbmStacks: constant(1e19))])
  _ = try tiny(months: 120, domestic: grown).runReplication(seed: 1, replication: 0)
}
