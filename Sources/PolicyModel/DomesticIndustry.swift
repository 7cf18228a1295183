import Foundation

/// China's advanced-node accelerator industry: SMIC's 7nm-class wafer starts (bounded growth),
/// the share going to AI accelerators, each die's yield learning, and the vendors that share
/// those wafers, each with its products, packaging, HBM and (Huawei) the TSMC die bank.
public struct DomesticIndustry: Sendable {
  /// Wafer starts per month for all customers of SMIC's advanced nodes.
  public let waferStarts: BoundedGrowth
  /// Share of those wafers that go to AI accelerators.
  public let aiShare: Parameter
  /// Days from wafer start to good dies.
  public let cycleTimeDays: Parameter
  /// Yield learning of each compute die the products use.
  public let dieYields: [DieYield]
  public let vendors: [DomesticVendor]
  /// How much of a domestic chip's paper capacity software delivers relative to CUDA: training
  /// efficiency ramps by date, inference efficiency is constant.
  public let trainingEfficiency: LinearRamp
  public let inferenceEfficiency: Parameter
  /// Months from a domestic package's delivery to service (CUDA → CANN migration), at its
  /// level on its date and shrinking as the software ecosystem matures.
  public let migrationLagMonths: DecliningValue

  public init(
    waferStarts: BoundedGrowth, aiShare: Parameter, cycleTimeDays: Parameter, dieYields: [DieYield],
    vendors: [DomesticVendor], trainingEfficiency: LinearRamp = .constant(1),
    inferenceEfficiency: Parameter = .fixed(1),
    migrationLagMonths: DecliningValue = DecliningValue(level: .fixed(0), asOf: .distantPast, declinePerYear: .fixed(0))
  ) {
    self.waferStarts = waferStarts
    self.aiShare = aiShare
    self.cycleTimeDays = cycleTimeDays
    self.dieYields = dieYields
    self.vendors = vendors
    self.trainingEfficiency = trainingEfficiency
    self.inferenceEfficiency = inferenceEfficiency
    self.migrationLagMonths = migrationLagMonths
  }
}

/// Logistic yield learning of one compute die: y(t) = y_max / (1 + e^(−k(t − t_mid))), t in
/// months, with t_mid set so that y equals `initial` on `asOf` (by default the day the die's
/// first product starts: a new die starts low and learns).
public struct DieYield: Sendable {
  public let die: String
  public let initial: Parameter
  public let asOf: Date?
  public let maximum: Parameter
  public let ratePerMonth: Parameter

  public init(die: String, initial: Parameter, asOf: Date? = nil, maximum: Parameter, ratePerMonth: Parameter) {
    self.die = die
    self.initial = initial
    self.asOf = asOf
    self.maximum = maximum
    self.ratePerMonth = ratePerMonth
  }
}

/// One domestic accelerator vendor (Huawei, Cambricon): its share of the AI wafers, its
/// packaging capacity, its product roadmap and its HBM.
public struct DomesticVendor: Sendable {
  /// The vendor's name as the chip catalog spells it.
  public let name: String
  /// Share of the AI wafer starts this vendor receives (vendors' shares above 1 in sum are
  /// scaled down proportionally).
  public let waferShare: Parameter
  /// Packages the vendor can assemble per month.
  public let packaging: BoundedGrowth
  /// Products in order of introduction; each takes its share of the vendor's wafers and
  /// packaging by the ramp of ``ProductMix``.
  public let products: [DomesticProduct]
  /// HBM stacks (bought abroad) on hand at the start, and dated deliveries after it.
  public let hbmStacks: Parameter
  public let hbmDeliveries: [(date: Date, stacks: Parameter)]
  /// Domestic HBM (Huawei's own, CXMT): nil when none is modelled.
  public let domesticHBM: HBMRamp?
  /// Dies of one compute die made abroad (the TSMC die bank), usable before the vendor's own.
  public let dieBank: DieBank?

  public init(
    name: String, waferShare: Parameter, packaging: BoundedGrowth, products: [DomesticProduct],
    hbmStacks: Parameter = .fixed(0), hbmDeliveries: [(date: Date, stacks: Parameter)] = [],
    domesticHBM: HBMRamp? = nil, dieBank: DieBank? = nil
  ) {
    precondition(!products.isEmpty, "a vendor makes at least one product")
    self.name = name
    self.waferShare = waferShare
    self.packaging = packaging
    self.products = products
    self.hbmStacks = hbmStacks
    self.hbmDeliveries = hbmDeliveries
    self.domesticHBM = domesticHBM
    self.dieBank = dieBank
  }
}

/// One product of a vendor's roadmap. From `from` its share of the vendor's output rises
/// linearly to `finalShare` of what newer products leave over `rampMonths`.
public struct DomesticProduct: Sendable {
  public let sku: String
  public let from: Date
  public let rampMonths: Parameter
  public let finalShare: Parameter
  /// Which of the vendor's HBM supplies its packages draw on.
  public let hbm: HBMSupply

  public init(
    sku: String, from: Date, rampMonths: Parameter = .fixed(0), finalShare: Parameter = .fixed(1),
    hbm: HBMSupply = .imported
  ) {
    self.sku = sku
    self.from = from
    self.rampMonths = rampMonths
    self.finalShare = finalShare
    self.hbm = hbm
  }
}

/// Where a product's HBM comes from: the stacks bought abroad before the December 2024 control
/// (HBM2E from Samsung and SK Hynix), or domestic HBM (Huawei's HiBL, CXMT's HBM3).
public enum HBMSupply: String, Sendable, CaseIterable {
  case imported
  case domestic
}

/// Domestic HBM supply: volume begins `delayMonths` after `earliest` (possibly never within the
/// horizon), then output rises linearly to `stacksPerMonth` over `rampMonths`.
public struct HBMRamp: Sendable {
  public let earliest: Date
  public let delayMonths: Parameter
  public let rampMonths: Double
  public let stacksPerMonth: Parameter

  public init(earliest: Date, delayMonths: Parameter, rampMonths: Double, stacksPerMonth: Parameter) {
    self.earliest = earliest
    self.delayMonths = delayMonths
    self.rampMonths = rampMonths
    self.stacksPerMonth = stacksPerMonth
  }
}

/// Good dies of one compute die obtained abroad and held at the start.
public struct DieBank: Sendable {
  public let die: String
  public let dies: Parameter

  public init(die: String, dies: Parameter) {
    self.die = die
    self.dies = dies
  }
}
