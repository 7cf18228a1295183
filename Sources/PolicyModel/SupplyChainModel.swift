import DiscreteEvent
import Foundation
import Stochastic

/// The supply-chain model of one replication, driven by the discrete-event engine. A class:
/// its state is large and every event reads it, so it is never copied; its state is touched by
/// one thread only (one replication per task), so dynamic exclusivity checks are turned off.
///
/// Time is in days from the scenario start. Policy events fire on their dates (before
/// anything else that day); import, smuggling and gaming lots arrive at their own instants;
/// wafer lots leave the fab after their cycle time; HBM deliveries land on their dates; and at
/// each month end the fleet ages, dies are packaged, chips are deployed up to the demand
/// target, and the outcomes are recorded.
final class SupplyChainModel: EventHandler {
  enum Event {
    case policy(Int)
    case monthStart(Int)
    /// Lots by their index in ``lots`` (small events keep the event list fast).
    case legalLot(Int)
    case licenceDecision(Int)
    case grayLot(Int)
    case gamingLot(Int)
    /// Good dies of one product's wafers leave the fab.
    case wafersOut(vendor: Int, product: Int, goodDies: Int)
    case hbmDelivery(vendor: Int, stacks: Int)
    case monthEnd(Int)
  }

  static let policyPriority = EventPriority(rawValue: -300)
  static let monthEndPriority = EventPriority(rawValue: -200)
  static let monthStartPriority = EventPriority(rawValue: -100)

  let scenario: SupplyScenario
  let monthStartDays: [Double]
  let parameters: DrawnParameters
  let draws: KeyedDraws
  let skuIndex: [String: Int]
  let skus: SKUFacts
  let lots: LotSources
  /// Gamma(1/cv², cv²) with mean 1: a cohort's hazard relative to the fleet's (nil: cv = 0).
  let cohortHazard: Distribution?
  @exclusivity(unchecked) var regime = ExportRegime()
  /// The regime's verdict for each SKU, nil when China blocks it; refreshed on every policy
  /// event so lots need no lookups.
  @exclusivity(unchecked) var legalStatus: [ExportDecision.Verdict?]
  @exclusivity(unchecked) var grayMarketMultiplier = 1.0
  /// Every lot created so far, which events name by index.
  @exclusivity(unchecked) var lotBook = LotBook()
  @exclusivity(unchecked) var inventory = Inventory()
  @exclusivity(unchecked) var fleet = Fleet()
  @exclusivity(unchecked) var vendors: [DomesticState]
  @exclusivity(unchecked) var ledger: ConservationLedger
  @exclusivity(unchecked) var demandTarget = 0.0
  /// Units deployed by source and SKU (`source.index * chips.count + sku`), and their paper
  /// H100e, as of the last tally.
  @exclusivity(unchecked) var deployedUnits: [Int]
  @exclusivity(unchecked) var installedPaper = 0.0
  /// Scratch counts by SKU for each month's failures and retirements.
  @exclusivity(unchecked) var failedBySKU: [Int]
  @exclusivity(unchecked) var retiredBySKU: [Int]
  /// Each die's yield curve, by vendor and the vendor's die index.
  let dieYields: [[YieldCurveDrawn?]]
  /// The month under way (set at each month start).
  @exclusivity(unchecked) var currentMonth = 0
  @exclusivity(unchecked) var period: PeriodCounts
  @exclusivity(unchecked) var result: ReplicationResult

  init(scenario: SupplyScenario, seed: UInt64, replication: Int) {
    self.scenario = scenario
    monthStartDays = scenario.monthStartDays
    draws = KeyedDraws(master: seed, replication: replication)
    let parameters = DrawnParameters(scenario: scenario, draws: draws)
    self.parameters = parameters
    let skuIndex = scenario.skuIndex
    self.skuIndex = skuIndex
    skus = SKUFacts(chips: scenario.chips, vendors: scenario.metrics.vendors)
    deployedUnits = Array(repeating: 0, count: SupplySource.allCases.count * scenario.chips.count)
    failedBySKU = Array(repeating: 0, count: scenario.chips.count)
    retiredBySKU = failedBySKU
    lots = LotSources(scenario: scenario, parameters: parameters, skuIndex: skuIndex)
    let spread = scenario.fleet.cohortHazardSpread
    cohortHazard = spread > 0 ? try? .gamma(shape: 1 / (spread * spread), scale: spread * spread) : nil
    legalStatus = scenario.chips.map { ExportRegime().verdict(for: $0) }
    let vendors = scenario.vendorLayouts.enumerated().map { index, layout in
      DomesticState(layout: layout, bank: parameters.domestic!.vendors[index].dieBank, hbmStacks: parameters.domestic!.vendors[index].hbmStacks)
    }
    self.vendors = vendors
    dieYields = vendors.map { state in state.dies.map { parameters.domestic?.yields[$0] } }
    ledger = ConservationLedger(skuCount: scenario.chips.count, vendors: vendors)
    period = PeriodCounts(metrics: scenario.metrics)
    result = ReplicationResult(
      values: [], stockpileDepletedDay: nil, cumulativeDomesticPackages: 0, cumulativeGrayUnits: 0,
      draws: parameters.record)
    result.values.reserveCapacity(scenario.months)
  }

