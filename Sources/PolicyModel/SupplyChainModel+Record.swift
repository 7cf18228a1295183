import Foundation

/// The monthly record: capacity by source in effective and paper terms, demand, inventory,
/// flows, and the domestic industry by vendor and product.
extension SupplyChainModel {
  /// Delivered capacity per paper H100e of each SKU in training and in inference on `day`, and
  /// the share of its units in training.
  func efficiencies(day: Double) -> [(training: Double, inference: Double, trainingShare: Double)] {
    let domestic = parameters.domestic
    let softwareTraining = domestic?.trainingEfficiency.value(atDay: day) ?? 1
    let softwareInference = domestic?.inferenceEfficiency ?? 1
    let domesticShare = parameters.domesticTrainingShare.value(atDay: day)
    return scenario.chips.enumerated().map { sku, chip in
      let own = parameters.skuEfficiency[sku]
      switch (chip.origin, chip.market) {
      case (.domestic, _): return (own.training * softwareTraining, own.inference * softwareInference, domesticShare)
      case (.foreign, .consumer): return (own.training, own.inference, parameters.consumerTrainingShare)
      case (.foreign, .datacenter): return (own.training, own.inference, parameters.importedTrainingShare)
      }
    }
  }

  mutating func record(month: Int, day: Double) {
    let layout = scenario.metrics, chips = scenario.chips
    var row = [Double](repeating: 0, count: layout.names.count)
    func set(_ outcome: Outcome, _ value: Double) { row[outcome.column] = value }
    let units = fleet.units(sources: SupplySource.allCases.count, skus: chips.count)
    let efficiency = efficiencies(day: day)
    var effective = [Double](repeating: 0, count: SupplySource.allCases.count)
    var paper = effective, paper8 = effective
    var training = 0.0, inference = 0.0
    var vendorCapacity = [Double](repeating: 0, count: layout.vendors.count)
    for source in SupplySource.allCases {
      for (sku, chip) in chips.enumerated() where units[source.index][sku] > 0 {
        let count = Double(units[source.index][sku])
        let (train, infer, share) = efficiency[sku]
        let trainingPart = count * chip.h100Equivalents * share * train
        let inferencePart = count * chip.h100Equivalents * (1 - share) * infer
        effective[source.index] += trainingPart + inferencePart
        training += trainingPart
        inference += inferencePart
        paper[source.index] += count * chip.h100Equivalents
        paper8[source.index] += count * chip.h100Equivalents8Bit
        if source == .domestic, let vendor = layout.vendors.firstIndex(of: chip.vendor) {
          vendorCapacity[vendor] += trainingPart + inferencePart
        }
      }
    }
    let bySource: [(SupplySource, Outcome, Outcome, Outcome)] = [
      (.stockpile, .capacityStockpile, .paperStockpile, .paper8BitStockpile),
      (.legal, .capacityLegal, .paperLegal, .paper8BitLegal),
      (.gray, .capacityGray, .paperGray, .paper8BitGray),
      (.gaming, .capacityGaming, .paperGaming, .paper8BitGaming),
      (.domestic, .capacityDomestic, .paperDomestic, .paper8BitDomestic),
    ]
    for (source, capacity, paperOutcome, paper8Outcome) in bySource {
      set(capacity, effective[source.index])
      set(paperOutcome, paper[source.index])
      set(paper8Outcome, paper8[source.index])
    }
    set(.capacityH100e, effective.reduce(0, +))
    set(.trainingCapacityH100e, training)
    set(.inferenceCapacityH100e, inference)
    set(.paperH100e, paper.reduce(0, +))
    set(.paper8Bit, paper8.reduce(0, +))
    set(.demandTargetH100e, demandTarget)
    set(.unmetDemandH100e, max(0, demandTarget - paper.reduce(0, +)))
    set(.deployedH100e, period.deployedH100e)
    for entry in inventory.entries {
      row[Outcome.inventoryUnits.column] += Double(entry.units)
      row[Outcome.inventoryH100e.column] += Double(entry.units) * chips[entry.sku].h100Equivalents
    }
    let acquired: [(SupplySource, Outcome, Outcome)] = [
      (.legal, .acquiredUnitsLegal, .acquiredH100eLegal), (.gray, .acquiredUnitsGray, .acquiredH100eGray),
      (.gaming, .acquiredUnitsGaming, .acquiredH100eGaming), (.domestic, .acquiredUnitsDomestic, .acquiredH100eDomestic),
    ]
    for (source, unitsOutcome, h100eOutcome) in acquired {
      set(unitsOutcome, Double(period.acquiredUnits[source.index]))
      set(h100eOutcome, period.acquiredH100e[source.index])
    }
    set(.graySeizedUnits, Double(period.graySeized))
    set(.legalCancelledUnits, Double(period.legalCancelled))
    set(.failedUnits, Double(period.failed))
    set(.retiredUnits, Double(period.retired))
    recordDomestic(into: &row, vendorCapacity: vendorCapacity, month: month, day: day)
    result.values.append(row)
  }

  private func recordDomestic(into row: inout [Double], vendorCapacity: [Double], month: Int, day: Double) {
    let layout = scenario.metrics
    let mixDay = monthStartDays[month]
    for (vendor, state) in vendors.enumerated() {
      row[layout.column(.capacityH100e, vendor: vendor)] = vendorCapacity[vendor]
      for (index, product) in state.products.enumerated() {
        let counts = period.product[product.number]
        let values: [(ProductOutcome, Double)] = [
          (.waferStarts, counts.waferStarts), (.diesMade, Double(counts.diesMade)), (.diesUsed, Double(counts.diesUsed)),
          (.bankDies, Double(counts.bankDies)), (.packages, Double(counts.packages)),
          (.yield, dieYield(vendor: vendor, product: index, day: mixDay)),
        ]
        for (outcome, value) in values { row[layout.column(outcome, product: product.number)] = value }
        row[layout.column(.diesMade, vendor: vendor)] += Double(counts.diesMade)
        row[layout.column(.diesUsed, vendor: vendor)] += Double(counts.diesUsed)
        row[layout.column(.packages, vendor: vendor)] += Double(counts.packages)
        row[Outcome.waferStarts.column] += counts.waferStarts
        row[Outcome.diesMade.column] += Double(counts.diesMade)
        row[Outcome.diesUsed.column] += Double(counts.diesUsed)
        row[Outcome.bankDiesUsed.column] += Double(counts.bankDies)
        row[Outcome.packages.column] += Double(counts.packages)
      }
      row[Outcome.dieBankRemaining.column] += Double(state.bank)
      row[Outcome.hbmStacksRemaining.column] += Double(state.hbm.reduce(0, +))
    }
    row[Outcome.strandedDies.column] = Double(strandedDies(day: mixDay))
    row[Outcome.smicWaferStarts.column] = parameters.domestic?.waferStarts.value(atDay: mixDay) ?? 0
  }
}
