import Foundation

/// Legal shipments of one SKU: lots arrive as a Poisson process (`lotsPerMonth`) with
/// lognormal sizes averaging `monthlyUnits / lotsPerMonth`, between `from` and `until`; each
/// lot is subject to the export regime and China's bans in force on its day.
public struct ImportChannel: Sendable {
  public let sku: String
  public let monthlyUnits: Parameter
  public let lotsPerMonth: Double
  /// Log-scale spread of lot sizes.
  public let lotSizeSigma: Double
  /// The channel ships only on days in [from, until] (either may be open).
  public let window: DateWindow

  public init(
    sku: String, monthlyUnits: Parameter, lotsPerMonth: Double, lotSizeSigma: Double = 0.5,
    window: DateWindow = DateWindow()
  ) {
    self.sku = sku
    self.monthlyUnits = monthlyUnits
    self.lotsPerMonth = lotsPerMonth
    self.lotSizeSigma = lotSizeSigma
    self.window = window
  }
}

/// A smuggling or transshipment route. Lots arrive as a Poisson process scaled by the
/// enforcement multiplier in force, each lot one SKU of the `mix`, new or used, and seized with
/// a probability. A route through Tier 2 hubs carries at most `tier2Hubs` country caps while a
/// Tier 2 cap is in force.
public struct GrayChannel: Sendable {
  public let name: String
  /// SKUs carried, with weights (lot counts in proportion).
  public let mix: [(sku: String, weight: Double)]
  public let monthlyUnits: Parameter
  public let lotsPerMonth: Double
  public let lotSizeSigma: Double
  public let seizureProbability: Parameter
  /// Number of Tier 2 countries the route passes through (0: not bounded by caps).
  public let tier2Hubs: Double
  public let window: DateWindow
  /// Probability that a lot is second-hand, and the age of a used lot's chips, years.
  public let usedShare: Parameter
  public let usedAgeYears: Parameter

  public init(
    name: String, mix: [(sku: String, weight: Double)], monthlyUnits: Parameter,
    lotsPerMonth: Double, lotSizeSigma: Double = 0.5, seizureProbability: Parameter,
    tier2Hubs: Double = 0, window: DateWindow = DateWindow(), usedShare: Parameter = .fixed(0),
    usedAgeYears: Parameter = .fixed(0)
  ) {
    self.name = name
    self.mix = mix
    self.monthlyUnits = monthlyUnits
    self.lotsPerMonth = lotsPerMonth
    self.lotSizeSigma = lotSizeSigma
    self.seizureProbability = seizureProbability
    self.tier2Hubs = tier2Hubs
    self.window = window
    self.usedShare = usedShare
    self.usedAgeYears = usedAgeYears
  }
}

/// Gaming graphics cards bought in China and converted into AI cards ("GPU farms"). A lot of a
/// SKU the regime does not control arrives through retail; a lot of a controlled SKU (the RTX
/// 4090 after October 2023) must be smuggled and is seized with `seizureProbability`.
public struct GamingChannel: Sendable {
  public let sku: String
  public let monthlyUnits: Parameter
  public let lotsPerMonth: Double
  public let lotSizeSigma: Double
  public let seizureProbability: Parameter
  public let window: DateWindow

  public init(
    sku: String, monthlyUnits: Parameter, lotsPerMonth: Double, lotSizeSigma: Double = 0.5,
    seizureProbability: Parameter = .fixed(0), window: DateWindow = DateWindow()
  ) {
    self.sku = sku
    self.monthlyUnits = monthlyUnits
    self.lotsPerMonth = lotsPerMonth
    self.lotSizeSigma = lotSizeSigma
    self.seizureProbability = seizureProbability
    self.window = window
  }
}

/// Days a channel ships on: [from, until], the last day included whole; either end may be open.
public struct DateWindow: Sendable, Equatable {
  public let from: Date?
  public let until: Date?

  public init(from: Date? = nil, until: Date? = nil) {
    self.from = from
    self.until = until
  }

  /// True when `date` falls in the window.
  public func contains(_ date: Date) -> Bool {
    (from.map { $0 <= date } ?? true) && (until.map { date < $0.addingTimeInterval(86_400) } ?? true)
  }

  /// True when some instant in [start, end) falls in the window.
  func overlaps(from start: Date, to end: Date) -> Bool {
    (from.map { $0 < end } ?? true) && (until.map { start < $0.addingTimeInterval(86_400) } ?? true)
  }
}
