import Foundation

/// A capacity growing logistically toward an equipment-limited ceiling, anchored at the date
/// its source speaks of:
///
///   X(t) = K / (1 + (K/X₀ − 1) · g^(−(t − t₀)))
///
/// with X₀ the level at t₀ (`asOf`), g the yearly growth factor while far below the ceiling and
/// K the ceiling; t in years. Before t₀ the same curve runs backwards (lower), so a level is
/// never applied before its date, and X never exceeds K.
public struct BoundedGrowth: Sendable, Equatable {
  public let level: Parameter
  public let asOf: Date
  public let growthPerYear: Parameter
  public let ceiling: Parameter

  public init(level: Parameter, asOf: Date, growthPerYear: Parameter, ceiling: Parameter) {
    self.level = level
    self.asOf = asOf
    self.growthPerYear = growthPerYear
    self.ceiling = ceiling
  }
}

/// A value falling (or rising) by a constant factor per year from its level at a date:
/// v(t) = level · (1 − decline)^(t − t₀), t in years. A price per H100e, a migration lag.
public struct DecliningValue: Sendable, Equatable {
  public let level: Parameter
  public let asOf: Date
  /// Fraction lost per year (negative: growth).
  public let declinePerYear: Parameter

  public init(level: Parameter, asOf: Date, declinePerYear: Parameter) {
    self.level = level
    self.asOf = asOf
    self.declinePerYear = declinePerYear
  }
}

/// A value moving linearly from `start` (on `from`) to `end` (on `to`), constant outside.
public struct LinearRamp: Sendable, Equatable {
  public let from: Date
  public let to: Date
  public let start: Parameter
  public let end: Parameter

  public init(from: Date, to: Date, start: Parameter, end: Parameter) {
    self.from = from
    self.to = to
    self.start = start
    self.end = end
  }

  /// A ramp that stays at `value`.
  public static func constant(_ value: Double) -> LinearRamp {
    LinearRamp(from: .distantPast, to: .distantPast, start: .fixed(value), end: .fixed(value))
  }
}
