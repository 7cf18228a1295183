import Foundation
import PolicyModel
import Stochastic
import Testing

private func constant(_ value: Double) -> Distribution { .fixed(value) }
private func day(_ text: String) -> Date { ISODate.parse(text)! }

/// A small deterministic scenario from 2025-01-01: everything constant, nothing by default;
/// demand is all training unless `trainingShare` says otherwise.
func tiny(
  months: Int = 12, installed: Double = 0, inventory: Double = 0, ageYears: Double = 0,
  demand: Double = 0, trainingShare: Double = 1, overflow: Double = 0.8,
  policies: [PolicyEvent] = [], legal: [ImportChannel] = [], gray: [GrayChannel] = [],
  domestic: DomesticLine? = nil, fleet: FleetParameters = FleetParameters()
) -> SupplyScenario {
  SupplyScenario(
    start: day("2025-01-01"), months: months, policies: policies,
    stockpile: [StockpileEntry(sku: "H100", installed: constant(installed), inventory: constant(inventory), ageYears: constant(ageYears))],
    demand: Demand(h100ePerMonth: constant(demand), trainingShare: constant(trainingShare), overflowEfficiency: constant(overflow)),
    legalImports: legal, grayMarket: gray, domestic: domestic, fleet: fleet)
}

/// A die-bank-only 910C line: 100 banked dies and 800 stacks make 50 packages in January.
private func bankLine(efficiency: SoftwareEfficiency = SoftwareEfficiency()) -> DomesticLine {
  DomesticLine(
    products: [(day("2025-01-01"), "Ascend910C")], waferStartsPerMonth: constant(0), aiShare: constant(1),
    initialYield: constant(0.5), maximumYield: constant(0.5), yieldRatePerMonth: constant(0),
    cycleTimeDays: constant(0), hbmStacks: constant(800), dieBank: constant(100),
    packagingCapacityPerMonth: constant(1_000), softwareEfficiency: efficiency)
}

