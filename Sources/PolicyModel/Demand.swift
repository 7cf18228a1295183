import Foundation

/// What Chinese firms want installed: a target stock of paper H100e that grows by what their
/// AI-accelerator spending buys at the going price per H100e, and the delays before a chip
/// that has arrived enters service.
///
/// Firms deploy from inventory up to the target, so retirements and failures create
/// replacement demand; the target comes from spending, not from realised additions (which
/// were supply-limited).
public struct Demand: Sendable {
  /// Spending in $B a year on the listed calendar years (anchored at mid-year), interpolated
  /// geometrically between anchors and extrapolated before the first at the first pair's rate.
  public let spending: [(year: Int, billionsUSD: Parameter)]
  /// Mid-year (1 July) of each spending anchor's year.
  let spendingDates: [Date]
  /// Yearly growth factor of spending after the last anchor.
  public let growthAfterLastAnchor: Parameter
  /// Price of one paper H100e (dense FP16), USD, falling by a yearly fraction.
  public let pricePerH100e: DecliningValue
  /// Months from an imported chip's arrival to service (server integration).
  public let integrationLagMonths: Parameter

  public init(
    spending: [(year: Int, billionsUSD: Parameter)], growthAfterLastAnchor: Parameter = .fixed(1),
    pricePerH100e: DecliningValue, integrationLagMonths: Parameter = .fixed(0)
  ) {
    precondition(!spending.isEmpty, "demand needs at least one spending anchor")
    self.spending = spending
    spendingDates = spending.map { UTCCalendar.midYear($0.year) }
    self.growthAfterLastAnchor = growthAfterLastAnchor
    self.pricePerH100e = pricePerH100e
    self.integrationLagMonths = integrationLagMonths
  }
}

/// How installed chips are used: the share of each kind in training (the rest serve
/// inference: Nvidia for training, domestic for inference, the "hybrid" strategy), and what a
/// chip delivers in each role relative to its paper H100e.
public struct Utilisation: Sendable {
  /// Share of imported datacenter chips in training.
  public let importedTrainingShare: Parameter
  /// Share of converted gaming cards in training (they cannot train large models).
  public let consumerTrainingShare: Parameter
  /// Share of domestic chips in training, moving linearly between two dates.
  public let domesticTrainingShare: LinearRamp
  /// Delivered capacity per paper H100e by SKU and role (gaming cards train poorly; the H20
  /// is memory-bound and infers far above its paper rate). SKUs not listed deliver 1.
  public let skuEfficiency: [SKUEfficiency]

  public init(
    importedTrainingShare: Parameter = .fixed(1), consumerTrainingShare: Parameter = .fixed(0),
    domesticTrainingShare: LinearRamp = .constant(0), skuEfficiency: [SKUEfficiency] = []
  ) {
    self.importedTrainingShare = importedTrainingShare
    self.consumerTrainingShare = consumerTrainingShare
    self.domesticTrainingShare = domesticTrainingShare
    self.skuEfficiency = skuEfficiency
  }
}

/// Delivered capacity of one SKU per paper H100e, in training and in inference.
public struct SKUEfficiency: Sendable {
  public let sku: String
  public let training: Parameter
  public let inference: Parameter

  public init(sku: String, training: Parameter = .fixed(1), inference: Parameter = .fixed(1)) {
    self.sku = sku
    self.training = training
    self.inference = inference
  }
}
