import DiscreteEvent
import Foundation

/// Domestic production: wafer starts ramping by a yearly factor, binomial good dies on the
/// yield curve, the product in force by date, HBM from the stockpile plus a domestic ramp,
/// and packaging bounded by dies, HBM and a capacity growing by its own yearly factor.
extension SupplyChainModel {
  mutating func startWafers(month: Int, day: Double, in simulation: inout Simulation<Event>) {
    guard let line = scenario.domestic, let drawn = parameters.domestic else { return }
    hbmStacks += rampedHBMStacks(month: month, line: line, drawn: drawn)
    let sku = skuIndex[line.product(on: date(atDay: day))]!
    let chip = scenario.chips[sku]
    let growth = pow(drawn.waferStartsGrowthPerYear, Double(month) / 12)
    let wafers = Int(saturating: (drawn.waferStartsPerMonth * growth * drawn.aiShare).rounded())
    let gross = WaferGeometry.grossDies(dieAreaMm2: chip.dieAreaMm2 / Double(chip.diesPerPackage))
    let good = streams.domestic.binomial(trials: Int(saturating: Double(wafers) * Double(gross)), probability: currentYield(month: month))
    period.waferStarts += wafers
    simulation.schedule(.wafersOut(sku: sku, goodDies: good), at: day + drawn.cycleTimeDays)
  }

  /// Stacks delivered this month by the domestic HBM ramp: zero before volume begins, then a
  /// linear rise to the full rate over the ramp months.
  private func rampedHBMStacks(month: Int, line: DomesticLine, drawn: DrawnParameters.Domestic) -> Int {
    guard let ramp = line.hbmRamp, drawn.hbmRampDelayMonths.isFinite else { return 0 }
    let begins = ramp.earliest.addingTimeInterval(drawn.hbmRampDelayMonths * 30.4375 * 86_400)
    let monthsIn = date(atDay: monthStartDays[month]).timeIntervalSince(begins) / (30.4375 * 86_400)
    guard monthsIn >= 0 else { return 0 }
    let fraction = ramp.rampMonths > 0 ? min(1, (monthsIn + 1) / ramp.rampMonths) : 1
    return Int(saturating: (drawn.hbmStacksPerMonth * fraction).rounded())
  }

  /// Packages this month's dies, product by product in schedule order, fab dies before banked
  /// ones, sharing HBM and packaging capacity.
  mutating func packageDies(month: Int) {
    guard let line = scenario.domestic, let drawn = parameters.domestic else { return }
    let growth = pow(drawn.packagingCapacityGrowthPerYear, Double(month) / 12)
    var capacity = Int(saturating: (drawn.packagingCapacityPerMonth * growth).rounded())
    var seen = Set<Int>()
    for product in line.products {
      let sku = skuIndex[product.sku]!
      guard seen.insert(sku).inserted else { continue }
      let chip = scenario.chips[sku]
      let banked = line.dieBankSKUs.contains(product.sku) ? dieBank : 0
      let packages = Packaging.packages(
        dies: dieStock[sku] + banked, diesPerPackage: chip.diesPerPackage, hbmStacks: hbmStacks,
        stacksPerPackage: chip.hbmStacksPerPackage, capacity: capacity)
      let dies = packages * chip.diesPerPackage
      let fromFab = min(dies, dieStock[sku])
      dieStock[sku] -= fromFab
      dieBank -= dies - fromFab
      hbmStacks -= packages * chip.hbmStacksPerPackage
      capacity -= packages
      arrive(packages, sku: sku, source: .domestic)
      period.packages += packages
      result.cumulativeDomesticPackages += packages
    }
  }

  func currentYield(month: Int) -> Double {
    guard let line = parameters.domestic else { return 0 }
    return YieldCurve.logistic(initial: line.initialYield, maximum: line.maximumYield, ratePerMonth: line.yieldRatePerMonth)
      .yield(afterMonths: Double(month))
  }

  /// The share of paper capacity a chip from `source` delivers in `role` on `day`: software
  /// efficiency for domestic chips (training moving linearly between its dates), times the
  /// overflow efficiency outside the source's preferred role.
  func efficiency(of source: SupplySource, in role: FleetRole, day: Double) -> Double {
    let overflow = role == source.preferredRole ? 1 : parameters.overflowEfficiency
    guard source == .domestic, let drawn = parameters.domestic, let line = scenario.domestic else { return overflow }
    switch role {
    case .inference:
      return overflow * drawn.inferenceEfficiency
    case .training:
      let span = line.softwareEfficiency.to.timeIntervalSince(line.softwareEfficiency.from)
      let elapsed = date(atDay: day).timeIntervalSince(line.softwareEfficiency.from)
      let progress = span > 0 ? min(1, max(0, elapsed / span)) : (elapsed >= 0 ? 1 : 0)
      return overflow * (drawn.trainingEfficiencyStart + progress * (drawn.trainingEfficiencyEnd - drawn.trainingEfficiencyStart))
    }
  }
}
