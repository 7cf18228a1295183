import DiscreteEvent
import Foundation
import Stochastic

/// The supply-chain model of one replication, driven by the discrete-event engine.
///
/// Time is in days from the scenario start. Policy events fire on their dates (before
/// anything else that day); import and smuggling lots arrive at their own instants; wafer
/// lots leave the fab after their cycle time; cohorts retire at the end of their lifetime;
/// and at each month end chips are packaged, fail, are deployed against demand, and the
/// outcomes are recorded.
struct SupplyChainModel: EventHandler {
  enum Event {
    case policy(Int)
    case monthStart(Int)
    /// A legal lot reaching export review; `approvalDraw` is its uniform for a licence.
    case legalLot(channel: Int, units: Int, approvalDraw: Double)
    case licenceDecision(channel: Int, units: Int, approvalDraw: Double)
    /// A gray-market lot at the border; seized when `seizureDraw` < the seizure probability.
    case grayLot(channel: Int, sku: Int, units: Int, seizureDraw: Double)
    case wafersOut(sku: Int, goodDies: Int)
    case retirement(cohort: Int)
    case monthEnd(Int)
  }

  static let policyPriority = EventPriority(rawValue: -300)
  static let monthEndPriority = EventPriority(rawValue: -200)
  static let monthStartPriority = EventPriority(rawValue: -100)

  let scenario: SupplyScenario
  let monthStartDays: [Double]
  let parameters: DrawnParameters
  let streams: ModelStreams
  let skuIndex: [String: Int]
  /// Lot-size distribution of each channel (nil when it carries nothing).
  let legalLotSize: [Distribution?]
  let grayLotSize: [Distribution?]
  /// Which SKU of its mix a gray lot carries (nil for a single-SKU channel).
  let grayMixTable: [Distribution?]
  var regime = ExportRegime()
  /// The regime's verdict for each SKU, nil when China blocks it; refreshed on every policy
  /// event so lots need no lookups.
  var legalStatus: [ExportDecision.Verdict?]
  /// SKU index of each legal channel, and of each gray channel's mix entries.
  let legalSKU: [Int]
  let graySKUs: [[Int]]
  var grayMarketMultiplier = 1.0
  /// Undeployed units, `inventory[source][sku]`.
  var inventory: [[Int]]
  var fleet: Fleet
  var ledger: ConservationLedger
  var backlog: [Double] = [0, 0]  // by FleetRole
  var dieStock: [Int]  // fab dies by SKU
  var dieBank: Int
  var hbmStacks: Int
  var period = PeriodCounts()
  var result: ReplicationResult

  struct PeriodCounts {
    var legal = 0, grayArrived = 0, graySeized = 0, waferStarts = 0, goodDies = 0, packages = 0
    var failed = 0, retired = 0
  }

  init(scenario: SupplyScenario, seed: UInt64, replication: Int) {
    self.scenario = scenario
    monthStartDays = scenario.monthStartDays
    let parameters = DrawnParameters(scenario: scenario, seed: seed, replication: replication)
    self.parameters = parameters
    streams = ModelStreams(seed: seed, replication: replication)
    let skuIndex = Dictionary(uniqueKeysWithValues: scenario.chips.enumerated().map { ($1.id, $0) })
    self.skuIndex = skuIndex
    legalSKU = scenario.legalImports.map { skuIndex[$0.sku]! }
    graySKUs = scenario.grayMarket.map { $0.mix.map { skuIndex[$0.sku]! } }
    legalStatus = scenario.chips.map { ExportRegime().verdict(for: $0) }
    legalLotSize = zip(scenario.legalImports, parameters.legalMonthlyUnits).map {
      Self.lotSize(monthlyUnits: $1, lotsPerMonth: $0.lotsPerMonth, sigma: $0.lotSizeSigma)
    }
    grayLotSize = zip(scenario.grayMarket, parameters.grayMonthlyUnits).map {
      Self.lotSize(monthlyUnits: $1, lotsPerMonth: $0.lotsPerMonth, sigma: $0.lotSizeSigma)
    }
    grayMixTable = scenario.grayMarket.map { channel in
      channel.mix.count < 2
        ? nil
        : try? .discrete(values: channel.mix.indices.map(Double.init), weights: channel.mix.map(\.weight))
    }
    let skuCount = scenario.chips.count
    inventory = Array(repeating: Array(repeating: 0, count: skuCount), count: SupplySource.allCases.count)
    ledger = ConservationLedger(skuCount: skuCount)
    fleet = Fleet(skuCount: skuCount)
    dieStock = Array(repeating: 0, count: skuCount)
    dieBank = parameters.dieBank
    hbmStacks = parameters.hbmStacks
    result = ReplicationResult(
      values: [], stockpileDepletedDay: nil, cumulativeDomesticPackages: 0,
      cumulativeGrayUnits: 0, draws: parameters.record)
  }