  /// Runs the replication to the last report date and checks conservation.
  func run() throws -> ReplicationResult {
    var simulation = Simulation<Event>()
    // In date order (ties as listed), so rules dated before the start stack as they did.
    let inDateOrder = scenario.policies.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
    for (index, policy) in inDateOrder {
      let day = policy.date.timeIntervalSince(scenario.start) / 86_400
      if day <= 0 { applyPolicy(index) } else { simulation.schedule(.policy(index), at: day, priority: Self.policyPriority) }
    }
    scheduleHBMDeliveries(in: &simulation)
    deployStockpile()
    simulation.schedule(.monthStart(0), at: 0, priority: Self.monthStartPriority)
    var handler = self
    try simulation.run(until: monthStartDays[scenario.months], handler: &handler)
    result.eventsFired = simulation.eventsFired
    try ledger.check(inventory: inventory, fleet: fleet, vendors: vendors, skuIDs: scenario.chips.map(\.id))
    return result
  }

  func handle(_ event: Event, in simulation: inout Simulation<Event>) throws {
    switch event {
    case .policy(let index):
      applyPolicy(index)
    case .monthStart(let month):
      startMonth(month, in: &simulation)
    case .legalLot(let index):
      receiveLegalLot(lotBook.legal[index], index: index, in: &simulation)
    case .licenceDecision(let index):
      decideLicence(lotBook.legal[index])
    case .grayLot(let index):
      receiveGrayLot(lotBook.gray[index])
    case .gamingLot(let index):
      receiveGamingLot(lotBook.gaming[index])
    case .wafersOut(let vendor, let product, let goodDies):
      finishWafers(vendor: vendor, product: product, goodDies: goodDies)
    case .hbmDelivery(let vendor, let stacks):
      vendors[vendor].hbm[HBMSupply.imported.index] += stacks
      ledger.hbmDelivered[vendor] += stacks
    case .monthEnd(let month):
      endMonth(month, day: simulation.now)
      if month + 1 < scenario.months {
        simulation.schedule(.monthStart(month + 1), at: simulation.now, priority: Self.monthStartPriority)
      }
    }
  }

  private func applyPolicy(_ index: Int) {
    if let multiplier = parameters.grayMarketMultiplier[index] {
      grayMarketMultiplier = multiplier
    } else {
      regime.apply(scenario.policies[index])
      legalStatus = scenario.chips.map { regime.isBlockedByChina($0) == nil ? regime.verdict(for: $0) : nil }
    }
  }

  private func startMonth(_ month: Int, in simulation: inout Simulation<Event>) {
    currentMonth = month
    let start = monthStartDays[month], length = monthStartDays[month + 1] - start
    scheduleLegalLots(month: month, start: start, length: length, in: &simulation)
    scheduleGrayLots(month: month, start: start, length: length, in: &simulation)
    scheduleGamingLots(month: month, start: start, length: length, in: &simulation)
    startWafers(month: month, day: start, in: &simulation)
    simulation.schedule(.monthEnd(month), at: monthStartDays[month + 1], priority: Self.monthEndPriority)
  }

  private func endMonth(_ month: Int, day: Double) {
    ageFleet(day: day)
    packageDies(month: month, day: day)
    deploy(month: month, day: day)
    record(month: month, day: day)
    period.reset()
  }

  // MARK: - Shared helpers

  /// The calendar date `day` days after the start.
  func date(atDay day: Double) -> Date { scenario.start.addingTimeInterval(day * 86_400) }

  /// Puts `units` that arrived this month into inventory: ready at the month's end plus the
  /// integration lag (imports) or the CANN migration lag (domestic chips).
  func arrive(_ units: Int, sku: Int, source: SupplySource, lot: Int = -1, ageDays: Double = 0) {
    guard units > 0 else { return }
    let month = currentMonth
    let monthEnd = monthStartDays[month + 1]
    let lagMonths: Double
    switch source {
    case .domestic: lagMonths = parameters.domestic.map { $0.migrationLagMonths.value(atDay: monthEnd) } ?? 0
    case .stockpile, .legal, .gray, .gaming: lagMonths = parameters.integrationLagMonths
    }
    inventory.add(units, source: source, sku: sku, month: month, lot: lot, readyDay: monthEnd + lagMonths * Days.perMonth, ageDays: ageDays)
    ledger.arrived[sku] += units
    period.acquired(units, source: source, h100e: Double(units) * skus.h100e[sku])
  }
}
