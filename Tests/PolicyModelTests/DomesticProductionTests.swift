import Foundation
@testable import PolicyModel
import Stochastic
import Testing

@Test("gross dies per 300 mm wafer match domain.md: 80 for 665.6 mm², 123 for 456 mm²")
func grossDies() {
  #expect(WaferGeometry.grossDies(dieAreaMm2: 665.6) == 80)
  // domain.md rounds 123.8 to "≈ 124"; whole dies round down.
  #expect(WaferGeometry.grossDies(dieAreaMm2: 456) == 123)
  // A 10 × 10 mm die, by hand: π·150²/100 − π·300/√200 = 706.86 − 66.64 = 640.2.
  #expect(WaferGeometry.grossDies(dieAreaMm2: 100) == 640)
}

@Test("logistic yield passes through its anchor, rises monotonically toward its maximum, and holds at its anchor level before it")
func logisticYield() {
  let curve = YieldCurve(initial: 0.2, maximum: 0.65, ratePerMonth: 0.2)
  #expect(abs(curve.yield(afterMonths: 0) - 0.2) < 1e-12)
  let path = stride(from: 0.0, through: 120, by: 1).map { curve.yield(afterMonths: $0) }
  #expect(zip(path, path.dropFirst()).allSatisfy { $0 < $1 })
  #expect(abs(path.last! - 0.65) < 1e-6)
  #expect(curve.yield(afterMonths: -6) == 0.2 && curve.yield(afterMonths: -0.5) == 0.2)
  // Hand value at 6 months: t_mid = ln(0.65/0.2 − 1)/0.2; y = 0.65/(1 + e^(−0.2·(6 − t_mid))).
  #expect(abs(curve.yield(afterMonths: 6) - 0.65 / (1 + exp(-0.2 * (6 - log(2.25) / 0.2)))) < 1e-12)
  #expect(YieldCurve(initial: 0.2, maximum: 0.65, ratePerMonth: 0).yield(afterMonths: 30) == 0.2)
  #expect(YieldCurve(initial: 0.7, maximum: 0.65, ratePerMonth: 0.2).yield(afterMonths: 3) == 0.65)
  #expect(YieldCurve(initial: 0, maximum: 0.65, ratePerMonth: 0.2).yield(afterMonths: 3) == 0)
}

@Test("faster learning or a higher maximum never gives a lower yield, before the anchor or after")
func yieldMonotoneInLearning() {
  for months in stride(from: -36.0, through: 120, by: 0.5) {
    for initial in [0.05, 0.2, 0.5] {
      for (rate, faster) in [(0.0, 0.1), (0.1, 0.25), (0.25, 0.4)] {
        for (maximum, higher) in [(0.55, 0.75), (0.7, 0.85)] {
          let base = YieldCurve(initial: initial, maximum: maximum, ratePerMonth: rate).yield(afterMonths: months)
          #expect(YieldCurve(initial: initial, maximum: maximum, ratePerMonth: faster).yield(afterMonths: months) >= base, "rate \(faster) at \(months)")
          #expect(YieldCurve(initial: initial, maximum: higher, ratePerMonth: rate).yield(afterMonths: months) >= base, "maximum \(higher) at \(months)")
        }
      }
    }
  }
}