  /// Lognormal lot sizes with mean `monthlyUnits / lotsPerMonth` and log-scale spread `sigma`.
  private static func lotSize(monthlyUnits: Double, lotsPerMonth: Double, sigma: Double) -> Distribution? {
    guard monthlyUnits > 0, lotsPerMonth > 0 else { return nil }
    let mean = monthlyUnits / lotsPerMonth
    return sigma > 0 ? try? .lognormal(median: mean * exp(-sigma * sigma / 2), sigma: sigma) : .fixed(mean)
  }

  /// Runs the replication to the last report date and checks conservation.
  mutating func run() throws -> ReplicationResult {
    var simulation = Simulation<Event>()
    // In date order (ties as listed), so rules dated before the start stack as they did.
    let inDateOrder = scenario.policies.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
    for (index, policy) in inDateOrder {
      let day = policy.date.timeIntervalSince(scenario.start) / 86_400
      if day <= 0 { applyPolicy(index) } else {
        simulation.schedule(.policy(index), at: day, priority: Self.policyPriority)
      }
    }
    deployStockpile(in: &simulation)
    simulation.schedule(.monthStart(0), at: 0, priority: Self.monthStartPriority)
    try simulation.run(until: monthStartDays[scenario.months], handler: &self)
    result.eventsFired = simulation.eventsFired
    let deployed = scenario.chips.indices.map { fleet.deployed(sku: $0) }
    let held = scenario.chips.indices.map { sku in inventory.reduce(0) { $0 + $1[sku] } }
    try ledger.check(inventory: held, deployed: deployed, skuIDs: scenario.chips.map(\.id))
    return result
  }

  mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) throws {
    switch event {
    case .policy(let index):
      applyPolicy(index)
    case .monthStart(let month):
      startMonth(month, in: &simulation)
    case .legalLot(let channel, let units, let draw):
      receiveLegalLot(channel: channel, units: units, approvalDraw: draw, in: &simulation)
    case .licenceDecision(let channel, let units, let draw):
      decideLicence(channel: channel, units: units, approvalDraw: draw)
    case .grayLot(let channel, let sku, let units, let draw):
      receiveGrayLot(channel: channel, sku: sku, units: units, seizureDraw: draw)
    case .wafersOut(let sku, let goodDies):
      dieStock[sku] += goodDies
      period.goodDies += goodDies
    case .retirement(let cohort):
      let sku = fleet.cohorts[cohort].cell.sku
      let retired = fleet.retire(cohort: cohort)
      ledger.retired[sku] += retired
      period.retired += retired
    case .monthEnd(let month):
      endMonth(month, day: simulation.now, in: &simulation)
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
    let start = monthStartDays[month], length = monthStartDays[month + 1] - start
    scheduleLegalLots(start: start, length: length, in: &simulation)
    scheduleGrayLots(start: start, length: length, in: &simulation)
    startWafers(month: month, day: start, in: &simulation)
    simulation.schedule(.monthEnd(month), at: monthStartDays[month + 1], priority: Self.monthEndPriority)
  }

  private mutating func endMonth(_ month: Int, day: Double, in simulation: inout Simulation<Event>) {
    packageDies(month: month)
    failFleet()
    deploy(month: month, day: day, in: &simulation)
    record(month: month, day: day)
    period = PeriodCounts()
  }

  // MARK: - Shared helpers

  /// The calendar date `day` days after the start.
  func date(atDay day: Double) -> Date { scenario.start.addingTimeInterval(day * 86_400) }

  mutating func arrive(_ units: Int, sku: Int, source: SupplySource) {
    inventory[source.rawValue][sku] += units
    ledger.arrived[sku] += units
  }
}
