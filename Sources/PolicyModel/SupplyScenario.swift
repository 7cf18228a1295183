import Foundation
import Stochastic

/// Everything one replication of the supply-chain model needs: the calendar, the chips, the
/// dated policies and each supply route, with every uncertain value a ``Parameter``.
public struct SupplyScenario: Sendable {
  /// First day of the simulation (day 0).
  public let start: Date
  /// Number of monthly report periods.
  public let months: Int
  /// Day (from the start) each month begins, `months + 1` entries, the last being the horizon.
  public let monthStartDays: [Double]
  public let chips: [ChipSKU]
  public let policies: [PolicyEvent]
  /// Units on hand at day 0 (installed, and undeployed inventory), counted as the stockpile.
  public let stockpile: [StockpileEntry]
  public let demand: Demand
  public let utilisation: Utilisation
  public let legalImports: [ImportChannel]
  public let grayMarket: [GrayChannel]
  public let gaming: [GamingChannel]
  public let domestic: DomesticIndustry?
  public let fleet: FleetParameters
  /// The outcomes recorded at each report date, in column order (see ``MetricLayout``).
  public let metrics: MetricLayout
  /// Catalog index of each SKU id.
  let skuIndex: [String: Int]
  /// Each domestic vendor's products and dies, worked out once.
  let vendorLayouts: [DomesticState.Layout]
  /// The first SKU the scenario names that the catalog lacks, if any.
  private(set) var unknownSKU: (place: String, sku: String)?

  public init(
    start: Date, months: Int, chips: [ChipSKU] = ChipCatalog.standard, policies: [PolicyEvent] = [],
    stockpile: [StockpileEntry] = [], demand: Demand, utilisation: Utilisation = Utilisation(),
    legalImports: [ImportChannel] = [], grayMarket: [GrayChannel] = [], gaming: [GamingChannel] = [],
    domestic: DomesticIndustry? = nil, fleet: FleetParameters = FleetParameters()
  ) {
    self.start = start
    self.months = months
    monthStartDays = (0...months).map { month in
      UTCCalendar.date(byAddingMonths: month, to: start).timeIntervalSince(start) / 86_400
    }
    self.chips = chips
    self.policies = policies
    self.stockpile = stockpile
    self.demand = demand
    self.utilisation = utilisation
    self.legalImports = legalImports
    self.grayMarket = grayMarket
    self.gaming = gaming
    self.domestic = domestic
    self.fleet = fleet
    metrics = MetricLayout(
      vendors: domestic?.vendors.map(\.name) ?? [],
      products: domestic?.vendors.flatMap { $0.products.map(\.sku) } ?? [])
    let skuIndex = Dictionary(chips.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.skuIndex = skuIndex
    var layouts: [DomesticState.Layout] = []
    for vendor in domestic?.vendors ?? [] {
      layouts.append(
        DomesticState.Layout(
          vendor: vendor, chips: chips, skuIndex: skuIndex, firstProductNumber: layouts.reduce(0) { $0 + $1.products.count }))
    }
    vendorLayouts = layouts
    unknownSKU = nil
    unknownSKU = skuReferences.first { skuIndex[$0.sku] == nil }
  }

  /// The names of ``metrics``, in column order.
  public var metricNames: [String] { metrics.names }

  /// Every SKU the scenario names, with a description of where (for error messages).
  public var skuReferences: [(place: String, sku: String)] {
    var named = stockpile.map { ("stockpile", $0.sku) }
    named += legalImports.map { ("legal import channel", $0.sku) }
    named += grayMarket.flatMap { channel in channel.mix.map { ("gray channel \(channel.name)", $0.sku) } }
    named += gaming.map { ("gaming channel", $0.sku) }
    named += utilisation.skuEfficiency.map { ("efficiency", $0.sku) }
    for vendor in domestic?.vendors ?? [] {
      named += vendor.products.map { ("\(vendor.name) products", $0.sku) }
    }
    return named.map { (place: $0.0, sku: $0.1) }
  }
}

/// Units of one SKU held at the start.
public struct StockpileEntry: Sendable {
  public let sku: String
  public let installed: Parameter
  public let inventory: Parameter
  /// Mean age of the installed units at the start, years (for retirement).
  public let ageYears: Parameter

  public init(sku: String, installed: Parameter, inventory: Parameter, ageYears: Parameter = .fixed(0)) {
    self.sku = sku
    self.installed = installed
    self.inventory = inventory
    self.ageYears = ageYears
  }
}

/// Hardware attrition and retirement of deployed chips, drawn per cohort.
public struct FleetParameters: Sendable {
  /// Permanent failures, fraction of deployed units per year (the fleet-wide hazard).
  public let failureRatePerYear: Parameter
  /// Coefficient of variation of a cohort's own hazard around the fleet-wide one (each cohort
  /// draws a Gamma multiplier with mean 1).
  public let cohortHazardSpread: Double
  /// Hazard multipliers: gray-market units (no vendor support), converted gaming cards
  /// (hand-resoldered, blower-cooled) and used units bought second-hand.
  public let grayHazardMultiplier: Parameter
  public let gamingHazardMultiplier: Parameter
  public let usedHazardMultiplier: Parameter
  /// Mean service life before retirement, years; nil: chips are never retired.
  public let meanLifetimeYears: Parameter?
  /// Spread of cohort lifetimes around the mean, years (normal, clamped at 2 years).
  public let lifetimeSDYears: Double

  public init(
    failureRatePerYear: Parameter = .fixed(0), cohortHazardSpread: Double = 0,
    grayHazardMultiplier: Parameter = .fixed(1), gamingHazardMultiplier: Parameter = .fixed(1),
    usedHazardMultiplier: Parameter = .fixed(1), meanLifetimeYears: Parameter? = nil,
    lifetimeSDYears: Double = 1.5
  ) {
    self.failureRatePerYear = failureRatePerYear
    self.cohortHazardSpread = cohortHazardSpread
    self.grayHazardMultiplier = grayHazardMultiplier
    self.gamingHazardMultiplier = gamingHazardMultiplier
    self.usedHazardMultiplier = usedHazardMultiplier
    self.meanLifetimeYears = meanLifetimeYears
    self.lifetimeSDYears = lifetimeSDYears
  }
}
