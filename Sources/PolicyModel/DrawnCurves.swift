import Foundation

/// The time-varying inputs of one replication, with their uncertain values drawn; time is in
/// days from the scenario start.
enum Days {
  static let perYear = 365.25
  static let perMonth = 30.4375
}

/// A drawn ``BoundedGrowth``: from its anchor on, logistic growth toward the ceiling; before it,
/// the level discounted at the growth rate, X₀·g^t (t < 0 in years), below the level whenever
/// g ≥ 1, so a higher ceiling never changes the years before the sourced level; a decline (g < 1)
/// run backwards is still capped at the ceiling.
struct GrowthCurve {
  var level: Double, anchorDay: Double, growthPerYear: Double, ceiling: Double

  func value(atDay day: Double) -> Double {
    guard level > 0, ceiling > 0 else { return 0 }
    guard level < ceiling else { return ceiling }
    let years = (day - anchorDay) / Days.perYear
    let growth = max(growthPerYear, 1e-9)
    guard years >= 0 else { return min(ceiling, level * pow(growth, years)) }
    let factor = pow(growth, -years)
    guard factor.isFinite else { return 0 }
    return ceiling / (1 + (ceiling / level - 1) * factor)
  }
}

/// A drawn ``DecliningValue``.
struct DecliningCurve {
  var level: Double, anchorDay: Double, declinePerYear: Double

  func value(atDay day: Double) -> Double {
    let factor = pow(1 - min(declinePerYear, 0.999), (day - anchorDay) / Days.perYear)
    return factor.isFinite ? level * factor : 0
  }
}

/// A drawn ``LinearRamp``.
struct RampCurve {
  var fromDay: Double, toDay: Double, start: Double, end: Double

  func value(atDay day: Double) -> Double {
    guard toDay > fromDay else { return day >= toDay ? end : start }
    let progress = min(1, max(0, (day - fromDay) / (toDay - fromDay)))
    return start + progress * (end - start)
  }
}

/// Yearly spending anchors at mid-year, interpolated geometrically (linearly where an anchor is
/// 0), extrapolated before the first at the first pair's rate and after the last by its growth.
struct SpendingCurve {
  var anchors: [(day: Double, value: Double)]
  var growthAfterLast: Double

  func value(atDay day: Double) -> Double {
    guard let first = anchors.first, let last = anchors.last else { return 0 }
    if day >= last.day { return last.value * pow(growthAfterLast, (day - last.day) / Days.perYear) }
    let upper = anchors.firstIndex { $0.day > day }!
    if upper == 0 {
      guard anchors.count > 1 else { return first.value * pow(growthAfterLast, (day - first.day) / Days.perYear) }
      return Self.between(first, anchors[1], at: day)
    }
    return Self.between(anchors[upper - 1], anchors[upper], at: day)
  }

  private static func between(_ a: (day: Double, value: Double), _ b: (day: Double, value: Double), at day: Double) -> Double {
    let fraction = (day - a.day) / (b.day - a.day)
    guard a.value > 0, b.value > 0 else { return max(0, a.value + fraction * (b.value - a.value)) }
    return a.value * pow(b.value / a.value, fraction)
  }
}

/// A drawn ``DieYield``: logistic learning through (anchorDay, initial).
struct YieldCurveDrawn {
  var initial: Double, anchorDay: Double, maximum: Double, ratePerMonth: Double

  func value(atDay day: Double) -> Double {
    YieldCurve(initial: initial, maximum: maximum, ratePerMonth: ratePerMonth)
      .yield(afterMonths: (day - anchorDay) / Days.perMonth)
  }
}

/// A drawn ``HBMRamp``: stacks delivered in the month starting on `day`.
struct HBMRampDrawn {
  var beginDay: Double, rampMonths: Double, stacksPerMonth: Double

  func stacks(monthStartingAt day: Double) -> Double {
    let monthsIn = (day - beginDay) / Days.perMonth
    guard monthsIn >= 0 else { return 0 }
    return stacksPerMonth * (rampMonths > 0 ? min(1, (monthsIn + 1) / rampMonths) : 1)
  }
}