@Test("bounded growth passes through its level on its date, never exceeds its ceiling, and runs lower before its date")
func boundedGrowth() {
  let curve = GrowthCurve(level: 30_000, anchorDay: 400, growthPerYear: 1.6, ceiling: 150_000)
  #expect(abs(curve.value(atDay: 400) - 30_000) < 1e-6)
  let path = stride(from: 0.0, through: 365.25 * 30, by: 30).map { curve.value(atDay: $0) }
  #expect(zip(path, path.dropFirst()).allSatisfy { $0 < $1 } && path.allSatisfy { $0 < 150_000 })
  #expect(path.last! > 149_000)
  // Far below the ceiling it grows by about its factor a year: the logistic's early rate.
  let early = GrowthCurve(level: 1_000, anchorDay: 0, growthPerYear: 1.6, ceiling: 1e9)
  #expect(abs(early.value(atDay: 365.25) / 1_000 - 1.6) < 1e-4)
  #expect(GrowthCurve(level: 5, anchorDay: 0, growthPerYear: 1, ceiling: 10).value(atDay: 900) == 5)
  #expect(GrowthCurve(level: 50, anchorDay: 0, growthPerYear: 2, ceiling: 10).value(atDay: -900) == 10)
  #expect(GrowthCurve(level: 10, anchorDay: 0, growthPerYear: 0, ceiling: 20).value(atDay: 900) < 1e-9)
  // Before its date the level is discounted at its growth rate; the ceiling bounds only the future.
  for ceiling in [40_000.0, 150_000, 1e9] {
    let bounded = GrowthCurve(level: 30_000, anchorDay: 400, growthPerYear: 1.6, ceiling: ceiling)
    #expect(abs(bounded.value(atDay: 400 - 365.25) - 30_000 / 1.6) < 1e-6)
    #expect(bounded.value(atDay: 0) == 30_000 * pow(1.6, -400 / 365.25))
  }
  // A decline run backwards grows into the past; the ceiling still bounds it, even for a
  // factor that overflows.
  #expect(GrowthCurve(level: 30_000, anchorDay: 0, growthPerYear: 0.01, ceiling: 50_000).value(atDay: -36_525) == 50_000)
  #expect(GrowthCurve(level: 30_000, anchorDay: 0, growthPerYear: 0, ceiling: 50_000).value(atDay: -365.25) == 50_000)
}

@Test("the product mix ramps a new product in and keeps the shares summing to 1")
func productMixShares() {
  let products: [(fromDay: Double, rampDays: Double, finalShare: Double)] = [(0, 0, 1), (100, 200, 1), (400, 100, 0.8)]
  #expect(ProductMix.shares(onDay: 50, of: products) == [1, 0, 0])
  #expect(ProductMix.shares(onDay: 200, of: products) == [0.5, 0.5, 0])
  let late = ProductMix.shares(onDay: 1_000, of: products)
  #expect(abs(late[2] - 0.8) < 1e-12 && abs(late[1] - 0.2) < 1e-12 && late[0] == 0)
  for day in stride(from: 0.0, through: 1_000, by: 7) {
    #expect(abs(ProductMix.shares(onDay: day, of: products).reduce(0, +) - 1) < 1e-12)
  }
  #expect(ProductMix.shares(onDay: -1, of: [(0, 0, 1)]) == [0])
}

@Test("wafers switch to the new product on its date: 800 good dies a month make 800 910B, then 400 910C")
func productSwitchByDate() throws {
  let scenario = tiny(domestic: industry(products: [
    DomesticProduct(sku: "Ascend910B", from: day("2025-01-01")), DomesticProduct(sku: "Ascend910C", from: day("2025-07-01")),
  ]))
  let result = try scenario.runReplication(seed: 1, replication: 0)
  #expect(result.series("wafer_starts_ascend910b", in: scenario) == Array(repeating: 10, count: 6) + Array(repeating: 0, count: 6))
  #expect(result.series("wafer_starts_ascend910c", in: scenario) == Array(repeating: 0, count: 6) + Array(repeating: 10, count: 6))
  #expect(result.series("dies_made", in: scenario) == Array(repeating: 800, count: 12))
  #expect(result.series("packages_ascend910b", in: scenario) == Array(repeating: 800, count: 6) + Array(repeating: 0, count: 6))
  #expect(result.series("packages_ascend910c", in: scenario) == Array(repeating: 0, count: 6) + Array(repeating: 400, count: 6))
  #expect(result.value(.hbmStacksRemaining, month: 11) == 1e8 - 12 * 3_200)
}