private func total(_ result: ReplicationResult, _ outcome: Outcome) -> Double {
  result.values.indices.reduce(0) { $0 + result.value(outcome, month: $1) }
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

@Test("Nvidia chips train first and overflow to inference at the overflow efficiency")
func trainingInferenceSplit() throws {
  // 400 H100e a month, half training: 200 H100 train, 400 H100 at 0.5 serve 200 H100e of inference.
  let result = try tiny(inventory: 1_000, demand: 400, trainingShare: 0.5, overflow: 0.5).runReplication(seed: 1, replication: 0)
  #expect(result.value(.trainingCapacityH100e, month: 0) == 200)
  #expect(result.value(.inferenceCapacityH100e, month: 0) == 200)
  #expect(result.value(.capacityH100e, month: 0) == 400)
  #expect(abs(result.value(.capacityPflopsFP16, month: 0) - 600 * 0.989) < 1e-9)
  // February: 400 left: 200 train, 200 infer at 0.5 (100 H100e); 100 H100e of inference unmet.
  #expect(result.value(.inferenceCapacityH100e, month: 1) == 300)
  #expect(result.value(.unmetDemandH100e, month: 1) == 100)
  #expect(result.stockpileDepletedDay == 59)
}

@Test("domestic chips infer first at their inference efficiency; overflow training efficiency ramps by date")
func domesticSoftwareEfficiency() throws {
  let efficiency = SoftwareEfficiency(
    trainingStart: constant(0.2), trainingEnd: constant(0.8), from: day("2025-01-01"), to: day("2025-12-31"),
    inference: constant(0.5))
  let h100e910C = 780.0 / 989
  let inference = try tiny(demand: 1_000, trainingShare: 0, domestic: bankLine(efficiency: efficiency)).runReplication(seed: 1, replication: 0)
  #expect(result(inference, .inferenceCapacityH100e, month: 0, equals: 50 * h100e910C * 0.5))
  let training = try tiny(demand: 1_000, trainingShare: 1, overflow: 0.8, domestic: bankLine(efficiency: efficiency)).runReplication(seed: 1, replication: 0)
  // Recorded at the end of June (day 181 of a 364-day ramp).
  #expect(result(training, .trainingCapacityH100e, month: 5, equals: 50 * h100e910C * 0.8 * (0.2 + 0.6 * 181 / 364)))
  #expect(result(training, .capacityH100eDomestic, month: 11, equals: 50 * h100e910C * 0.8 * 0.8))
}

private func result(_ result: ReplicationResult, _ outcome: Outcome, month: Int, equals expected: Double) -> Bool {
  abs(result.value(outcome, month: month) - expected) < 1e-9 * max(1, expected)
}

@Test("installed chips retire at the end of their lifetime, less their age")
func retirement() throws {
  let fleet = FleetParameters(meanLifetimeYears: constant(5), lifetimeSDYears: 0)
  let result = try tiny(months: 24, installed: 1_000, ageYears: 4, fleet: fleet).runReplication(seed: 1, replication: 0)
  // 5 − 4 years = day 365.25, in January 2026 (month 12).
  #expect(result.value(.capacityH100e, month: 11) == 1_000)
  #expect(result.value(.retiredUnits, month: 12) == 1_000)
  #expect(result.value(.capacityH100e, month: 12) == 0)
  #expect(total(result, .retiredUnits) == 1_000)
}

@Test("monthly failures follow the annual hazard: 1e6 units at 12%/yr lose 1 − e^−0.12 in a year")
func failureHazard() throws {
  let fleet = FleetParameters(failureRatePerYear: constant(0.12))
  let result = try tiny(installed: 1_000_000, fleet: fleet).runReplication(seed: 5, replication: 0)
  let expected = 1e6 * (1 - exp(-0.12)), sd = (expected * exp(-0.12)).squareRoot()
  #expect(abs(total(result, .failedUnits) - expected) < 5 * sd)
}

@Test("gray-market units fail faster by the smuggled hazard multiplier")
func smuggledHazard() throws {
  func failures(_ multiplier: Double) throws -> Double {
    let channel = GrayChannel(name: "hub", sku: "H100", monthlyUnits: constant(100_000), lotsPerMonth: 50, seizureProbability: constant(0))
    let fleet = FleetParameters(failureRatePerYear: constant(0.1), smuggledHazardMultiplier: constant(multiplier))
    return total(try tiny(demand: 1e9, gray: [channel], fleet: fleet).runReplication(seed: 8, replication: 0), .failedUnits)
  }
  let ratio = try failures(3) / failures(1)
  #expect(ratio > 2.7 && ratio < 3.1, "ratio \(ratio)")
}

@Test("a Tier 2 cap bounds a route through Tier 2 hubs while in force")
func tier2CapBoundsTransshipment() throws {
  // Two hubs × 12,000 H100e a year = 2,000 H100e a month = 8 lots of 100 B200 (227.5 H100e each).
  let policies = [
    PolicyEvent(date: day("2025-04-01"), change: .tier2Cap(h100ePerYear: 12_000), note: "caps"),
    PolicyEvent(date: day("2025-09-01"), change: .tier2Cap(h100ePerYear: nil), note: "rescinded"),
  ]
  let channel = GrayChannel(name: "hubs", mix: [("B200", 1)], monthlyUnits: constant(2_000), lotsPerMonth: 20, lotSizeSigma: 0, seizureProbability: constant(0), tier2Hubs: 2)
  for seed in UInt64(1)...10 {
    let result = try tiny(policies: policies, gray: [channel]).runReplication(seed: seed, replication: 0)
    let monthly = (0..<12).map { result.value(.grayArrivedUnits, month: $0) }
    #expect(monthly[3..<8].allSatisfy { $0 <= 800 }, "seed \(seed): \(monthly)")
    #expect(monthly[0..<3].reduce(0, +) > 3 * 800 && monthly[8...].reduce(0, +) > 4 * 800, "seed \(seed): \(monthly)")
  }
}

@Test("an enforcement multiplier of 0 stops gray lots from its date")
func enforcementStopsSmuggling() throws {
  let crackdown = PolicyEvent(date: day("2025-06-01"), change: .enforcement(grayMarketMultiplier: constant(0)), note: "crackdown")
  let channel = GrayChannel(name: "hub", sku: "H100", monthlyUnits: constant(1_000), lotsPerMonth: 5, seizureProbability: constant(0.2))
  let result = try tiny(policies: [crackdown], gray: [channel]).runReplication(seed: 2, replication: 0)
  #expect((0..<5).reduce(0) { $0 + result.value(.grayArrivedUnits, month: $1) } > 0)
  #expect((5..<12).allSatisfy { result.value(.grayArrivedUnits, month: $0) + result.value(.graySeizedUnits, month: $0) == 0 })
}

@Test("a licence requirement with no approvals stops H20 shipments on its date")
func banStopsShipments() throws {
  let rule = PolicyEvent(
    date: day("2025-04-09"),
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

@Test("licences approved with probability 1 deliver after the review delay; a ban landing meanwhile cancels them")
func licenceApprovalAndCancellation() throws {
  let licence = PolicyEvent(
    date: day("2025-01-01"),
    change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 1, delayDays: 62)),
    note: "licence")
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(10_000), lotsPerMonth: 8, until: day("2025-01-31"))
  let approved = try tiny(policies: [licence], legal: [channel]).runReplication(seed: 3, replication: 0)
  #expect(approved.value(.legalImportUnits, month: 0) == 0)
  #expect(approved.value(.legalImportUnits, month: 1) == 0)  // lots of early January arrive in March
  #expect(total(approved, .legalImportUnits) > 0)
  let ban = PolicyEvent(date: day("2025-02-15"), change: .chinaImportBan(sku: "H20", banned: true), note: "CAC")
  let cancelled = try tiny(policies: [licence, ban], legal: [channel]).runReplication(seed: 3, replication: 0)
  #expect(total(cancelled, .legalImportUnits) == 0)  // every decision falls after Feb 15
}

