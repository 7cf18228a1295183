import DiscreteEvent
import Foundation

/// Domestic production: each month SMIC's AI wafer starts are shared among the vendors and, by
/// each vendor's product mix, among its products' dies; good dies leave the fab after the cycle
/// time; at the month end each vendor's packaging capacity is shared by the same mix and bound
/// by dies (the die bank first) and by HBM.
extension SupplyChainModel {
  func scheduleHBMDeliveries(in simulation: inout Simulation<Event>) {
    guard let drawn = parameters.domestic else { return }
    for (vendor, state) in drawn.vendors.enumerated() {
      for delivery in state.hbmDeliveries where delivery.stacks > 0 {
        if delivery.day <= 0 {
          vendors[vendor].hbm[HBMSupply.imported.index] += delivery.stacks
          ledger.hbmDelivered[vendor] += delivery.stacks
        } else {
          simulation.schedule(.hbmDelivery(vendor: vendor, stacks: delivery.stacks), at: delivery.day)
        }
      }
    }
  }

  /// Adds the month's domestic HBM and starts the month's wafers, product by product: by the
  /// product mix of the day they will leave the fab, so that a product's first dies are there
  /// when its packaging starts.
  func startWafers(month: Int, day: Double, in simulation: inout Simulation<Event>) {
    guard let drawn = parameters.domestic else { return }
    let totalShare = drawn.vendors.reduce(0) { $0 + $1.waferShare }
    let aiWafers = drawn.waferStarts.value(atDay: day) * drawn.aiShare / max(1, totalShare)
    for (vendor, vendorDrawn) in drawn.vendors.enumerated() {
      if let ramp = vendorDrawn.domesticHBM {
        let stacks = Saturating.count(ramp.stacks(monthStartingAt: day))
        vendors[vendor].hbm[HBMSupply.domestic.index] += stacks
        ledger.hbmDelivered[vendor] += stacks
      }
      ProductMix.write(onDay: day + drawn.cycleTimeDays, of: vendorDrawn.products, into: &vendors[vendor].waferShares)
      for (index, product) in vendors[vendor].products.enumerated() where vendors[vendor].waferShares[index] > 0 {
        let wafers = aiWafers * vendorDrawn.waferShare * vendors[vendor].waferShares[index]
        let yield = dieYield(vendor: vendor, product: index, day: day)
        let good = Saturating.floor(wafers * Double(product.grossDiesPerWafer) * yield)
        period.product[product.number].waferStarts += wafers
        guard good > 0 else { continue }
        simulation.schedule(.wafersOut(vendor: vendor, product: index, goodDies: good), at: day + drawn.cycleTimeDays)
      }
    }
  }

  func dieYield(vendor: Int, product: Int, day: Double) -> Double {
    dieYields[vendor][vendors[vendor].products[product].die]?.value(atDay: day) ?? 0
  }

  func finishWafers(vendor: Int, product: Int, goodDies: Int) {
    let state = vendors[vendor].products[product]
    vendors[vendor].dieStock[state.die] += goodDies
    ledger.diesMade[vendor] += goodDies
    period.product[state.number].diesMade += goodDies
  }

  /// Packages the month's output of every vendor: capacity by the product mix, then each
  /// product's share cut in proportion where its die or its HBM runs short.
  func packageDies(month: Int, day: Double) {
    guard let drawn = parameters.domestic else { return }
    let mixDay = monthStartDays[month]
    for vendor in vendors.indices {
      let vendorDrawn = drawn.vendors[vendor]
      let capacity = vendorDrawn.packaging.value(atDay: mixDay)
      ProductMix.write(onDay: mixDay, of: vendorDrawn.products, into: &vendors[vendor].shares)
      let packages = Self.packages(state: vendors[vendor], wanted: vendors[vendor].shares.map { $0 * capacity })
      consume(packages, vendor: vendor)
    }
  }