@Test("wafers are started for the product that will be packaged when they leave the fab")
func wafersLeadPackagingByCycleTime() throws {
  let scenario = tiny(domestic: industry(
    products: [DomesticProduct(sku: "Ascend910C", from: day("2025-01-01")), DomesticProduct(sku: "Ascend950PR", from: day("2025-07-01"), hbm: .imported)],
    cycleTimeDays: 61))
  let result = try scenario.runReplication(seed: 1, replication: 0)
  // Wafers started on May 1 leave the fab on July 1: they are 950 wafers.
  #expect(result.series("wafer_starts_ascend950pr", in: scenario)[3] == 0)
  #expect(result.series("wafer_starts_ascend950pr", in: scenario)[4] == 10)
  #expect(result.series("packages_ascend950pr", in: scenario)[6] == 800)
}

@Test("a running line does not start empty: the wafers started in the cycle time before day 0 leave the fab in the first months")
func wafersInFlightAtStart() throws {
  let scenario = tiny(domestic: industry(products: [DomesticProduct(sku: "Ascend910C", from: day("2024-01-01"))], cycleTimeDays: 61))
  let result = try scenario.runReplication(seed: 1, replication: 0)
  // Batches started on Nov 1 and Dec 1 leave on Jan 1 (day 0) and Jan 31; one started on Oct 1 left
  // before the start. Each is 10 wafers × 80 good dies; January's own batch leaves on Mar 3.
  let made = result.series("dies_made", in: scenario)
  #expect(made.prefix(3) == [1_600, 0, 800] && made.reduce(0, +) == 800 * 12, "\(made)")
  #expect(result.series("wafer_starts", in: scenario) == Array(repeating: 10, count: 12), "wafers started before day 0 are not reported")
  let cold = tiny(domestic: industry(products: [DomesticProduct(sku: "Ascend910C", from: day("2025-03-01"))], cycleTimeDays: 61))
  #expect(try cold.runReplication(seed: 1, replication: 0).series("dies_made", in: cold).prefix(3) == [0, 0, 800], "no wafers in flight for a product that starts later")
}

@Test("packages are bound by HBM stacks when dies are plentiful")
func hbmBindsOutput() throws {
  let scenario = tiny(domestic: industry(
    products: [DomesticProduct(sku: "Ascend910C", from: day("2025-01-01"))], wafers: 20_000, hbm: 800_000, bank: 2_000_000, yield: 0.3, cycleTimeDays: 90))
  let result = try scenario.runReplication(seed: 4, replication: 0)
  #expect(result.cumulativeDomesticPackages == 100_000)  // 800,000 stacks / 8 per 910C
  #expect(result.value(.hbmStacksRemaining, month: 11) == 0)
  #expect(result.value(.dieBankRemaining, month: 0) == 1_800_000)  // the bank's dies go first
  #expect(abs(result.series("yield_ascend910c", in: scenario)[0] - 0.3) < 1e-12)
}

@Test("the die bank is used before the fab's dies")
func bankFirst() throws {
  let scenario = tiny(domestic: industry(products: [DomesticProduct(sku: "Ascend910C", from: day("2025-01-01"))], packaging: 30, bank: 100))
  let result = try scenario.runReplication(seed: 1, replication: 0)
  #expect(result.series("bank_dies_ascend910c", in: scenario).prefix(3) == [60, 40, 0])
  #expect(result.series("dies_used_ascend910c", in: scenario).prefix(3) == [60, 60, 60])
  #expect(result.value(.dieBankRemaining, month: 0) == 40 && result.value(.dieBankRemaining, month: 1) == 0)
}

