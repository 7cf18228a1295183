import Foundation
import Stochastic

/// Everything one replication of the supply-chain model needs, with each uncertain parameter
/// as a ``Distribution`` drawn once per replication from its own named stream.
public struct SupplyScenario: Sendable {
  /// First day of the simulation (day 0).
  public let start: Date
  /// Number of monthly report periods.
  public let months: Int
  /// Day (from the start) each month begins, `months + 1` entries, the last being the horizon.
  public let monthStartDays: [Double]
  public var chips: [ChipSKU]
  public var policies: [PolicyEvent]
  /// Units on hand at day 0, by SKU: already deployed, and undeployed inventory.
  public var stockpile: [StockpileEntry]
  public var demand: Demand
  public var legalImports: [ImportChannel]
  public var grayMarket: [GrayChannel]
  public var domestic: DomesticLine?
  public var fleet: FleetParameters

  public init(
    start: Date, months: Int, chips: [ChipSKU] = ChipCatalog.standard, policies: [PolicyEvent] = [],
    stockpile: [StockpileEntry] = [], demand: Demand, legalImports: [ImportChannel] = [],
    grayMarket: [GrayChannel] = [], domestic: DomesticLine? = nil, fleet: FleetParameters = FleetParameters()
  ) {
    self.start = start
    self.months = months
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    monthStartDays = (0...months).map { month in
      calendar.date(byAdding: .month, value: month, to: start)!.timeIntervalSince(start) / 86_400
    }
    self.chips = chips
    self.policies = policies
    self.stockpile = stockpile
    self.demand = demand
    self.legalImports = legalImports
    self.grayMarket = grayMarket
    self.domestic = domestic
    self.fleet = fleet
  }

  /// Every SKU the scenario names, with the JSON path naming it (`$.legalImports[0].sku`).
  public var skuReferences: [(path: String, sku: String)] {
    var named = stockpile.enumerated().map { ("$.stockpile[\($0.offset)].sku", $0.element.sku) }
    named += legalImports.enumerated().map { ("$.legalImports[\($0.offset)].sku", $0.element.sku) }
    for (index, channel) in grayMarket.enumerated() {
      named += channel.mix.map { ("$.grayMarket.channels[\(index)].mix.\($0.sku)", $0.sku) }
    }
    if let domestic {
      named += domestic.products.enumerated().map { ("$.domestic.products[\($0.offset)].sku", $0.element.sku) }
      named += domestic.dieBankSKUs.enumerated().map { ("$.domestic.dieBankSKUs[\($0.offset)]", $0.element) }
    }
    return named.map { (path: $0.0, sku: $0.1) }
  }
}

/// Units of one SKU held at the start.
public struct StockpileEntry: Sendable {
  public var sku: String
  public var installed: Distribution
  public var inventory: Distribution
  /// Mean age of the installed units at the start, years (for retirement).
  public var ageYears: Distribution

  public init(sku: String, installed: Distribution, inventory: Distribution, ageYears: Distribution = .fixed(0)) {
    self.sku = sku
    self.installed = installed
    self.inventory = inventory
    self.ageYears = ageYears
  }
}

/// New capacity Chinese firms seek each month, split between training and inference.
///
/// Nvidia chips serve training first and domestic chips inference first (the "hybrid"
/// strategy); a chip deployed outside its preferred role delivers `overflowEfficiency` of
/// its capacity.
public struct Demand: Sendable {
  /// H100e sought in the first month.
  public var h100ePerMonth: Distribution
  /// Factor by which monthly demand grows per year.
  public var growthPerYear: Distribution
  /// Share of demand that is for training.
  public var trainingShare: Distribution
  public var overflowEfficiency: Distribution

  public init(
    h100ePerMonth: Distribution, growthPerYear: Distribution = .fixed(1),
    trainingShare: Distribution = .fixed(0.5), overflowEfficiency: Distribution = .fixed(0.8)
  ) {
    self.h100ePerMonth = h100ePerMonth
    self.growthPerYear = growthPerYear
    self.trainingShare = trainingShare
    self.overflowEfficiency = overflowEfficiency
  }
}

