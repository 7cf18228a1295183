import Foundation
import PolicyModel
import Stochastic
import Testing

private func constant(_ value: Double) -> Distribution { try! .constant(value: value) }

/// A small deterministic scenario from 2025-01-01: everything constant, nothing by default.
private func tiny(
  months: Int = 12, inventory: Double = 0, demand: Double = 0, policies: [PolicyEvent] = [],
  legal: [ImportChannel] = [], gray: [GrayChannel] = [], domestic: DomesticLine? = nil,
  failureRate: Double = 0
) -> SupplyScenario {
  SupplyScenario(
    start: ISODate.parse("2025-01-01")!, months: months, policies: policies,
    stockpile: [StockpileEntry(sku: "H100", installed: constant(0), inventory: constant(inventory))],
    demandH100ePerMonth: constant(demand), demandGrowthPerYear: constant(1), legalImports: legal,
    grayMarket: gray, domestic: domestic, failureRatePerYear: constant(failureRate))
}

@Test("depletion day: 1,000 H100 against 300 H100e a month run out at the end of April (day 120)")
func depletionDay() throws {
  let result = try tiny(inventory: 1_000, demand: 300).runReplication(seed: 1, replication: 0)
  #expect(result.stockpileDepletedDay == 120)
  #expect(result.value(.inventoryNvidiaUnits, month: 2) == 100)
  #expect(result.value(.unmetDemandH100e, month: 3) == 200)
  #expect(result.value(.unmetDemandH100e, month: 4) == 500)
  #expect(result.value(.capacityH100eNvidia, month: 11) == 1_000)
}

@Test("a licence requirement with no approvals stops H20 shipments on its date")
func banStopsShipments() throws {
  let rule = PolicyEvent(
    date: ISODate.parse("2025-04-09")!,
    change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 0, delayDays: 30)),
    note: "H20 licence")
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(10_000), lotsPerMonth: 8)
  for seed in UInt64(1)...20 {
    let result = try tiny(policies: [rule], legal: [channel]).runReplication(seed: seed, replication: 0)
    let monthly = (0..<12).map { result.value(.legalImportUnits, month: $0) }
    #expect(monthly[0] > 0 && monthly[1] > 0 && monthly[2] > 0, "seed \(seed)")
    #expect(monthly[4...].allSatisfy { $0 == 0 }, "seed \(seed)")
  }
}

@Test("licences approved with probability 1 deliver the lots after the review delay")
func licenceApproval() throws {
  let rule = PolicyEvent(
    date: ISODate.parse("2025-01-01")!,
    change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 1, delayDays: 62)),
    note: "licence")
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(10_000), lotsPerMonth: 8)
  let result = try tiny(policies: [rule], legal: [channel]).runReplication(seed: 3, replication: 0)
  #expect(result.value(.legalImportUnits, month: 0) == 0)
  #expect(result.value(.legalImportUnits, month: 1) == 0)  // lots of early Jan arrive in March
  #expect(result.value(.legalImportUnits, month: 3) > 0)
}

@Test("seizure probability 1 lets nothing through; 0 seizes nothing")
func seizures() throws {
  func run(_ p: Double) throws -> ReplicationResult {
    let channel = GrayChannel(name: "hub", sku: "H100", monthlyUnits: constant(1_000), lotsPerMonth: 5, seizureProbability: constant(p))
    return try tiny(gray: [channel]).runReplication(seed: 9, replication: 0)
  }
  let all = try run(1), none = try run(0)
  #expect((0..<12).allSatisfy { all.value(.grayArrivedUnits, month: $0) == 0 })
  #expect((0..<12).reduce(0) { $0 + all.value(.graySeizedUnits, month: $1) } > 0)
  #expect((0..<12).allSatisfy { none.value(.graySeizedUnits, month: $0) == 0 })
  #expect(none.cumulativeGrayUnits > 0)
}

@Test("for the same seed, a higher seizure probability never raises gray arrivals")
func seizureMonotone() throws {
  for seed in UInt64(1)...30 {
    var previous = Int.max
    for p in [0.0, 0.1, 0.3, 0.6, 0.9] {
      let channel = GrayChannel(name: "hub", sku: "H100", monthlyUnits: try .lognormal(median: 800, sigma: 0.5), lotsPerMonth: 4, seizureProbability: constant(p))
      let arrived = try tiny(gray: [channel]).runReplication(seed: seed, replication: 2).cumulativeGrayUnits
      #expect(arrived <= previous, "seed \(seed), p \(p)")
      previous = arrived
    }
  }
}

