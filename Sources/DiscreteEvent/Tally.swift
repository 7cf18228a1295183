/// Running count, mean and variance of observations (Welford's algorithm), such as each
/// customer's time in system.
public struct Tally: Sendable {
  @usableFromInline var observations: Int = 0
  @usableFromInline var total: Double = 0
  @usableFromInline var runningMean: Double = 0
  @usableFromInline var sumOfSquaredDeviations: Double = 0

  /// An empty tally.
  public init() {}

  /// Adds one observation.
  @inlinable
  public mutating func record(_ value: Double) {
    observations += 1
    total += value
    let delta = value - runningMean
    runningMean += delta / Double(observations)
    sumOfSquaredDeviations += delta * (value - runningMean)
  }

  /// The number of observations.
  public var count: Int { observations }

  /// The sum of observations.
  public var sum: Double { total }

  /// The sample mean, or nil with no observations.
  public var mean: Double? { observations > 0 ? runningMean : nil }

  /// The unbiased sample variance, or nil with fewer than two observations.
  public var variance: Double? {
    observations > 1 ? sumOfSquaredDeviations / Double(observations - 1) : nil
  }
}
