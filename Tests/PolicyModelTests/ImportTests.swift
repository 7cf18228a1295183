import Foundation
import PolicyModel
import Stochastic
import Testing

@Test("a licence requirement with no approvals stops H20 shipments on its date")
func banStopsShipments() throws {
  let rule = PolicyEvent(
    date: day("2025-04-09"), change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 0, delayDays: 30)), note: "H20 licence")
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(10_000), lotsPerMonth: 8)
  for seed in UInt64(1)...20 {
    let result = try tiny(policies: [rule], legal: [channel]).runReplication(seed: seed, replication: 0)
    let monthly = (0..<12).map { result.value(.acquiredUnitsLegal, month: $0) }
    #expect(monthly[0] > 0 && monthly[1] > 0 && monthly[2] > 0, "seed \(seed)")
    #expect(monthly[4...].allSatisfy { $0 == 0 }, "seed \(seed)")
    #expect(result.total(.legalCancelledUnits) > 0)
  }
}

@Test("licences approved with probability 1 deliver after the review delay; a ban landing meanwhile cancels them")
func licenceApprovalAndCancellation() throws {
  let licence = PolicyEvent(
    date: day("2025-01-01"), change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 1, delayDays: 62)), note: "licence")
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(10_000), lotsPerMonth: 8, window: DateWindow(until: day("2025-01-31")))
  let approved = try tiny(policies: [licence], legal: [channel]).runReplication(seed: 3, replication: 0)
  #expect(approved.value(.acquiredUnitsLegal, month: 0) == 0)
  #expect(approved.value(.acquiredUnitsLegal, month: 1) == 0)  // lots of early January arrive in March
  #expect(approved.total(.acquiredUnitsLegal) > 0)
  let ban = PolicyEvent(date: day("2025-02-15"), change: .chinaImportBan(sku: "H20", banned: true), note: "CAC")
  let cancelled = try tiny(policies: [licence, ban], legal: [channel]).runReplication(seed: 3, replication: 0)
  #expect(cancelled.total(.acquiredUnitsLegal) == 0)  // every decision falls after Feb 15
  #expect(cancelled.total(.legalCancelledUnits) == approved.total(.acquiredUnitsLegal))  // the same lots
}

@Test("a lot waiting for a licence goes through when a rule frees the SKU meanwhile")
func licenceOvertakenByAllowance() throws {
  let licence = PolicyEvent(date: day("2025-01-01"), change: .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 0, delayDays: 60)), note: "licence")
  let freed = PolicyEvent(date: day("2025-02-01"), change: .skuRule(sku: "H20", status: .allowed), note: "allowed")
  let channel = ImportChannel(sku: "H20", monthlyUnits: constant(10_000), lotsPerMonth: 8, window: DateWindow(until: day("2025-01-31")))
  #expect(try tiny(policies: [licence], legal: [channel]).runReplication(seed: 3, replication: 0).total(.acquiredUnitsLegal) == 0)
  #expect(try tiny(policies: [licence, freed], legal: [channel]).runReplication(seed: 3, replication: 0).total(.acquiredUnitsLegal) > 0)
}

