import Foundation
import Stochastic

/// Domestic accelerator production at SMIC: wafers → dies (binomial yield on a logistic
/// learning curve) → packages bounded by HBM stacks and packaging capacity.
public struct DomesticLine: Sendable {
  /// The product made from wafers started on or after each date (910B → 910C → next).
  public var products: [(from: Date, sku: String)]
  /// Wafer starts per month for all 7nm-class customers at the start, and yearly growth.
  public var waferStartsPerMonth: Distribution
  public var waferStartsGrowthPerYear: Distribution
  /// Share of the wafer starts that go to AI accelerators.
  public var aiShare: Distribution
  public var initialYield: Distribution
  public var maximumYield: Distribution
  public var yieldRatePerMonth: Distribution
  public var cycleTimeDays: Distribution
  public var hbmStacks: Distribution
  /// Dies obtained from TSMC through proxies, usable alongside SMIC's.
  public var dieBank: Distribution
  /// Products the banked TSMC dies can be packaged as.
  public var dieBankSKUs: [String]
  /// Packages that can be assembled per month at the start, and its yearly growth.
  public var packagingCapacityPerMonth: Distribution
  public var packagingCapacityGrowthPerYear: Distribution
  public var softwareEfficiency: SoftwareEfficiency
  /// New HBM supply from a domestic ramp (CXMT); nil when none is modelled.
  public var hbmRamp: HBMRamp?

  public init(
    products: [(from: Date, sku: String)], waferStartsPerMonth: Distribution,
    waferStartsGrowthPerYear: Distribution = .fixed(1), aiShare: Distribution,
    initialYield: Distribution, maximumYield: Distribution, yieldRatePerMonth: Distribution,
    cycleTimeDays: Distribution, hbmStacks: Distribution, dieBank: Distribution,
    dieBankSKUs: [String]? = nil, packagingCapacityPerMonth: Distribution,
    packagingCapacityGrowthPerYear: Distribution = .fixed(1),
    softwareEfficiency: SoftwareEfficiency = SoftwareEfficiency(), hbmRamp: HBMRamp? = nil
  ) {
    precondition(!products.isEmpty, "a production line makes at least one product")
    self.products = products
    self.waferStartsPerMonth = waferStartsPerMonth
    self.waferStartsGrowthPerYear = waferStartsGrowthPerYear
    self.aiShare = aiShare
    self.initialYield = initialYield
    self.maximumYield = maximumYield
    self.yieldRatePerMonth = yieldRatePerMonth
    self.cycleTimeDays = cycleTimeDays
    self.hbmStacks = hbmStacks
    self.dieBank = dieBank
    self.dieBankSKUs = dieBankSKUs ?? [products[0].sku]
    self.packagingCapacityPerMonth = packagingCapacityPerMonth
    self.packagingCapacityGrowthPerYear = packagingCapacityGrowthPerYear
    self.softwareEfficiency = softwareEfficiency
    self.hbmRamp = hbmRamp
  }

  /// The product of wafers started on `date`: the last entry whose `from` is on or before it
  /// (the first product before any date).
  public func product(on date: Date) -> String {
    products.last { $0.from <= date }?.sku ?? products[0].sku
  }
}

/// How much of a domestic chip's paper capacity software delivers, relative to CUDA on
/// Nvidia (iFlytek: 25% → 73% of an A800). Training efficiency moves linearly from `start`
/// to `end` between the two dates; inference efficiency is constant.
public struct SoftwareEfficiency: Sendable {
  public var trainingStart: Distribution
  public var trainingEnd: Distribution
  public var from: Date
  public var to: Date
  public var inference: Distribution

  public init(
    trainingStart: Distribution = .fixed(1), trainingEnd: Distribution = .fixed(1),
    from: Date = .distantPast, to: Date = .distantPast, inference: Distribution = .fixed(1)
  ) {
    self.trainingStart = trainingStart
    self.trainingEnd = trainingEnd
    self.from = from
    self.to = to
    self.inference = inference
  }
}

/// A domestic HBM ramp: volume begins `delayMonths` after `earliest` (possibly never within
/// the horizon), then output rises linearly to `stacksPerMonth` over `rampMonths`.
public struct HBMRamp: Sendable {
  public var earliest: Date
  public var delayMonths: Distribution
  public var rampMonths: Double
  public var stacksPerMonth: Distribution

  public init(earliest: Date, delayMonths: Distribution, rampMonths: Double, stacksPerMonth: Distribution) {
    self.earliest = earliest
    self.delayMonths = delayMonths
    self.rampMonths = rampMonths
    self.stacksPerMonth = stacksPerMonth
  }
}