@Test("for the same seed, a tighter policy never raises legal imports")
func tighterPolicyMonotone() throws {
  func imports(_ status: SKUStatus, from date: String, seed: UInt64) throws -> Double {
    let rule = PolicyEvent(date: day(date), change: .skuRule(sku: "H20", status: status), note: "rule")
    let channel = ImportChannel(sku: "H20", monthlyUnits: try .lognormal(median: 50_000, sigma: 0.4), lotsPerMonth: 6)
    return total(try tiny(policies: [rule], legal: [channel]).runReplication(seed: seed, replication: 1), .legalImportUnits)
  }
  let loosestToTightest: [(SKUStatus, String)] = [
    (.allowed, "2025-01-01"),
    (.licenceRequired(approvalProbability: 0.8, delayDays: 30), "2025-06-01"),
    (.licenceRequired(approvalProbability: 0.8, delayDays: 30), "2025-03-01"),
    (.licenceRequired(approvalProbability: 0.3, delayDays: 30), "2025-03-01"),
    (.licenceRequired(approvalProbability: 0.3, delayDays: 90), "2025-03-01"),
    (.banned, "2025-03-01"),
    (.banned, "2025-01-01"),
  ]
  for seed in UInt64(1)...25 {
    let totals = try loosestToTightest.map { try imports($0.0, from: $0.1, seed: seed) }
    #expect(zip(totals, totals.dropFirst()).allSatisfy { $0 >= $1 }, "seed \(seed): \(totals)")
    #expect(totals.last == 0)
  }
}

@Test("seizure probability 1 lets nothing through; 0 seizes nothing")
func seizures() throws {
  func run(_ p: Double) throws -> ReplicationResult {
    let channel = GrayChannel(name: "hub", sku: "H100", monthlyUnits: constant(1_000), lotsPerMonth: 5, seizureProbability: constant(p))
    return try tiny(gray: [channel]).runReplication(seed: 9, replication: 0)
  }
  let all = try run(1), none = try run(0)
  #expect(total(all, .grayArrivedUnits) == 0 && total(all, .graySeizedUnits) > 0)
  #expect(total(none, .graySeizedUnits) == 0 && none.cumulativeGrayUnits > 0)
  #expect(total(all, .graySeizedUnits) == Double(none.cumulativeGrayUnits))  // the same lots
}

@Test("for the same seed, a higher seizure probability never raises gray arrivals")
func seizureMonotone() throws {
  for seed in UInt64(1)...30 {
    var previous = Int.max
    for p in [0.0, 0.1, 0.3, 0.6, 0.9] {
      let channel = GrayChannel(name: "hub", mix: [("H100", 1), ("B200", 2)], monthlyUnits: try .lognormal(median: 800, sigma: 0.5), lotsPerMonth: 4, seizureProbability: constant(p))
      let arrived = try tiny(gray: [channel]).runReplication(seed: seed, replication: 2).cumulativeGrayUnits
      #expect(arrived <= previous, "seed \(seed), p \(p)")
      previous = arrived
    }
  }
}

