import DiscreteEvent
import Foundation
import Stochastic

/// The supply-chain model of one replication, driven by the discrete-event engine.
///
/// Time is in days from the scenario start. Each month: policy events fire on their dates
/// (first), import and smuggling lots arrive at their own instants, wafer lots leave the fab
/// after their cycle time, and at month end chips are packaged, fail, are deployed against
/// demand, and the outcomes are recorded.
struct SupplyChainModel: EventHandler {
  enum Event {
    case policy(Int)
    case monthStart(Int)
    case legalLot(channel: Int, units: Int)
    case licenceDecision(channel: Int, units: Int)
    case grayLot(channel: Int, units: Int)
    case wafersOut(goodDies: Int)
    case monthEnd(Int)
  }

  /// Units by where they came from, for the capacity split by source.
  enum Source: Int, CaseIterable { case nvidia, gray, domestic }

  static let policyPriority = EventPriority(rawValue: -300)
  static let monthEndPriority = EventPriority(rawValue: -200)
  static let monthStartPriority = EventPriority(rawValue: -100)

  let scenario: SupplyScenario
  let monthStartDays: [Double]
  let parameters: DrawnParameters
  let streams: ModelStreams
  var regime = ExportRegime()
  var inventory: [[Int]]  // [source][sku]
  var deployed: [[Int]]
  var ledger: ConservationLedger
  var backlogH100e = 0.0
  var dieStock = 0
  var dieBank: Int
  var hbmStacks: Int
  var period = PeriodCounts()
  var result: ReplicationResult

  struct PeriodCounts {
    var legal = 0, grayArrived = 0, graySeized = 0, goodDies = 0, packages = 0, failed = 0
  }

  init(scenario: SupplyScenario, seed: UInt64, replication: Int) {
    self.scenario = scenario
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    monthStartDays = (0...scenario.months).map { month in
      calendar.date(byAdding: .month, value: month, to: scenario.start)!
        .timeIntervalSince(scenario.start) / 86_400
    }
    parameters = DrawnParameters(scenario: scenario, seed: seed, replication: replication)
    streams = ModelStreams(seed: seed, replication: replication)
    let skuCount = scenario.chips.count
    inventory = Array(repeating: Array(repeating: 0, count: skuCount), count: Source.allCases.count)
    deployed = inventory
    ledger = ConservationLedger(skuCount: skuCount)
    dieBank = parameters.dieBank
    hbmStacks = parameters.hbmStacks
    result = ReplicationResult(
      values: [], stockpileDepletedDay: nil, cumulativeDomesticPackages: 0,
      cumulativeGrayUnits: 0, draws: parameters.record)
    for (index, entry) in scenario.stockpile.enumerated() {
      let sku = skuIndex(entry.sku)
      deployed[Source.nvidia.rawValue][sku] += parameters.installed[index]
      inventory[Source.nvidia.rawValue][sku] += parameters.inventory[index]
      ledger.initial[sku] += parameters.installed[index] + parameters.inventory[index]
    }
  }

  /// Runs the replication to the last report date and checks conservation.
  mutating func run() throws -> ReplicationResult {
    var simulation = Simulation<Event>()
    for (index, policy) in scenario.policies.enumerated() {
      let day = policy.date.timeIntervalSince(scenario.start) / 86_400
      if day <= 0 { regime.apply(policy) } else {
        simulation.schedule(.policy(index), at: day, priority: Self.policyPriority)
      }
    }
    simulation.schedule(.monthStart(0), at: 0, priority: Self.monthStartPriority)
    try simulation.run(until: monthStartDays[scenario.months], handler: &self)
    try ledger.check(
      inventory: totals(inventory), deployed: totals(deployed), skuIDs: scenario.chips.map(\.id))
    return result
  }

  mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) throws {
    switch event {
    case .policy(let index):
      regime.apply(scenario.policies[index])
    case .monthStart(let month):
      startMonth(month, in: &simulation)
    case .legalLot(let channel, let units):
      receiveLegalLot(channel: channel, units: units, in: &simulation)
    case .licenceDecision(let channel, let units):
      decideLicence(channel: channel, units: units)
    case .grayLot(let channel, let units):
      receiveGrayLot(channel: channel, units: units)
    case .wafersOut(let goodDies):
      dieStock += goodDies
      period.goodDies += goodDies
    case .monthEnd(let month):
      endMonth(month, day: simulation.now)
      if month + 1 < scenario.months {
        simulation.schedule(.monthStart(month + 1), at: simulation.now, priority: Self.monthStartPriority)
      }
    }
  }

  // MARK: - Monthly processes

  private mutating func startMonth(_ month: Int, in simulation: inout Simulation<Event>) {
    let start = monthStartDays[month], length = monthStartDays[month + 1] - start
    for (index, channel) in scenario.legalImports.enumerated() {
      for units in lots(monthlyUnits: parameters.legalMonthlyUnits[index], lotsPerMonth: channel.lotsPerMonth, stream: streams.legal) {
        simulation.schedule(.legalLot(channel: index, units: units), at: start + streams.legal.uniform() * length)
      }
    }
    for (index, channel) in scenario.grayMarket.enumerated() {
      for units in lots(monthlyUnits: parameters.grayMonthlyUnits[index], lotsPerMonth: channel.lotsPerMonth, stream: streams.gray) {
        simulation.schedule(.grayLot(channel: index, units: units), at: start + streams.gray.uniform() * length)
      }
    }
    if let line = parameters.domestic {
      let wafers = Int((line.waferStartsPerMonth * line.aiShare).rounded())
      let gross = WaferGeometry.grossDies(dieAreaMm2: dieArea(of: scenario.domestic!.sku))
      let yield = currentYield(month: month)
      let good = streams.domestic.binomial(trials: wafers * gross, probability: yield)
      simulation.schedule(.wafersOut(goodDies: good), at: start + line.cycleTimeDays)
    }
    simulation.schedule(.monthEnd(month), at: monthStartDays[month + 1], priority: Self.monthEndPriority)
  }

  /// Lot sizes of one month: a Poisson number of lots, each exponential around the mean lot.
  private func lots(monthlyUnits: Double, lotsPerMonth: Double, stream: RandomStream) -> [Int] {
    guard monthlyUnits > 0, lotsPerMonth > 0 else { return [] }
    let count = stream.poisson(mean: lotsPerMonth)
    return (0..<count).map { _ in Int(stream.exponential(mean: monthlyUnits / lotsPerMonth).rounded()) }
  }

  private mutating func receiveLegalLot(channel: Int, units: Int, in simulation: inout Simulation<Event>) {
    let chip = scenario.chips[skuIndex(scenario.legalImports[channel].sku)]
    if regime.isBlockedByChina(chip) != nil {
      ledger.cancelled[skuIndex(chip.id)] += units
      return
    }
    switch regime.exportDecision(for: chip).verdict {
    case .allowed:
      arrive(units, sku: skuIndex(chip.id), source: .nvidia)
      period.legal += units
    case .licenceRequired(_, let delay):
      simulation.schedule(.licenceDecision(channel: channel, units: units), after: delay)
    case .capped, .denied:
      ledger.cancelled[skuIndex(chip.id)] += units
    }
  }

  /// A licence decision: re-checks the regime on the decision day, so a ban that landed while
  /// the lot waited cancels it.
  private mutating func decideLicence(channel: Int, units: Int) {
    let sku = skuIndex(scenario.legalImports[channel].sku)
    let chip = scenario.chips[sku]
    if regime.isBlockedByChina(chip) == nil,
      case .licenceRequired(let probability, _) = regime.exportDecision(for: chip).verdict,
      streams.legal.bernoulli(probability)
    {
      arrive(units, sku: sku, source: .nvidia)
      period.legal += units
    } else {
      ledger.cancelled[sku] += units
    }
  }

  private mutating func receiveGrayLot(channel: Int, units: Int) {
    let sku = skuIndex(scenario.grayMarket[channel].sku)
    if streams.gray.bernoulli(parameters.seizureProbability[channel]) {
      ledger.seized[sku] += units
      period.graySeized += units
    } else {
      arrive(units, sku: sku, source: .gray)
      period.grayArrived += units
      result.cumulativeGrayUnits += units
    }
  }

  private mutating func endMonth(_ month: Int, day: Double) {
    if let line = parameters.domestic, let domestic = scenario.domestic {
      let sku = skuIndex(domestic.sku)
      let chip = scenario.chips[sku]
      let capacity = Int(line.packagingCapacityPerMonth.rounded())
      let packages = Packaging.packages(
        dies: dieStock + dieBank, diesPerPackage: chip.diesPerPackage, hbmStacks: hbmStacks,
        stacksPerPackage: chip.hbmStacksPerPackage, capacity: capacity)
      let dies = packages * chip.diesPerPackage
      let fromFab = min(dies, dieStock)
      dieStock -= fromFab
      dieBank -= dies - fromFab
      hbmStacks -= packages * chip.hbmStacksPerPackage
      arrive(packages, sku: sku, source: .domestic)
      period.packages += packages
      result.cumulativeDomesticPackages += packages
    }
    failFleet()
    deploy(month: month, day: day)
    record(month: month)
    period = PeriodCounts()
  }

  private mutating func failFleet() {
    let probability = 1 - exp(-parameters.failureRatePerYear / 12)
    for source in Source.allCases {
      for sku in scenario.chips.indices where deployed[source.rawValue][sku] > 0 {
        let failures = streams.fleet.binomial(trials: deployed[source.rawValue][sku], probability: probability)
        deployed[source.rawValue][sku] -= failures
        ledger.failed[sku] += failures
        period.failed += failures
      }
    }
  }

  /// Meets this month's demand plus the backlog from inventory: Nvidia (legal, then gray)
  /// first, then domestic.
  private mutating func deploy(month: Int, day: Double) {
    let growth = pow(parameters.demandGrowthPerYear, Double(month) / 12)
    var need = backlogH100e + parameters.demandH100ePerMonth * growth
    for source in [Source.nvidia, .gray, .domestic] {
      for (sku, chip) in scenario.chips.enumerated() where inventory[source.rawValue][sku] > 0 && need > 0 {
        let units = min(inventory[source.rawValue][sku], Int((need / chip.h100Equivalents).rounded(.up)))
        inventory[source.rawValue][sku] -= units
        deployed[source.rawValue][sku] += units
        need -= Double(units) * chip.h100Equivalents
      }
    }
    backlogH100e = max(0, need)
    let nvidiaLeft = inventory[Source.nvidia.rawValue].reduce(0, +) + inventory[Source.gray.rawValue].reduce(0, +)
    if backlogH100e > 0, nvidiaLeft == 0, result.stockpileDepletedDay == nil {
      result.stockpileDepletedDay = day
    }
  }

  private mutating func record(month: Int) {
    func capacity(_ source: Source) -> Double {
      zip(deployed[source.rawValue], scenario.chips).reduce(0) { $0 + Double($1.0) * $1.1.h100Equivalents }
    }
    let pflops = Source.allCases.reduce(0.0) { total, source in
      total + zip(deployed[source.rawValue], scenario.chips).reduce(0) { $0 + Double($1.0) * $1.1.fp16DenseTFLOPS / 1_000 }
    }
    let row: [Outcome: Double] = [
      .capacityH100e: capacity(.nvidia) + capacity(.gray) + capacity(.domestic),
      .capacityH100eNvidia: capacity(.nvidia), .capacityH100eDomestic: capacity(.domestic),
      .capacityH100eGray: capacity(.gray), .capacityPflopsFP16: pflops,
      .unmetDemandH100e: backlogH100e,
      .inventoryNvidiaUnits: Double(inventory[Source.nvidia.rawValue].reduce(0, +) + inventory[Source.gray.rawValue].reduce(0, +)),
      .legalImportUnits: Double(period.legal), .grayArrivedUnits: Double(period.grayArrived),
      .graySeizedUnits: Double(period.graySeized), .domesticGoodDies: Double(period.goodDies),
      .domesticPackages: Double(period.packages),
      .domesticYield: parameters.domestic == nil ? 0 : currentYield(month: month),
      .hbmStacksRemaining: Double(hbmStacks), .dieBankRemaining: Double(dieBank),
      .failedUnits: Double(period.failed),
    ]
    result.values.append(Outcome.allCases.map { row[$0]! })
  }

  // MARK: - Helpers

  private mutating func arrive(_ units: Int, sku: Int, source: Source) {
    inventory[source.rawValue][sku] += units
    ledger.arrived[sku] += units
  }

  private func currentYield(month: Int) -> Double {
    guard let line = parameters.domestic, line.initialYield < line.maximumYield, line.initialYield > 0 else {
      return parameters.domestic.map { min($0.initialYield, $0.maximumYield) } ?? 0
    }
    return YieldCurve.logistic(initial: line.initialYield, maximum: line.maximumYield, ratePerMonth: line.yieldRatePerMonth)
      .yield(afterMonths: Double(month))
  }

  private func skuIndex(_ id: String) -> Int { scenario.chips.firstIndex { $0.id == id }! }

  private func dieArea(of id: String) -> Double {
    let chip = scenario.chips[skuIndex(id)]
    return chip.dieAreaMm2 / Double(chip.diesPerPackage)
  }

  private func totals(_ table: [[Int]]) -> [Int] {
    scenario.chips.indices.map { sku in table.reduce(0) { $0 + $1[sku] } }
  }
}
