import Foundation
import PolicyModel
import Testing

@Test("gross dies per 300 mm wafer match domain.md: 80 for 665.6 mm², 123 for 456 mm²")
func grossDies() {
  #expect(WaferGeometry.grossDies(dieAreaMm2: 665.6) == 80)
  // domain.md rounds 123.8 to "≈ 124"; whole dies round down.
  #expect(WaferGeometry.grossDies(dieAreaMm2: 456) == 123)
  // A 10 × 10 mm die, by hand: π·150²/100 − π·300/√200 = 706.86 − 66.64 = 640.2.
  #expect(WaferGeometry.grossDies(dieAreaMm2: 100) == 640)
}

@Test("logistic yield starts at its initial value, rises monotonically and approaches its maximum")
func logisticYield() {
  let curve = YieldCurve.logistic(initial: 0.2, maximum: 0.65, ratePerMonth: 0.2)
  #expect(abs(curve.yield(afterMonths: 0) - 0.2) < 1e-12)
  let path = stride(from: 0.0, through: 120, by: 1).map { curve.yield(afterMonths: $0) }
  #expect(zip(path, path.dropFirst()).allSatisfy { $0 < $1 })
  #expect(abs(path.last! - 0.65) < 1e-6)
  // Hand value at 6 months: t0 = ln(0.65/0.2 − 1)/0.2 = 4.0547; y = 0.65/(1 + e^(−0.2·1.9453)).
  #expect(abs(curve.yield(afterMonths: 6) - 0.65 / (1 + exp(-0.2 * (6 - log(2.25) / 0.2)))) < 1e-12)
}

@Test("a logistic curve with no learning, or starting at its maximum, stays flat (never NaN)")
func flatLogisticYield() {
  #expect(YieldCurve.logistic(initial: 0.2, maximum: 0.65, ratePerMonth: 0).yield(afterMonths: 30) == 0.2)
  #expect(YieldCurve.logistic(initial: 0.7, maximum: 0.65, ratePerMonth: 0.2).yield(afterMonths: 3) == 0.65)
  #expect(YieldCurve.logistic(initial: 0, maximum: 0.65, ratePerMonth: 0.2).yield(afterMonths: 3) == 0)
}

@Test("defect-density yield reproduces domain.md's D0 ↔ yield pairs for a 665.6 mm² die")
func defectDensityYield() {
  let twentyPercent = YieldCurve.defectDensity(initialPerCm2: 0.2418, annualDecline: 0.3, dieAreaCm2: 6.656)
  #expect(abs(twentyPercent.yield(afterMonths: 0) - 0.20) < 0.001)
  // One year of a 30% decline: D0 = 0.1693, Y = exp(−0.1693 · 6.656) = 0.324.
  #expect(abs(twentyPercent.yield(afterMonths: 12) - exp(-0.2418 * 0.7 * 6.656)) < 1e-12)
}

@Test("packaging is bound by whichever of dies, HBM and capacity runs out first")
func hbmBoundPackaging() {
  // 13M stacks ≈ 1.6M 910C (8 stacks each) even with 4M dies: HBM binds (domain.md §3.4).
  #expect(Packaging.packages(dies: 4_000_000, diesPerPackage: 2, hbmStacks: 13_000_000, stacksPerPackage: 8) == 1_625_000)
  #expect(Packaging.packages(dies: 1_001, diesPerPackage: 2, hbmStacks: 100_000, stacksPerPackage: 8) == 500)
  #expect(Packaging.packages(dies: 10_000, diesPerPackage: 1, hbmStacks: 100_000, stacksPerPackage: 4, capacity: 700) == 700)
  #expect(Packaging.packages(dies: 10, diesPerPackage: 1, hbmStacks: 0, stacksPerPackage: 0) == 10)
}
