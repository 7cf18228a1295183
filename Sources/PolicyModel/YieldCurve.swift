import Foundation

/// Logistic yield learning of a compute die: y(t) = y_max / (1 + e^(−k·(t − t_mid))), t in
/// months from an anchor, with t_mid set so that y(0) = `initial` (domain.md calibration
/// "Yield"). Before the anchor (t < 0) the same curve runs backwards. With no learning (k = 0)
/// or `initial` ≥ `maximum` the yield stays at min(initial, maximum).
public struct YieldCurve: Sendable, Equatable {
  public let initial: Double
  public let maximum: Double
  public let ratePerMonth: Double

  public init(initial: Double, maximum: Double, ratePerMonth: Double) {
    self.initial = initial
    self.maximum = maximum
    self.ratePerMonth = ratePerMonth
  }

  /// The yield fraction `months` after the anchor (negative: before it).
  public func yield(afterMonths months: Double) -> Double {
    guard ratePerMonth > 0, initial > 0, initial < maximum else { return max(0, min(initial, maximum)) }
    let midpoint = log(maximum / initial - 1) / ratePerMonth
    return maximum / (1 + exp(-ratePerMonth * (months - midpoint)))
  }
}