@Test("domestic packages are bound by HBM stacks when dies are plentiful")
func hbmBindsDomesticOutput() throws {
  let line = DomesticLine(
    sku: "Ascend910C", waferStartsPerMonth: constant(20_000), aiShare: constant(0.5),
    initialYield: constant(0.3), maximumYield: constant(0.6), yieldRatePerMonth: constant(0.2),
    cycleTimeDays: constant(90), hbmStacks: constant(800_000), dieBank: constant(2_000_000),
    packagingCapacityPerMonth: constant(1_000_000))
  let result = try tiny(domestic: line).runReplication(seed: 4, replication: 0)
  #expect(result.cumulativeDomesticPackages == 100_000)  // 800,000 stacks / 8 per 910C
  #expect(result.value(.hbmStacksRemaining, month: 11) == 0)
  #expect(result.value(.dieBankRemaining, month: 0) == 1_800_000)
  #expect(abs(result.value(.domesticYield, month: 0) - 0.3) < 1e-12)
}

@Test("conservation holds and outcomes are identical for the same seed, over many seeds")
func conservationAndDeterminism() throws {
  let rule = PolicyEvent(date: ISODate.parse("2025-06-01")!, change: .chinaImportBan(sku: "H20", banned: true), note: "CAC")
  let scenario = SupplyScenario(
    start: ISODate.parse("2025-01-01")!, months: 24, policies: PolicyTimeline.historical + [rule],
    stockpile: [StockpileEntry(sku: "H100", installed: try .lognormal(median: 100_000, sigma: 0.4), inventory: try .lognormal(median: 50_000, sigma: 0.5))],
    demandH100ePerMonth: try .lognormal(median: 20_000, sigma: 0.3), demandGrowthPerYear: try .uniform(lower: 1.2, upper: 1.8),
    legalImports: [ImportChannel(sku: "H20", monthlyUnits: try .lognormal(median: 100_000, sigma: 0.3), lotsPerMonth: 6)],
    grayMarket: [GrayChannel(name: "hub", sku: "B200", monthlyUnits: try .lognormal(median: 5_000, sigma: 0.8), lotsPerMonth: 3, seizureProbability: try .beta(alpha: 2, beta: 18))],
    domestic: DomesticLine(
      sku: "Ascend910C", waferStartsPerMonth: try .triangular(lower: 15_000, mode: 30_000, upper: 50_000), aiShare: try .beta(alpha: 4, beta: 6),
      initialYield: constant(0.2), maximumYield: try .uniform(lower: 0.55, upper: 0.75), yieldRatePerMonth: try .uniform(lower: 0.15, upper: 0.25),
      cycleTimeDays: try .uniform(lower: 75, upper: 105), hbmStacks: try .triangular(lower: 10e6, mode: 13e6, upper: 14e6),
      dieBank: try .triangular(lower: 2e6, mode: 2.9e6, upper: 3e6), packagingCapacityPerMonth: constant(70_000)),
    failureRatePerYear: try .gamma(mean: 0.04, standardDeviation: 0.02))
  for replication in 0..<40 {
    let first = try scenario.runReplication(seed: 2025, replication: replication)
    let again = try scenario.runReplication(seed: 2025, replication: replication)
    #expect(first == again)
    #expect(first.values.count == 24)
  }
  #expect(try scenario.runReplication(seed: 2025, replication: 0) != scenario.runReplication(seed: 2025, replication: 1))
}

@Test("a SKU the catalog lacks is refused with its path")
func unknownSKU() {
  let scenario = tiny(legal: [ImportChannel(sku: "H2O", monthlyUnits: constant(1), lotsPerMonth: 1)])
  #expect {
    _ = try scenario.runReplication(seed: 1, replication: 0)
  } throws: { error in
    "\(error)".hasPrefix("at $.legalImports[0].sku: expected a SKU of the catalog (A100, A800,") && "\(error)".hasSuffix("found \"H2O\"")
  }
}
