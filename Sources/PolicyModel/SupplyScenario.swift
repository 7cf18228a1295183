import Foundation
import Stochastic

/// Everything one replication of the supply-chain model needs, with each uncertain parameter
/// as a ``Distribution`` drawn once per replication from its own named stream.
public struct SupplyScenario: Sendable {
  /// First day of the simulation (day 0).
  public var start: Date
  /// Number of monthly report periods.
  public var months: Int
  public var chips: [ChipSKU]
  public var policies: [PolicyEvent]
  /// Units on hand at day 0, by SKU: already deployed, and undeployed inventory.
  public var stockpile: [StockpileEntry]
  /// New capacity sought each month at day 0, H100e, and its annual growth factor.
  public var demandH100ePerMonth: Distribution
  public var demandGrowthPerYear: Distribution
  public var legalImports: [ImportChannel]
  public var grayMarket: [GrayChannel]
  public var domestic: DomesticLine?
  /// Permanent hardware failures, fraction of deployed units per year.
  public var failureRatePerYear: Distribution

  public init(
    start: Date, months: Int, chips: [ChipSKU] = ChipCatalog.standard, policies: [PolicyEvent],
    stockpile: [StockpileEntry], demandH100ePerMonth: Distribution,
    demandGrowthPerYear: Distribution, legalImports: [ImportChannel], grayMarket: [GrayChannel],
    domestic: DomesticLine?, failureRatePerYear: Distribution
  ) {
    self.start = start
    self.months = months
    self.chips = chips
    self.policies = policies
    self.stockpile = stockpile
    self.demandH100ePerMonth = demandH100ePerMonth
    self.demandGrowthPerYear = demandGrowthPerYear
    self.legalImports = legalImports
    self.grayMarket = grayMarket
    self.domestic = domestic
    self.failureRatePerYear = failureRatePerYear
  }
}

/// Units of one SKU held at the start.
public struct StockpileEntry: Sendable {
  public var sku: String
  public var installed: Distribution
  public var inventory: Distribution
  public init(sku: String, installed: Distribution, inventory: Distribution) {
    self.sku = sku
    self.installed = installed
    self.inventory = inventory
  }
}

/// Legal shipments of one SKU: lots arrive as a Poisson process (`lotsPerMonth`), lot sizes
/// exponential around `monthlyUnits / lotsPerMonth`; each lot is subject to the export regime
/// and China's bans in force on its day.
public struct ImportChannel: Sendable {
  public var sku: String
  public var monthlyUnits: Distribution
  public var lotsPerMonth: Double
  public init(sku: String, monthlyUnits: Distribution, lotsPerMonth: Double) {
    self.sku = sku
    self.monthlyUnits = monthlyUnits
    self.lotsPerMonth = lotsPerMonth
  }
}

/// A smuggling or transshipment route for one SKU; each lot is seized with a probability.
public struct GrayChannel: Sendable {
  public var name: String
  public var sku: String
  public var monthlyUnits: Distribution
  public var lotsPerMonth: Double
  public var seizureProbability: Distribution
  public init(
    name: String, sku: String, monthlyUnits: Distribution, lotsPerMonth: Double,
    seizureProbability: Distribution
  ) {
    self.name = name
    self.sku = sku
    self.monthlyUnits = monthlyUnits
    self.lotsPerMonth = lotsPerMonth
    self.seizureProbability = seizureProbability
  }
}

/// Domestic accelerator production at SMIC: wafers → dies (binomial yield on a logistic
/// learning curve) → packages bounded by HBM stacks and packaging capacity.
public struct DomesticLine: Sendable {
  public var sku: String
  public var waferStartsPerMonth: Distribution
  /// Share of the wafer starts that go to AI accelerators.
  public var aiShare: Distribution
  public var initialYield: Distribution
  public var maximumYield: Distribution
  public var yieldRatePerMonth: Distribution
  public var cycleTimeDays: Distribution
  public var hbmStacks: Distribution
  /// Dies obtained from TSMC through proxies, usable alongside SMIC's.
  public var dieBank: Distribution
  public var packagingCapacityPerMonth: Distribution
  public init(
    sku: String, waferStartsPerMonth: Distribution, aiShare: Distribution,
    initialYield: Distribution, maximumYield: Distribution, yieldRatePerMonth: Distribution,
    cycleTimeDays: Distribution, hbmStacks: Distribution, dieBank: Distribution,
    packagingCapacityPerMonth: Distribution
  ) {
    self.sku = sku
    self.waferStartsPerMonth = waferStartsPerMonth
    self.aiShare = aiShare
    self.initialYield = initialYield
    self.maximumYield = maximumYield
    self.yieldRatePerMonth = yieldRatePerMonth
    self.cycleTimeDays = cycleTimeDays
    self.hbmStacks = hbmStacks
    self.dieBank = dieBank
    self.packagingCapacityPerMonth = packagingCapacityPerMonth
  }
}