@Test("a new product short of HBM leaves its packaging lines to the product it replaces, not the other way round")
func hbmShortageSpills() throws {
  func run(imported: Double, domestic: Double) throws -> (old: Double, new: Double) {
    let scenario = tiny(domestic: industry(
      products: [
        DomesticProduct(sku: "Ascend910C", from: day("2025-01-01")),
        DomesticProduct(sku: "Ascend950PR", from: day("2025-01-02"), finalShare: constant(0.5), hbm: .domestic),
      ],
      packaging: 100, hbm: imported,
      domesticHBM: HBMRamp(earliest: day("2024-01-01"), delayMonths: constant(0), rampMonths: 0, stacksPerMonth: constant(domestic))))
    let result = try scenario.runReplication(seed: 1, replication: 0)
    return (result.series("packages_ascend910c", in: scenario)[3], result.series("packages_ascend950pr", in: scenario)[3])
  }
  #expect(try run(imported: 1e8, domestic: 1e6) == (50, 50))  // half the capacity each
  #expect(try run(imported: 1e8, domestic: 0) == (100, 0))  // the 950PR has no HBM: its half goes to the 910C
  #expect(try run(imported: 0, domestic: 1e6) == (0, 50))  // the 910C's half stays idle
}

@Test("dies of a die no product uses any more are reported as stranded")
func strandedDies() throws {
  let scenario = tiny(domestic: industry(
    products: [DomesticProduct(sku: "Ascend910C", from: day("2025-01-01")), DomesticProduct(sku: "Ascend950PR", from: day("2025-07-01"), hbm: .imported)],
    packaging: 100, bank: 5_000))
  let result = try scenario.runReplication(seed: 1, replication: 0)
  let stranded = result.series("stranded_dies", in: scenario)
  #expect(stranded[5] == 0)
  // From July the 910-class dies have no product: the fab's 6 × 800 (the bank went first)
  // and the bank's 5,000 − 6 × 200.
  #expect(stranded[6] == 4_800 + 3_800)
  #expect(result.value(.dieBankRemaining, month: 6) == 3_800)
}

@Test("HBM: dated deliveries land on their date; domestic HBM rises linearly over its ramp")
func hbmSupply() throws {
  let scenario = tiny(domestic: industry(
    products: [DomesticProduct(sku: "Ascend910C", from: day("2026-01-01"))], hbm: 0,
    deliveries: [(day("2025-04-15"), constant(7_000))],
    domesticHBM: HBMRamp(earliest: day("2025-03-01"), delayMonths: constant(0), rampMonths: 2, stacksPerMonth: constant(800))))
  let result = try scenario.runReplication(seed: 1, replication: 0)
  #expect((0..<5).map { result.value(.hbmStacksRemaining, month: $0) } == [0, 0, 400, 8_200, 9_000])
}

@Test("Cambricon shares SMIC's AI wafers with Huawei by its wafer share, with its own die and HBM")
func twoVendors() throws {
  let dies = ["Ascend910", "MLU590"].map {
    DieYield(die: $0, initial: constant(1), asOf: day("2025-01-01"), maximum: constant(1), ratePerMonth: constant(0))
  }
  let vendors = [
    DomesticVendor(name: "Huawei", waferShare: constant(0.75), packaging: flat(1e6), products: [DomesticProduct(sku: "Ascend910C", from: day("2025-01-01"))], hbmStacks: constant(1e8)),
    DomesticVendor(name: "Cambricon", waferShare: constant(0.25), packaging: flat(1e6), products: [DomesticProduct(sku: "MLU590", from: day("2025-01-01"))], hbmStacks: constant(400)),
  ]
  let scenario = tiny(domestic: DomesticIndustry(waferStarts: flat(100), aiShare: constant(0.4), cycleTimeDays: constant(0), dieYields: dies, vendors: vendors))
  let result = try scenario.runReplication(seed: 1, replication: 0)
  #expect(result.series("wafer_starts_ascend910c", in: scenario)[0] == 30)
  #expect(result.series("wafer_starts_mlu590", in: scenario)[0] == 10)
  #expect(result.series("packages_cambricon", in: scenario) == [100] + Array(repeating: 0, count: 11))  // 400 stacks / 4
  #expect(result.series("packages_huawei", in: scenario)[0] == 1_200)  // 30 wafers × 80 dies / 2
}
