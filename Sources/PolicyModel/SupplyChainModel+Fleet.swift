import Foundation
import Stochastic

/// The fleet: the stockpile at day 0, deployment from inventory up to the demand target,
/// cohort draws, failures and retirement.
extension SupplyChainModel {
  /// Deploys the installed stockpile at day 0 as cohorts of the given age, puts the undeployed
  /// units in inventory, and starts the demand target at the installed paper H100e.
  func deployStockpile() {
    for (index, entry) in scenario.stockpile.enumerated() {
      let sku = skuIndex[entry.sku]!
      let installed = parameters.installed[index], held = parameters.inventory[index]
      ledger.initial[sku] += installed + held
      inventory.add(held, source: .stockpile, sku: sku, month: -1, readyDay: 0)
      addCohort(
        installed, source: .stockpile, sku: sku, month: -1, lot: index, day: 0,
        ageDays: parameters.installedAgeYears[index] * Days.perYear)
      deployedUnits[SupplySource.stockpile.index * skus.h100e.count + sku] += installed
      demandTarget += Double(installed) * skus.h100e[sku]
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
  func deploy(month: Int, day: Double) {
    demandTarget = min(demandTarget + demandAdded(day: day), Saturating.maximum * 1e3)
    var room = demandTarget - installedPaper
    let perUnit = skus.h100e
    for index in inventory.entries.indices where inventory.entries[index].readyDay <= day {
      let entry = inventory.entries[index]
      let units = perUnit[entry.sku] > 0 ? min(entry.units, Saturating.floor(room / perUnit[entry.sku])) : entry.units
      guard units > 0 else { continue }
      room -= Double(units) * perUnit[entry.sku]
      inventory.take(units, from: index)
      addCohort(units, source: entry.source, sku: entry.sku, month: entry.month, lot: entry.lot, day: day, ageDays: entry.ageDays)
      deployedUnits[entry.source.index * perUnit.count + entry.sku] += units
      installedPaper += Double(units) * perUnit[entry.sku]
      period.deployedH100e += Double(units) * perUnit[entry.sku]
    }
    inventory.removeEmpty()
    if result.stockpileDepletedDay == nil, demandTarget - installedPaper > 0, importedInventory() == 0 {
      result.stockpileDepletedDay = day
    }
  }


  /// Adds a cohort with its own draws, keyed by (source, SKU, arrival month, lot): a lifetime
  /// (normal around the mean, clamped at 2 years, less the chips' age) and a hazard multiplier
  /// (Gamma with mean 1 and the fleet's cohort spread).
  private func addCohort(_ units: Int, source: SupplySource, sku: Int, month: Int, lot: Int, day: Double, ageDays: Double) {
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
    fleet.deploy(units, source: source, sku: sku, skus: skus.h100e.count, monthlySurvival: exp(-hazard / 12), retireDay: retireDay)
  }

  private func hazardMultiplier(source: SupplySource, sku: Int, used: Bool) -> Double {
    var multiplier = used ? parameters.usedHazardMultiplier : 1
    if source == .gray { multiplier *= parameters.grayHazardMultiplier }
    if skus.use[sku] == .consumer { multiplier *= parameters.gamingHazardMultiplier }
    return multiplier
  }

  /// Failures and retirements of the month, before anything new is deployed; counts what
  /// remains by source and SKU, and its paper H100e.
  func ageFleet(day: Double) {
    for sku in failedBySKU.indices {
      failedBySKU[sku] = 0
      retiredBySKU[sku] = 0
    }
    fleet.age(toDay: day, failed: &failedBySKU, retired: &retiredBySKU, tally: &deployedUnits, skus: skus.h100e.count)
    installedPaper = 0
    for (index, units) in deployedUnits.enumerated() where units > 0 {
      installedPaper += Double(units) * skus.h100e[index % skus.h100e.count]
    }
    for sku in failedBySKU.indices {
      ledger.failed[sku] += failedBySKU[sku]
      ledger.retired[sku] += retiredBySKU[sku]
      period.failed += failedBySKU[sku]
      period.retired += retiredBySKU[sku]
    }
  }

  /// Units of imported chips in inventory, including those still being integrated.
  func importedInventory() -> Int {
    inventory.entries.reduce(0) { $0 + (skus.use[$1.sku] == .domestic ? 0 : $1.units) }
  }
}
