import Foundation

/// Fab yield as a function of months since the start of the scenario.
public enum YieldCurve: Sendable, Equatable {
  /// Logistic learning: y(t) = yMax / (1 + exp(−k·(t − t0))), with t0 set so y(0) = `initial`;
  /// with no learning (k = 0) or `initial` ≥ `maximum` the yield stays at min(initial, maximum).
  case logistic(initial: Double, maximum: Double, ratePerMonth: Double)
  /// Poisson defect model Y = exp(−D0(t)·A), D0(t) = D0·(1 − annualDecline)^(t/12), with
  /// D0 in defects/cm² and A the die area in cm².
  case defectDensity(initialPerCm2: Double, annualDecline: Double, dieAreaCm2: Double)

  /// The yield fraction after `months` (≥ 0).
  public func yield(afterMonths months: Double) -> Double {
    switch self {
    case .logistic(let initial, let maximum, let rate):
      guard rate > 0, initial > 0, initial < maximum else { return min(initial, maximum) }
      let midpoint = log(maximum / initial - 1) / rate
      return maximum / (1 + exp(-rate * (months - midpoint)))
    case .defectDensity(let d0, let decline, let area):
      return exp(-d0 * pow(1 - decline, months / 12) * area)
    }
  }
}
