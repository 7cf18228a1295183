import Foundation
import Stochastic

/// The fleet: the stockpile at day 0, deployment from inventory up to the demand target,
/// cohort draws, failures and retirement.
extension SupplyChainModel {
  /// Deploys the installed stockpile at day 0 as cohorts of the given age, puts the undeployed
  /// units in inventory, and starts the demand target at the installed paper H100e.
  mutating func deployStockpile() {
    for (index, entry) in scenario.stockpile.enumerated() {
      let sku = skuIndex[entry.sku]!
      let installed = parameters.installed[index], held = parameters.inventory[index]
      ledger.initial[sku] += installed + held
      inventory.add(held, source: .stockpile, sku: sku, month: -1, readyDay: 0)
      addCohort(
        installed, source: .stockpile, sku: sku, month: -1, lot: index, day: 0,
        ageDays: parameters.installedAgeYears[index] * Days.perYear)
      demandTarget += Double(installed) * scenario.chips[sku].h100Equivalents
    }
  }

  /// New demand this month: the month's spending at the month's price, in paper H100e.
  func demandAdded(day: Double) -> Double {
    let price = parameters.pricePerH100e.value(atDay: day)
    guard price > 0 else { return 0 }
    return min(parameters.spending.value(atDay: day) * 1e9 / 12 / price, Saturating.maximum)
  }

  /// Raises the target by the month's demand and deploys ready inventory, first in, first out,
  /// until the installed paper H100e reach it.
  mutating func deploy(month: Int, day: Double) {
    demandTarget = min(demandTarget + demandAdded(day: day), Saturating.maximum * 1e3)
    var room = demandTarget - installedPaperH100e()
    let chips = scenario.chips
    var deployments: [(entry: Inventory.Entry, units: Int)] = []
    inventory.deploy(readyBy: day) { entry in
      let perUnit = chips[entry.sku].h100Equivalents
      let units = perUnit > 0 ? min(entry.units, Saturating.floor(room / perUnit)) : entry.units
      room -= Double(units) * perUnit
      if units > 0 { deployments.append((entry, units)) }
      return units
    }
    for (entry, units) in deployments {
      addCohort(units, source: entry.source, sku: entry.sku, month: entry.month, lot: entry.lot, day: day, ageDays: entry.ageDays)
      period.deployedH100e += Double(units) * chips[entry.sku].h100Equivalents
    }
    if result.stockpileDepletedDay == nil, demandTarget - installedPaperH100e() > 0, importedInventory() == 0 {
      result.stockpileDepletedDay = day
    }
  }

  /// Adds a cohort with its own draws, keyed by (source, SKU, arrival month, lot): a lifetime
  /// (normal around the mean, clamped at 2 years, less the chips' age) and a hazard multiplier
  /// (Gamma with mean 1 and the fleet's cohort spread).
  private mutating func addCohort(_ units: Int, source: SupplySource, sku: Int, month: Int, lot: Int, day: Double, ageDays: Double) {
    guard units > 0 else { return }
    let stream = draws.stream(.cohorts, source.index, sku, month + 1, lot + 1)
    var retireDay = Double.infinity
    if let mean = parameters.meanLifetimeYears {
      let spread = scenario.fleet.lifetimeSDYears
      let lifetime = max(2, mean + (spread > 0 ? spread * stream.gaussian() : 0))
      retireDay = max(day, day + lifetime * Days.perYear - ageDays)
    }
    let cohortMultiplier = cohortHazard.map { $0.sample(using: stream) } ?? 1
    let hazard = parameters.failureRatePerYear * cohortMultiplier * hazardMultiplier(source: source, sku: sku, used: ageDays > 0 && source == .gray)
    fleet.deploy(units, source: source, sku: sku, monthlySurvival: exp(-hazard / 12), retireDay: retireDay)
  }

  private func hazardMultiplier(source: SupplySource, sku: Int, used: Bool) -> Double {
    var multiplier = used ? parameters.usedHazardMultiplier : 1
    if source == .gray { multiplier *= parameters.grayHazardMultiplier }
    if scenario.chips[sku].market == .consumer { multiplier *= parameters.gamingHazardMultiplier }
    return multiplier
  }

  /// Failures and retirements of the month, before anything new is deployed.
  mutating func ageFleet(day: Double) {
    var failed = [Int](repeating: 0, count: scenario.chips.count)
    var retired = failed
    fleet.age(toDay: day, failed: &failed, retired: &retired)
    for sku in failed.indices {
      ledger.failed[sku] += failed[sku]
      ledger.retired[sku] += retired[sku]
      period.failed += failed[sku]
      period.retired += retired[sku]
    }
  }

  func installedPaperH100e() -> Double {
    fleet.cohorts.reduce(0) { $0 + Double($1.units) * scenario.chips[$1.sku].h100Equivalents }
  }

  /// Units of imported chips in inventory, including those still being integrated.
  func importedInventory() -> Int {
    inventory.entries.reduce(0) { $0 + (scenario.chips[$1.sku].origin == .foreign ? $1.units : 0) }
  }
}