@Test("for the same seed, a tighter policy never raises legal imports")
func tighterPolicyMonotone() throws {
  func imports(_ status: SKUStatus, from date: String, seed: UInt64) throws -> Double {
    let rule = PolicyEvent(date: day(date), change: .skuRule(sku: "H20", status: status), note: "rule")
    let channel = ImportChannel(sku: "H20", monthlyUnits: drawn(try .lognormal(median: 50_000, sigma: 0.4), "units"), lotsPerMonth: 6)
    return try tiny(policies: [rule], legal: [channel]).runReplication(seed: seed, replication: 1).total(.acquiredUnitsLegal)
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

@Test("an import window includes the whole of its last day")
func importWindowInclusive() throws {
  let channel = ImportChannel(
    sku: "H20", monthlyUnits: constant(31_000), lotsPerMonth: 310, lotSizeSigma: 0, window: DateWindow(from: day("2025-03-10"), until: day("2025-03-10")))
  let result = try tiny(legal: [channel]).runReplication(seed: 6, replication: 0)
  let march = result.value(.acquiredUnitsLegal, month: 2)
  #expect(march > 0 && march < 31_000 / 31 * 3)  // about one day's share of the month
  #expect(result.total(.acquiredUnitsLegal) == march)
}

@Test("rules dated before the start apply in date order, whatever the list order")
func earlyRulesInDateOrder() throws {
  let rules = [
    PolicyEvent(date: day("2023-10-17"), change: .classification(.october2023), note: "Oct 2023"),
    PolicyEvent(date: day("2022-10-07"), change: .classification(.october2022), note: "Oct 2022"),
    PolicyEvent(date: day("2022-10-07"), change: .destinationTier(.tier3), note: "Tier 3"),
  ]
  let channel = ImportChannel(sku: "A800", monthlyUnits: constant(1_000), lotsPerMonth: 4)
  #expect(try tiny(policies: rules, legal: [channel]).runReplication(seed: 1, replication: 0).total(.acquiredUnitsLegal) == 0)
}

@Test("seizure probability 1 lets nothing through; 0 seizes nothing; both see the same lots")
func seizures() throws {
  func run(_ p: Double) throws -> ReplicationResult {
    let channel = GrayChannel(name: "hub", mix: [("H100", 1)], monthlyUnits: constant(1_000), lotsPerMonth: 5, seizureProbability: constant(p))
    return try tiny(gray: [channel]).runReplication(seed: 9, replication: 0)
  }
  let all = try run(1), none = try run(0)
  #expect(all.total(.acquiredUnitsGray) == 0 && all.total(.graySeizedUnits) > 0)
  #expect(none.total(.graySeizedUnits) == 0 && none.cumulativeGrayUnits > 0)
  #expect(all.total(.graySeizedUnits) == Double(none.cumulativeGrayUnits))
}

@Test("for the same seed, a higher seizure probability or a lower enforcement multiplier never raises gray arrivals")
func grayMonotone() throws {
  for seed in UInt64(1)...30 {
    var previous = Int.max
    for p in [0.0, 0.1, 0.3, 0.6, 0.9] {
      let channel = GrayChannel(
        name: "hub", mix: [("H100", 1), ("B200", 2)], monthlyUnits: drawn(try .lognormal(median: 800, sigma: 0.5), "units"),
        lotsPerMonth: 4, seizureProbability: constant(p))
      let arrived = try tiny(gray: [channel]).runReplication(seed: seed, replication: 2).cumulativeGrayUnits
      #expect(arrived <= previous, "seed \(seed), p \(p)")
      previous = arrived
    }
    previous = Int.max
    for multiplier in [2.0, 1.0, 0.6, 0.3, 0] {
      let crackdown = PolicyEvent(date: day("2025-03-01"), change: .enforcement(grayMarketMultiplier: constant(multiplier)), note: "enforcement")
      let channel = GrayChannel(name: "hub", mix: [("B200", 1)], monthlyUnits: constant(900), lotsPerMonth: 3, seizureProbability: constant(0.1))
      let arrived = try tiny(policies: [crackdown], gray: [channel]).runReplication(seed: seed, replication: 3).cumulativeGrayUnits
      #expect(arrived <= previous, "seed \(seed), multiplier \(multiplier)")
      previous = arrived
    }
  }
}

@Test("an enforcement multiplier of 0 stops gray lots from its date")
func enforcementStopsSmuggling() throws {
  let crackdown = PolicyEvent(date: day("2025-06-01"), change: .enforcement(grayMarketMultiplier: constant(0)), note: "crackdown")
  let channel = GrayChannel(name: "hub", mix: [("H100", 1)], monthlyUnits: constant(1_000), lotsPerMonth: 5, seizureProbability: constant(0.2))
  let result = try tiny(policies: [crackdown], gray: [channel]).runReplication(seed: 2, replication: 0)
  #expect((0..<5).reduce(0) { $0 + result.value(.acquiredUnitsGray, month: $1) } > 0)
  #expect((5..<12).allSatisfy { result.value(.acquiredUnitsGray, month: $0) + result.value(.graySeizedUnits, month: $0) == 0 })
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
    let monthly = (0..<12).map { result.value(.acquiredUnitsGray, month: $0) }
    #expect(monthly[3..<8].allSatisfy { $0 <= 800 }, "seed \(seed): \(monthly)")
    #expect(monthly[0..<3].reduce(0, +) > 3 * 800 && monthly[8...].reduce(0, +) > 4 * 800, "seed \(seed): \(monthly)")
  }
}

@Test("a gray channel ships only inside its window")
func grayWindow() throws {
  let channel = GrayChannel(
    name: "hub", mix: [("B200", 1)], monthlyUnits: constant(1_000), lotsPerMonth: 5, seizureProbability: constant(0),
    window: DateWindow(from: day("2025-07-01")))
  let result = try tiny(gray: [channel]).runReplication(seed: 4, replication: 0)
  #expect((0..<6).allSatisfy { result.value(.acquiredUnitsGray, month: $0) == 0 })
  #expect((6..<12).allSatisfy { result.value(.acquiredUnitsGray, month: $0) > 0 })
}

@Test("gaming cards: a controlled RTX 4090 lot is smuggled and can be seized; the RTX 4090D arrives by retail")
func gamingChannel() throws {
  let rule = [PolicyEvent(date: day("2023-10-17"), change: .classification(.october2023), note: "Oct 2023"),
              PolicyEvent(date: day("2022-10-07"), change: .destinationTier(.tier3), note: "Tier 3")]
  func run(_ sku: String) throws -> ReplicationResult {
    let channel = GamingChannel(sku: sku, monthlyUnits: constant(4_000), lotsPerMonth: 4, seizureProbability: constant(1))
    return try tiny(policies: rule, gaming: [channel]).runReplication(seed: 5, replication: 0)
  }
  let rtx4090 = try run("RTX4090"), rtx4090D = try run("RTX4090D")
  #expect(rtx4090.total(.acquiredUnitsGaming) == 0 && rtx4090.total(.graySeizedUnits) > 0)
  #expect(rtx4090D.total(.acquiredUnitsGaming) > 0 && rtx4090D.total(.graySeizedUnits) == 0)
  #expect(rtx4090D.value(.capacityGaming, month: 11) > 0)
}