/// Legal shipments of one SKU: lots arrive as a Poisson process (`lotsPerMonth`) with
/// lognormal sizes averaging `monthlyUnits / lotsPerMonth`, between `from` and `until`; each
/// lot is subject to the export regime and China's bans in force on its day.
public struct ImportChannel: Sendable {
  public var sku: String
  public var monthlyUnits: Distribution
  public var lotsPerMonth: Double
  /// Log-scale spread of lot sizes.
  public var lotSizeSigma: Double
  /// The channel ships only on days in [from, until] (either may be open).
  public var from: Date?
  public var until: Date?

  public init(
    sku: String, monthlyUnits: Distribution, lotsPerMonth: Double, lotSizeSigma: Double = 0.5,
    from: Date? = nil, until: Date? = nil
  ) {
    self.sku = sku
    self.monthlyUnits = monthlyUnits
    self.lotsPerMonth = lotsPerMonth
    self.lotSizeSigma = lotSizeSigma
    self.from = from
    self.until = until
  }
}

/// A smuggling or transshipment route. Lots arrive as a Poisson process scaled by the
/// enforcement multiplier in force, each lot one SKU of the `mix` and seized with a
/// probability. A route through Tier 2 hubs carries at most `tier2Hubs` country caps while a
/// Tier 2 cap is in force.
public struct GrayChannel: Sendable {
  public var name: String
  /// SKUs carried, with weights (lot counts in proportion).
  public var mix: [(sku: String, weight: Double)]
  public var monthlyUnits: Distribution
  public var lotsPerMonth: Double
  public var lotSizeSigma: Double
  public var seizureProbability: Distribution
  /// Number of Tier 2 countries the route passes through (0: not bounded by caps).
  public var tier2Hubs: Double

  public init(
    name: String, mix: [(sku: String, weight: Double)], monthlyUnits: Distribution,
    lotsPerMonth: Double, lotSizeSigma: Double = 0.5, seizureProbability: Distribution,
    tier2Hubs: Double = 0
  ) {
    self.name = name
    self.mix = mix
    self.monthlyUnits = monthlyUnits
    self.lotsPerMonth = lotsPerMonth
    self.lotSizeSigma = lotSizeSigma
    self.seizureProbability = seizureProbability
    self.tier2Hubs = tier2Hubs
  }

  /// A route carrying one SKU.
  public init(
    name: String, sku: String, monthlyUnits: Distribution, lotsPerMonth: Double,
    seizureProbability: Distribution, tier2Hubs: Double = 0
  ) {
    self.init(
      name: name, mix: [(sku, 1)], monthlyUnits: monthlyUnits, lotsPerMonth: lotsPerMonth,
      seizureProbability: seizureProbability, tier2Hubs: tier2Hubs)
  }
}

/// Hardware attrition of deployed chips.
public struct FleetParameters: Sendable {
  /// Permanent failures, fraction of deployed units per year.
  public var failureRatePerYear: Distribution
  /// Failure hazard of gray-market units relative to supported ones (no vendor support).
  public var smuggledHazardMultiplier: Distribution
  /// Mean service life before retirement, years; nil: chips are never retired.
  public var meanLifetimeYears: Distribution?
  /// Spread of cohort lifetimes around the mean, years (normal, truncated at 2 years).
  public var lifetimeSDYears: Double

  public init(
    failureRatePerYear: Distribution = .fixed(0), smuggledHazardMultiplier: Distribution = .fixed(1),
    meanLifetimeYears: Distribution? = nil, lifetimeSDYears: Double = 1.5
  ) {
    self.failureRatePerYear = failureRatePerYear
    self.smuggledHazardMultiplier = smuggledHazardMultiplier
    self.meanLifetimeYears = meanLifetimeYears
    self.lifetimeSDYears = lifetimeSDYears
  }
}