@Test("the product made switches on its date: 800 good 910B dies make 800 packages, then 400 910C")
func productMixByDate() throws {
  let line = DomesticLine(
    products: [(day("2025-01-01"), "Ascend910B"), (day("2025-07-01"), "Ascend910C")],
    waferStartsPerMonth: constant(10), aiShare: constant(1), initialYield: constant(1), maximumYield: constant(1),
    yieldRatePerMonth: constant(0), cycleTimeDays: constant(0), hbmStacks: constant(1e7), dieBank: constant(0),
    packagingCapacityPerMonth: constant(1e6))
  let result = try tiny(domestic: line).runReplication(seed: 1, replication: 0)
  #expect((0..<12).allSatisfy { result.value(.domesticWaferStarts, month: $0) == 10 && result.value(.domesticGoodDies, month: $0) == 800 })
  #expect((0..<6).allSatisfy { result.value(.domesticPackages, month: $0) == 800 })
  #expect((6..<12).allSatisfy { result.value(.domesticPackages, month: $0) == 400 })
  #expect(result.value(.hbmStacksRemaining, month: 11) == 1e7 - 12 * 3_200)
}

@Test("domestic packages are bound by HBM stacks when dies are plentiful")
func hbmBindsDomesticOutput() throws {
  let line = DomesticLine(
    products: [(day("2025-01-01"), "Ascend910C")], waferStartsPerMonth: constant(20_000), aiShare: constant(0.5),
    initialYield: constant(0.3), maximumYield: constant(0.6), yieldRatePerMonth: constant(0.2),
    cycleTimeDays: constant(90), hbmStacks: constant(800_000), dieBank: constant(2_000_000),
    packagingCapacityPerMonth: constant(1_000_000))
  let result = try tiny(domestic: line).runReplication(seed: 4, replication: 0)
  #expect(result.cumulativeDomesticPackages == 100_000)  // 800,000 stacks / 8 per 910C
  #expect(result.value(.hbmStacksRemaining, month: 11) == 0)
  #expect(result.value(.dieBankRemaining, month: 0) == 1_800_000)
  #expect(abs(result.value(.domesticYield, month: 0) - 0.3) < 1e-12)
}

@Test("a domestic HBM ramp adds stacks from its start, rising linearly over the ramp months")
func hbmRamp() throws {
  var line = bankLine()
  line.hbmStacks = constant(0)
  line.hbmRamp = HBMRamp(earliest: day("2025-03-01"), delayMonths: constant(0), rampMonths: 2, stacksPerMonth: constant(800))
  line.dieBank = constant(0)
  let result = try tiny(domestic: line).runReplication(seed: 1, replication: 0)
  #expect((0..<5).map { result.value(.hbmStacksRemaining, month: $0) } == [0, 0, 400, 1_200, 2_000])
}

