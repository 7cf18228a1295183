/// The values one swept parameter may take.
public enum ParameterDomain: Sendable, Equatable {
  /// Listed values: a grid uses each in turn; sampling designs pick one with equal probability.
  case values([Double])
  /// The interval [lower, upper]: sampling designs map the unit interval linearly onto it; a grid
  /// uses `levels` evenly spaced values from lower to upper (nil: the interval cannot be gridded).
  case interval(lower: Double, upper: Double, levels: Int?)

  /// The parameter value at unit coordinate `u` in [0, 1).
  public func value(atUnit u: Double) -> Double {
    switch self {
    case .values(let values):
      return values[min(values.count - 1, Int(u * Double(values.count)))]
    case .interval(let lower, let upper, _):
      return lower + u * (upper - lower)
    }
  }

  /// The values a full-factorial grid takes, in order; nil for an interval without levels.
  public var gridValues: [Double]? {
    switch self {
    case .values(let values):
      return values
    case .interval(let lower, let upper, let levels?):
      return (0..<levels).map { level in
        level == levels - 1 ? upper : lower + Double(level) * (upper - lower) / Double(levels - 1)
      }
    case .interval(_, _, nil):
      return nil
    }
  }
}