  /// Whole packages per product from `wanted` (packages sought per product, the vendor's
  /// capacity split by the product mix; products in order of introduction).
  ///
  /// Each die's products are cut by one factor when the die runs short (their dies are still
  /// in the fab; the capacity waits for them). Then each HBM supply's products are cut by one
  /// factor when it runs short, and a product that cannot get HBM leaves its share of the
  /// packaging lines to the older products it is replacing, by their shares, as far as their
  /// dies and stacks allow (their lines are still there; a new product's lines ramp by its own
  /// schedule). Proportional cuts keep a larger supply of a die or of HBM from ever giving
  /// fewer packages of a product that draws on it in the month, and a product's output never
  /// grows because a newer product started later.
  static func packages(state: DomesticState, wanted: [Double]) -> [Int] {
    if fitsWithoutCuts(state: state, wanted: wanted) { return wanted.map(Saturating.floor) }
    var planned = wanted
    var closed = [Bool](repeating: false, count: planned.count)
    var spare = [Double](repeating: 0, count: planned.count)
    cut(&planned, closed: &closed, removed: &spare, state: state, byDies: true)
    for index in spare.indices { spare[index] = 0 }  // die shortfalls wait for their dies
    cut(&planned, closed: &closed, removed: &spare, state: state, byDies: false)
    for _ in 0...planned.count {
      var moved = false
      for index in planned.indices.reversed() where spare[index] > 1e-9 {
        var weight = 0.0
        for older in 0..<index where !closed[older] { weight += wanted[older] }
        if weight > 0 {
          for older in 0..<index where !closed[older] { planned[older] += spare[index] * wanted[older] / weight }
          moved = true
        }
        spare[index] = 0
      }
      guard moved else { break }
      cut(&planned, closed: &closed, removed: &spare, state: state, byDies: true)
      cut(&planned, closed: &closed, removed: &spare, state: state, byDies: false)
    }
    // Whole packages, never more than the dies and stacks left (guards rounding).
    var dies = state.dies.indices.map { state.available(die: $0) }
    var stacks = state.hbm
    return state.products.enumerated().map { index, product in
      var count = Saturating.floor(planned[index])
      count = min(count, dies[product.die] / product.diesPerPackage)
      if product.stacksPerPackage > 0 { count = min(count, stacks[product.hbm.index] / product.stacksPerPackage) }
      dies[product.die] -= count * product.diesPerPackage
      stacks[product.hbm.index] -= count * product.stacksPerPackage
      return count
    }
  }

  /// True when every die and every HBM supply covers what `wanted` needs (the usual month: no
  /// cut, no spill).
  private static func fitsWithoutCuts(state: DomesticState, wanted: [Double]) -> Bool {
    for (die, members) in state.productsOfDie.enumerated() {
      let need = members.reduce(0.0) { $0 + wanted[$1].rounded(.down) * Double(state.products[$1].diesPerPackage) }
      if need > Double(state.available(die: die)) { return false }
    }
    for (supply, members) in state.productsOfSupply.enumerated() {
      let need = members.reduce(0.0) { $0 + wanted[$1].rounded(.down) * Double(state.products[$1].stacksPerPackage) }
      if need > Double(state.hbm[supply]) { return false }
    }
    return true
  }

  /// Cuts `planned` so no die (`byDies`) or no HBM supply is over-used, each by one factor
  /// across its products; marks the products of a binding die or supply closed and adds the
  /// packaging capacity cut from each product into `removed`.
  private static func cut(_ planned: inout [Double], closed: inout [Bool], removed: inout [Double], state: DomesticState, byDies: Bool) {
    for (group, members) in (byDies ? state.productsOfDie : state.productsOfSupply).enumerated() {
      var need = 0.0
      for member in members {
        need += planned[member] * Double(byDies ? state.products[member].diesPerPackage : state.products[member].stacksPerPackage)
      }
      let have = Double(byDies ? state.available(die: group) : state.hbm[group])
      guard need > 0, need >= have else { continue }
      let factor = have / need
      for member in members {
        removed[member] += planned[member] * (1 - factor)
        planned[member] *= factor
        closed[member] = true
      }
    }
  }

  /// Takes the dies (the bank first) and stacks `packages` need and delivers the packages.
  private func consume(_ packages: [Int], vendor: Int) {
    for (index, count) in packages.enumerated() where count > 0 {
      let product = vendors[vendor].products[index]
      let dies = count * product.diesPerPackage
      let fromBank = product.die == vendors[vendor].bankDie ? min(dies, vendors[vendor].bank) : 0
      vendors[vendor].bank -= fromBank
      vendors[vendor].dieStock[product.die] -= dies - fromBank
      vendors[vendor].hbm[product.hbm.index] -= count * product.stacksPerPackage
      ledger.diesUsed[vendor] += dies
      ledger.hbmUsed[vendor] += count * product.stacksPerPackage
      period.product[product.number].diesUsed += dies
      period.product[product.number].bankDies += fromBank
      period.product[product.number].packages += count
      arrive(count, sku: product.sku, source: .domestic)
      result.cumulativeDomesticPackages += count
    }
  }

  /// Dies no product will use any more (its products have all been replaced) on `day`, the
  /// day of the last packaging.
  func strandedDies(day: Double) -> Int {
    guard let drawn = parameters.domestic else { return 0 }
    var stranded = 0
    for (vendor, state) in vendors.enumerated() {
      let shares = state.shares
      for die in state.dies.indices {
        let inUse = state.products.indices.contains {
          state.products[$0].die == die && (shares[$0] > 0 || drawn.vendors[vendor].products[$0].fromDay > day)
        }
        if !inUse { stranded += state.available(die: die) }
      }
      if state.bankDie == nil { stranded += state.bank }
    }
    return stranded
  }
}
