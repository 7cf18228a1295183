/// The time-weighted statistics of a level that changes at discrete instants (queue length,
/// stock on hand): its time average, minimum and maximum.
public struct TimeWeightedLevel: Sendable {
  @usableFromInline var current: Double
  @usableFromInline var lowest: Double
  @usableFromInline var highest: Double
  @usableFromInline var lastChange: Double
  @usableFromInline var area: Double = 0
  @usableFromInline let start: Double

  /// Starts recording at time `start` with the given initial level.
  public init(level: Double = 0, at start: Double = 0) {
    current = level
    lowest = level
    highest = level
    lastChange = start
    self.start = start
  }

  /// The current level.
  public var level: Double { current }
  /// The smallest level held so far.
  public var minimum: Double { lowest }
  /// The largest level held so far.
  public var maximum: Double { highest }

  /// Sets the level at `time`, which must not precede the previous change.
  @inlinable
  public mutating func record(_ newLevel: Double, at time: Double) {
    precondition(time >= lastChange, "level recorded at \(time), before \(lastChange)")
    area += current * (time - lastChange)
    lastChange = time
    current = newLevel
    lowest = Swift.min(lowest, newLevel)
    highest = Swift.max(highest, newLevel)
  }

  /// The time average of the level over [start, `time`]; the current level if no time passed.
  public func timeAverage(until time: Double) -> Double {
    precondition(time >= lastChange, "average asked at \(time), before \(lastChange)")
    let span = time - start
    guard span > 0 else { return current }
    return (area + current * (time - lastChange)) / span
  }
}
