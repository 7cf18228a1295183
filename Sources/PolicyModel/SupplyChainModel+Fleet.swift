import DiscreteEvent
import Foundation

/// The fleet: deploying inventory against training and inference demand, failures,
/// retirement of cohorts, and the monthly record of outcomes.
extension SupplyChainModel {
  /// Deploys the installed stockpile at day 0 as cohorts of the given age, and puts the
  /// undeployed units in inventory.
  mutating func deployStockpile(in simulation: inout Simulation<Event>) {
    for (index, entry) in scenario.stockpile.enumerated() {
      let sku = skuIndex[entry.sku]!
      let installed = parameters.installed[index], held = parameters.inventory[index]
      ledger.initial[sku] += installed + held
      inventory[SupplySource.nvidia.rawValue][sku] += held
      if installed > 0 {
        deploy(installed, into: Fleet.Cell(source: .nvidia, role: .training, sku: sku), day: 0,
               ageDays: parameters.installedAgeYears[index] * 365.25, in: &simulation)
      }
    }
  }

  /// Adds a cohort and schedules its retirement after a lifetime drawn around the mean
  /// (normal, truncated at two years as domain.md suggests), less its age.
  private mutating func deploy(_ units: Int, into cell: Fleet.Cell, day: Double, ageDays: Double = 0, in simulation: inout Simulation<Event>) {
    let cohort = fleet.deploy(units, into: cell)
    guard let mean = parameters.meanLifetimeYears else { return }
    let spread = scenario.fleet.lifetimeSDYears
    let lifetime = max(2, mean + (spread > 0 ? spread * streams.fleet.gaussian() : 0))
    let retires = max(day, day + lifetime * 365.25 - ageDays)
    if retires <= monthStartDays[scenario.months] {
      simulation.schedule(.retirement(cohort: cohort), at: retires)
    }
  }

  /// Permanent failures this month: Binomial(units, 1 − exp(−λ/12)) per cell, with the hazard
  /// raised for gray-market units (no vendor support).
  mutating func failFleet() {
    for (cell, units) in fleet.occupied {
      let hazard = parameters.failureRatePerYear * (cell.source == .gray ? parameters.smuggledHazardMultiplier : 1)
      guard hazard > 0 else { continue }
      let failures = streams.fleet.binomial(trials: units, probability: 1 - exp(-hazard / 12))
      fleet.fail(failures, in: cell)
      ledger.failed[cell.sku] += failures
      period.failed += failures
    }
  }

  /// Meets this month's training and inference demand plus backlogs from inventory: each
  /// source first in its preferred role (Nvidia and gray chips train, domestic chips infer),
  /// then across at the overflow efficiency.
  mutating func deploy(month: Int, day: Double, in simulation: inout Simulation<Event>) {
    let demand = parameters.demandH100ePerMonth * pow(parameters.demandGrowthPerYear, Double(month) / 12)
    backlog[FleetRole.training.rawValue] += demand * parameters.trainingShare
    backlog[FleetRole.inference.rawValue] += demand * (1 - parameters.trainingShare)
    let passes: [(SupplySource, FleetRole)] = [
      (.nvidia, .training), (.gray, .training), (.domestic, .inference),
      (.nvidia, .inference), (.gray, .inference), (.domestic, .training),
    ]
    for (source, role) in passes {
      let value = efficiency(of: source, in: role, day: day)
      guard value > 0 else { continue }
      for (sku, chip) in scenario.chips.enumerated() where inventory[source.rawValue][sku] > 0 && backlog[role.rawValue] > 0 {
        let perUnit = chip.h100Equivalents * value
        let units = min(inventory[source.rawValue][sku], Int(saturating: (backlog[role.rawValue] / perUnit).rounded(.up)))
        inventory[source.rawValue][sku] -= units
        deploy(units, into: Fleet.Cell(source: source, role: role, sku: sku), day: day, in: &simulation)
        backlog[role.rawValue] = max(0, backlog[role.rawValue] - Double(units) * perUnit)
      }
    }
    if backlog.reduce(0, +) > 0, nvidiaInventory == 0, result.stockpileDepletedDay == nil {
      result.stockpileDepletedDay = day
    }
  }

  private var nvidiaInventory: Int {
    inventory[SupplySource.nvidia.rawValue].reduce(0, +) + inventory[SupplySource.gray.rawValue].reduce(0, +)
  }

  mutating func record(month: Int, day: Double) {
    var bySource = [Double](repeating: 0, count: SupplySource.allCases.count)
    var byRole = [Double](repeating: 0, count: FleetRole.allCases.count)
    var pflops = 0.0
    for (cell, units) in fleet.occupied {
      let chip = scenario.chips[cell.sku]
      let effective = Double(units) * chip.h100Equivalents * efficiency(of: cell.source, in: cell.role, day: day)
      bySource[cell.source.rawValue] += effective
      byRole[cell.role.rawValue] += effective
      pflops += Double(units) * chip.fp16DenseTFLOPS / 1_000
    }
    result.values.append(Outcome.allCases.map { outcome in
      switch outcome {
      case .capacityH100e: bySource.reduce(0, +)
      case .capacityH100eNvidia: bySource[SupplySource.nvidia.rawValue]
      case .capacityH100eDomestic: bySource[SupplySource.domestic.rawValue]
      case .capacityH100eGray: bySource[SupplySource.gray.rawValue]
      case .capacityPflopsFP16: pflops
      case .trainingCapacityH100e: byRole[FleetRole.training.rawValue]
      case .inferenceCapacityH100e: byRole[FleetRole.inference.rawValue]
      case .unmetDemandH100e: backlog.reduce(0, +)
      case .inventoryNvidiaUnits: Double(nvidiaInventory)
      case .legalImportUnits: Double(period.legal)
      case .grayArrivedUnits: Double(period.grayArrived)
      case .graySeizedUnits: Double(period.graySeized)
      case .domesticWaferStarts: Double(period.waferStarts)
      case .domesticGoodDies: Double(period.goodDies)
      case .domesticPackages: Double(period.packages)
      case .domesticYield: currentYield(month: month)
      case .hbmStacksRemaining: Double(hbmStacks)
      case .dieBankRemaining: Double(dieBank)
      case .failedUnits: Double(period.failed)
      case .retiredUnits: Double(period.retired)
      }
    })
  }
}
