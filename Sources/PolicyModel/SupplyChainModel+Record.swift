import Foundation

/// The monthly record: capacity by source in effective and paper terms, demand, inventory,
/// flows, and the domestic industry by vendor and product.
extension SupplyChainModel {
  /// Delivered capacity per paper H100e of SKU `sku` in training and in inference on `day`,
  /// and the share of its units in training.
  func efficiency(sku: Int, day: Double) -> (training: Double, inference: Double, trainingShare: Double) {
    let own = parameters.skuEfficiency[sku]
    switch skus.use[sku] {
    case .domestic:
      let domestic = parameters.domestic
      return (
        own.training * (domestic?.trainingEfficiency.value(atDay: day) ?? 1), own.inference * (domestic?.inferenceEfficiency ?? 1),
        parameters.domesticTrainingShare.value(atDay: day)
      )
    case .consumer: return (own.training, own.inference, parameters.consumerTrainingShare)
    case .importedDatacenter: return (own.training, own.inference, parameters.importedTrainingShare)
    }
  }

  /// Each source with its effective, paper and 8-bit paper capacity outcomes.
  static let bySource: [(SupplySource, Outcome, Outcome, Outcome)] = [
    (.stockpile, .capacityStockpile, .paperStockpile, .paper8BitStockpile),
    (.legal, .capacityLegal, .paperLegal, .paper8BitLegal),
    (.gray, .capacityGray, .paperGray, .paper8BitGray),
    (.gaming, .capacityGaming, .paperGaming, .paper8BitGaming),
    (.domestic, .capacityDomestic, .paperDomestic, .paper8BitDomestic),
  ]

  /// Each source of acquisitions with its units and H100e flow outcomes.
  static let acquired: [(SupplySource, Outcome, Outcome)] = [
    (.legal, .acquiredUnitsLegal, .acquiredH100eLegal), (.gray, .acquiredUnitsGray, .acquiredH100eGray),
    (.gaming, .acquiredUnitsGaming, .acquiredH100eGaming), (.domestic, .acquiredUnitsDomestic, .acquiredH100eDomestic),
  ]

  func record(month: Int, day: Double) {
    let layout = scenario.metrics, skuCount = skus.h100e.count, sources = SupplySource.allCases
    var row = [Double](repeating: 0, count: layout.names.count)
    var effective = [Double](repeating: 0, count: sources.count)
    var paper = effective, paper8 = effective
    var training = 0.0, inference = 0.0
    for sku in 0..<skuCount {
      var total = 0
      for source in sources { total += deployedUnits[source.index * skuCount + sku] }
      guard total > 0 else { continue }
      let (train, infer, share) = efficiency(sku: sku, day: day)
      let perUnit = skus.h100e[sku], trainingPerUnit = perUnit * share * train, inferencePerUnit = perUnit * (1 - share) * infer
      for source in sources {
        let units = deployedUnits[source.index * skuCount + sku]
        guard units > 0 else { continue }
        let count = Double(units)
        effective[source.index] += count * (trainingPerUnit + inferencePerUnit)
        paper[source.index] += count * perUnit
        paper8[source.index] += count * skus.h100e8Bit[sku]
        training += count * trainingPerUnit
        inference += count * inferencePerUnit
        if source == .domestic, let vendor = skus.vendor[sku] {
          row[layout.column(.capacityH100e, vendor: vendor)] += count * (trainingPerUnit + inferencePerUnit)
        }
      }
    }
    for (source, capacity, paperOutcome, paper8Outcome) in Self.bySource {
      row[capacity.column] = effective[source.index]
      row[paperOutcome.column] = paper[source.index]
      row[paper8Outcome.column] = paper8[source.index]
    }
    row[Outcome.capacityH100e.column] = effective.reduce(0, +)
    row[Outcome.trainingCapacityH100e.column] = training
    row[Outcome.inferenceCapacityH100e.column] = inference
    row[Outcome.paperH100e.column] = paper.reduce(0, +)
    row[Outcome.paper8Bit.column] = paper8.reduce(0, +)
    row[Outcome.demandTargetH100e.column] = demandTarget
    row[Outcome.unmetDemandH100e.column] = max(0, demandTarget - installedPaper)
    row[Outcome.deployedH100e.column] = period.deployedH100e
    for entry in inventory.entries {
      row[Outcome.inventoryUnits.column] += Double(entry.units)
      row[Outcome.inventoryH100e.column] += Double(entry.units) * skus.h100e[entry.sku]
    }
    for (source, unitsOutcome, h100eOutcome) in Self.acquired {
      row[unitsOutcome.column] = Double(period.acquiredUnits[source.index])
      row[h100eOutcome.column] = period.acquiredH100e[source.index]
    }
    row[Outcome.graySeizedUnits.column] = Double(period.graySeized)
    row[Outcome.legalCancelledUnits.column] = Double(period.legalCancelled)
    row[Outcome.failedUnits.column] = Double(period.failed)
    row[Outcome.retiredUnits.column] = Double(period.retired)
    recordDomestic(into: &row, month: month)
    result.values.append(row)
  }

  private func recordDomestic(into row: inout [Double], month: Int) {
    let layout = scenario.metrics
    let mixDay = monthStartDays[month]
    for (vendor, state) in vendors.enumerated() {
      for (index, product) in state.products.enumerated() {
        let counts = period.product[product.number]
        row[layout.column(.waferStarts, product: product.number)] = counts.waferStarts
        row[layout.column(.diesMade, product: product.number)] = Double(counts.diesMade)
        row[layout.column(.diesUsed, product: product.number)] = Double(counts.diesUsed)
        row[layout.column(.bankDies, product: product.number)] = Double(counts.bankDies)
        row[layout.column(.packages, product: product.number)] = Double(counts.packages)
        row[layout.column(.yield, product: product.number)] = dieYield(vendor: vendor, product: index, day: mixDay)
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
