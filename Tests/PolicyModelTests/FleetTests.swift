import Foundation
import PolicyModel
import Stochastic
import Testing

@Test("deployment stops at the demand target; the imported inventory runs out with demand unmet at the end of April (day 120)")
func depletionDay() throws {
  // 1,000 H100 in inventory against 300 paper H100e a month.
  let result = try tiny(inventory: 1_000, demand: flatDemand(300)).runReplication(seed: 1, replication: 0)
  #expect(result.value(.inventoryUnits, month: 2) == 100)
  #expect(result.value(.deployedH100e, month: 3) == 100)
  #expect(result.value(.unmetDemandH100e, month: 3) == 200)
  #expect(result.value(.unmetDemandH100e, month: 4) == 500)
  #expect(result.stockpileDepletedDay == 120)
  #expect(result.value(.capacityStockpile, month: 11) == 1_000)
}

@Test("a retiring cohort creates replacement demand, filled from inventory")
func retirementCreatesReplacementDemand() throws {
  let fleet = FleetParameters(meanLifetimeYears: constant(5), lifetimeSDYears: 0)
  let result = try tiny(months: 24, installed: 1_000, inventory: 600, ageYears: 4, demand: flatDemand(0), fleet: fleet)
    .runReplication(seed: 1, replication: 0)
  // 5 − 4 years = day 365.25, in January 2026 (month 12): 1,000 retire and the 600 held step in.
  #expect(result.value(.paperH100e, month: 11) == 1_000)
  #expect(result.value(.inventoryUnits, month: 11) == 600)
  #expect(result.value(.retiredUnits, month: 12) == 1_000)
  #expect(result.value(.paperH100e, month: 12) == 600)
  #expect(result.value(.unmetDemandH100e, month: 12) == 400)
  #expect(result.total(.retiredUnits) == 1_000)
}

@Test("imported chips enter service after the integration lag, whole months after their arrival month")
func integrationLag() throws {
  let channel = ImportChannel(sku: "H100", monthlyUnits: constant(1_000), lotsPerMonth: 4, lotSizeSigma: 0, window: DateWindow(until: day("2025-01-31")))
  let result = try tiny(demand: flatDemand(1e12, lagMonths: 2), legal: [channel]).runReplication(seed: 2, replication: 0)
  // Ready 2 × 30.4375 days after Jan 31 (day 91.9): not by Mar 31 (day 90), by Apr 30.
  let january = result.value(.acquiredUnitsLegal, month: 0)
  #expect(january > 0)
  #expect((0..<3).allSatisfy { result.value(.capacityLegal, month: $0) == 0 && result.value(.inventoryUnits, month: $0) == january })
  #expect(result.value(.capacityLegal, month: 3) == january)
}

@Test("failures follow each cohort's hazard deterministically: 1e6 units at 12%/yr keep ⌊1e6·e^−0.12⌋ after a year")
func failureHazard() throws {
  let fleet = FleetParameters(failureRatePerYear: constant(0.12))
  let result = try tiny(installed: 1_000_000, fleet: fleet).runReplication(seed: 5, replication: 0)
  #expect(result.value(.paperStockpile, month: 11) == (1e6 * exp(-0.12)).rounded(.down))
  #expect(result.total(.failedUnits) == 1e6 - (1e6 * exp(-0.12)).rounded(.down))
}

@Test("a larger cohort never has fewer survivors, and cohorts of the same key share their draws")
func cohortSurvivalMonotone() throws {
  let fleet = FleetParameters(
    failureRatePerYear: drawn(try .gamma(mean: 0.1, standardDeviation: 0.05), "rate"), cohortHazardSpread: 0.8,
    meanLifetimeYears: drawn(try .uniform(lower: 1, upper: 3), "life"))
  for seed in UInt64(1)...30 {
    let small = try tiny(months: 48, installed: 1_000, fleet: fleet).runReplication(seed: seed, replication: 0)
    let large = try tiny(months: 48, installed: 1_700, fleet: fleet).runReplication(seed: seed, replication: 0)
    #expect((0..<48).allSatisfy { small.value(.paperH100e, month: $0) <= large.value(.paperH100e, month: $0) }, "seed \(seed)")
    let retiredSmall = small.values.firstIndex { $0[Outcome.retiredUnits.column] > 0 }
    let retiredLarge = large.values.firstIndex { $0[Outcome.retiredUnits.column] > 0 }
    #expect(retiredSmall == retiredLarge, "seed \(seed): same cohort key, same lifetime")
  }
}

@Test("gray-market units fail faster by the gray hazard multiplier")
func grayHazard() throws {
  func failures(_ multiplier: Double) throws -> Double {
    let channel = GrayChannel(name: "hub", mix: [("H100", 1)], monthlyUnits: constant(100_000), lotsPerMonth: 50, seizureProbability: constant(0))
    let fleet = FleetParameters(failureRatePerYear: constant(0.1), grayHazardMultiplier: constant(multiplier))
    return try tiny(gray: [channel], fleet: fleet).runReplication(seed: 8, replication: 0).total(.failedUnits)
  }
  let ratio = try failures(3) / failures(1)
  #expect(ratio > 2.7 && ratio < 3.05, "ratio \(ratio)")
}

@Test("used gray lots arrive with their age and retire that much sooner")
func usedLotsRetireSooner() throws {
  func run(usedShare: Double) throws -> ReplicationResult {
    let channel = GrayChannel(
      name: "hub", mix: [("H100", 1)], monthlyUnits: constant(1_000), lotsPerMonth: 3, seizureProbability: constant(0),
      window: DateWindow(until: day("2025-01-31")), usedShare: constant(usedShare), usedAgeYears: constant(4))
    let fleet = FleetParameters(meanLifetimeYears: constant(5), lifetimeSDYears: 0)
    return try tiny(months: 24, gray: [channel], fleet: fleet).runReplication(seed: 3, replication: 0)
  }
  let used = try run(usedShare: 1), new = try run(usedShare: 0)
  #expect(used.total(.retiredUnits) == used.total(.acquiredUnitsGray) && used.total(.retiredUnits) > 0)
  #expect(new.total(.retiredUnits) == 0)
}

@Test("effective capacity applies role shares and per-SKU efficiencies: H20 inference at 3x paper, half in training")
func roleEfficiencies() throws {
  let utilisation = Utilisation(
    importedTrainingShare: constant(0.5), skuEfficiency: [SKUEfficiency(sku: "H20", training: constant(1), inference: constant(3))])
  let result = try tiny(sku: "H20", installed: 1_000, utilisation: utilisation).runReplication(seed: 1, replication: 0)
  let paper = 1_000 * 148 / 989.0
  #expect(abs(result.value(.paperH100e, month: 0) - paper) < 1e-9)
  #expect(abs(result.value(.trainingCapacityH100e, month: 0) - paper * 0.5) < 1e-9)
  #expect(abs(result.value(.inferenceCapacityH100e, month: 0) - paper * 1.5) < 1e-9)
  #expect(abs(result.value(.paper8Bit, month: 0) - 1_000 * 296 / 1_979.0) < 1e-9)
}