@Test("conservation holds and outcomes are identical for the same seed, over many seeds")
func conservationAndDeterminism() throws {
  let rules = [
    PolicyEvent(date: day("2025-06-01"), change: .chinaImportBan(sku: "H20", banned: true), note: "CAC"),
    PolicyEvent(date: day("2025-03-01"), change: .tier2Cap(h100ePerYear: 20_000), note: "caps"),
    PolicyEvent(date: day("2025-09-01"), change: .enforcement(grayMarketMultiplier: try .uniform(lower: 0.5, upper: 0.8)), note: "crackdown"),
  ]
  let scenario = SupplyScenario(
    start: day("2025-01-01"), months: 36, policies: PolicyTimeline.historical + rules,
    stockpile: [StockpileEntry(sku: "H100", installed: try .lognormal(median: 100_000, sigma: 0.4), inventory: try .lognormal(median: 50_000, sigma: 0.5), ageYears: try .uniform(lower: 0, upper: 5))],
    demand: Demand(h100ePerMonth: try .lognormal(median: 20_000, sigma: 0.3), growthPerYear: try .uniform(lower: 1.2, upper: 1.8), trainingShare: try .beta(alpha: 5, beta: 5)),
    legalImports: [ImportChannel(sku: "H20", monthlyUnits: try .lognormal(median: 100_000, sigma: 0.3), lotsPerMonth: 6)],
    grayMarket: [GrayChannel(name: "hub", mix: [("B200", 2), ("H100", 1)], monthlyUnits: try .lognormal(median: 5_000, sigma: 0.8), lotsPerMonth: 3, seizureProbability: try .beta(alpha: 2, beta: 18), tier2Hubs: 2)],
    domestic: DomesticLine(
      products: [(day("2025-01-01"), "Ascend910C"), (day("2026-01-01"), "Ascend950PR")],
      waferStartsPerMonth: try .triangular(lower: 15_000, mode: 30_000, upper: 50_000), aiShare: try .beta(alpha: 4, beta: 6),
      initialYield: constant(0.2), maximumYield: try .uniform(lower: 0.55, upper: 0.75), yieldRatePerMonth: try .uniform(lower: 0.15, upper: 0.25),
      cycleTimeDays: try .uniform(lower: 75, upper: 105), hbmStacks: try .triangular(lower: 10e6, mode: 13e6, upper: 14e6),
      dieBank: try .triangular(lower: 2e6, mode: 2.9e6, upper: 3e6), dieBankSKUs: ["Ascend910B", "Ascend910C"],
      packagingCapacityPerMonth: constant(70_000),
      hbmRamp: HBMRamp(earliest: day("2026-01-01"), delayMonths: try .exponential(mean: 6), rampMonths: 6, stacksPerMonth: constant(100_000))),
    fleet: FleetParameters(
      failureRatePerYear: try .gamma(mean: 0.04, standardDeviation: 0.02), smuggledHazardMultiplier: constant(1.4),
      meanLifetimeYears: try .uniform(lower: 2, upper: 4)))
  for replication in 0..<40 {
    let first = try scenario.runReplication(seed: 2025, replication: replication)  // throws if the books do not balance
    let again = try scenario.runReplication(seed: 2025, replication: replication)
    #expect(first == again)
    #expect(first.values.count == 36)
    #expect(total(first, .retiredUnits) > 0)
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

@Test("a lot waiting for a licence goes through when a rule frees the SKU meanwhile")
func licenceOvertakenByAllowance() throws {
  let licence = PolicyEvent(date: day("2025-01-01"), change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 0, delayDays: 60)), note: "licence")
  let freed = PolicyEvent(date: day("2025-02-01"), change: .skuRule(sku: "H20", status: .allowed), note: "allowed")
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(10_000), lotsPerMonth: 8, until: day("2025-01-31"))
  #expect(total(try tiny(policies: [licence], legal: [channel]).runReplication(seed: 3, replication: 0), .legalImportUnits) == 0)
  #expect(total(try tiny(policies: [licence, freed], legal: [channel]).runReplication(seed: 3, replication: 0), .legalImportUnits) > 0)
}

@Test("an import window includes the whole of its last day")
func importWindowInclusive() throws {
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(31_000), lotsPerMonth: 310, lotSizeSigma: 0, from: day("2025-03-10"), until: day("2025-03-10"))
  let result = try tiny(legal: [channel]).runReplication(seed: 6, replication: 0)
  let march = result.value(.legalImportUnits, month: 2)
  #expect(march > 0 && march < 31_000 / 31 * 3)  // about one day's share of the month
  #expect(total(result, .legalImportUnits) == march)
}

@Test("rules dated before the start apply in date order, whatever the list order")
func earlyRulesInDateOrder() throws {
  let rules = [
    PolicyEvent(date: day("2023-10-17"), change: .classification(.october2023), note: "Oct 2023"),
    PolicyEvent(date: day("2022-10-07"), change: .classification(.october2022), note: "Oct 2022"),
    PolicyEvent(date: day("2022-10-07"), change: .destinationTier(.tier3), note: "Tier 3"),
  ]
  let channel = ImportChannel(sku: "A800", monthlyUnits: constant(1_000), lotsPerMonth: 4)
  #expect(total(try tiny(policies: rules, legal: [channel]).runReplication(seed: 1, replication: 0), .legalImportUnits) == 0)
}

@Test("packaging capacity grows by its yearly factor: 100 a month doubling yearly packs 100, 141, 200")
func packagingCapacityGrows() throws {
  var line = bankLine()
  line.dieBank = constant(1e6)
  line.hbmStacks = constant(1e8)
  line.packagingCapacityPerMonth = constant(100)
  line.packagingCapacityGrowthPerYear = constant(2)
  let result = try tiny(months: 13, domestic: line).runReplication(seed: 1, replication: 0)
  #expect(result.value(.domesticPackages, month: 0) == 100)
  #expect(result.value(.domesticPackages, month: 6) == 141)  // 100 · 2^(6/12) = 141.4
  #expect(result.value(.domesticPackages, month: 12) == 200)
}
