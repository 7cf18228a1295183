import DiscreteEvent
import Foundation
import Stochastic

/// The supply-chain model of one replication, driven by the discrete-event engine.
///
/// Time is in days from the scenario start. Policy events fire on their dates (before
/// anything else that day); import, smuggling and gaming lots arrive at their own instants;
/// wafer lots leave the fab after their cycle time; HBM deliveries land on their dates; and at
/// each month end the fleet ages, dies are packaged, chips are deployed up to the demand
/// target, and the outcomes are recorded.
struct SupplyChainModel: EventHandler {
  enum Event {
    case policy(Int)
    case monthStart(Int)
    case legalLot(LegalLot)
    case licenceDecision(LegalLot)
    case grayLot(GrayLot)
    case gamingLot(GamingLot)
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
  let lots: LotSources
  /// Gamma(1/cv², cv²) with mean 1: a cohort's hazard relative to the fleet's (nil: cv = 0).
  let cohortHazard: Distribution?
  var regime = ExportRegime()
  /// The regime's verdict for each SKU, nil when China blocks it; refreshed on every policy
  /// event so lots need no lookups.
  var legalStatus: [ExportDecision.Verdict?]
  var grayMarketMultiplier = 1.0
  var inventory = Inventory()
  var fleet = Fleet()
  var vendors: [DomesticState]
  var ledger: ConservationLedger
  var demandTarget = 0.0
  /// The month under way (set at each month start).
  var currentMonth = 0
  var period: PeriodCounts
  var result: ReplicationResult

  init(scenario: SupplyScenario, seed: UInt64, replication: Int) {
    self.scenario = scenario
    monthStartDays = scenario.monthStartDays
    draws = KeyedDraws(master: seed, replication: replication)
    let parameters = DrawnParameters(scenario: scenario, draws: draws)
    self.parameters = parameters
    let skuIndex = Dictionary(uniqueKeysWithValues: scenario.chips.enumerated().map { ($1.id, $0) })
    self.skuIndex = skuIndex
    lots = LotSources(scenario: scenario, parameters: parameters, skuIndex: skuIndex)
    let spread = scenario.fleet.cohortHazardSpread
    cohortHazard = spread > 0 ? try? .gamma(shape: 1 / (spread * spread), scale: spread * spread) : nil
    legalStatus = scenario.chips.map { ExportRegime().verdict(for: $0) }
    var vendors: [DomesticState] = []
    for (index, vendor) in (scenario.domestic?.vendors ?? []).enumerated() {
      let drawn = parameters.domestic!.vendors[index]
      vendors.append(
        DomesticState(
          vendor: vendor, chips: scenario.chips, firstProductNumber: vendors.reduce(0) { $0 + $1.products.count },
          bank: drawn.dieBank, hbmStacks: drawn.hbmStacks))
    }
    self.vendors = vendors
    ledger = ConservationLedger(skuCount: scenario.chips.count, vendors: vendors)
    period = PeriodCounts(metrics: scenario.metrics)
    result = ReplicationResult(
      values: [], stockpileDepletedDay: nil, cumulativeDomesticPackages: 0, cumulativeGrayUnits: 0,
      draws: parameters.record)
    result.values.reserveCapacity(scenario.months)
  }

  /// Runs the replication to the last report date and checks conservation.
  mutating func run() throws -> ReplicationResult {
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
    try simulation.run(until: monthStartDays[scenario.months], handler: &self)
    result.eventsFired = simulation.eventsFired
    try ledger.check(inventory: inventory, fleet: fleet, vendors: vendors, skuIDs: scenario.chips.map(\.id))
    return result
  }

  mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) throws {
    switch event {
    case .policy(let index):
      applyPolicy(index)
    case .monthStart(let month):
      startMonth(month, in: &simulation)
    case .legalLot(let lot):
      receiveLegalLot(lot, in: &simulation)
    case .licenceDecision(let lot):
      decideLicence(lot)
    case .grayLot(let lot):
      receiveGrayLot(lot)
    case .gamingLot(let lot):
      receiveGamingLot(lot)
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

  private mutating func applyPolicy(_ index: Int) {
    if let multiplier = parameters.grayMarketMultiplier[index] {
      grayMarketMultiplier = multiplier
    } else {
      regime.apply(scenario.policies[index])
      legalStatus = scenario.chips.map { regime.isBlockedByChina($0) == nil ? regime.verdict(for: $0) : nil }
    }
  }

  private mutating func startMonth(_ month: Int, in simulation: inout Simulation<Event>) {
    currentMonth = month
    let start = monthStartDays[month], length = monthStartDays[month + 1] - start
    scheduleLegalLots(month: month, start: start, length: length, in: &simulation)
    scheduleGrayLots(month: month, start: start, length: length, in: &simulation)
    scheduleGamingLots(month: month, start: start, length: length, in: &simulation)
    startWafers(month: month, day: start, in: &simulation)
    simulation.schedule(.monthEnd(month), at: monthStartDays[month + 1], priority: Self.monthEndPriority)
  }

  private mutating func endMonth(_ month: Int, day: Double) {
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
  mutating func arrive(_ units: Int, sku: Int, source: SupplySource, lot: Int = -1, ageDays: Double = 0) {
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
    period.acquired(units, source: source, h100e: Double(units) * scenario.chips[sku].h100Equivalents)
  }
}
