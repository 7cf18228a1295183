/// The largest inputs policysim accepts, checked where values enter (the scenario and spec
/// readers, the command-line options), so that nothing further on overflows, traps or
/// exhausts memory. README's "Limits" section documents each one.
public enum InputLimits {
  /// The largest magnitude of a scenario number, and of a distribution's mean and standard
  /// deviation, where the format gives no narrower range: 1e12. Counts of that size summed over
  /// the longest horizon (600 months) stay below 2^53, where doubles still hold every whole
  /// number and conversions to `Int` cannot overflow; the largest real figure (units, wafers,
  /// H100e per month) is below 1e8.
  public static let magnitude = 1e12

  /// The longest horizon from `start` to `end`, in years (600 monthly reports).
  public static let horizonYears = 50

  /// The dates a scenario's `start` and `end`, and a results file's dates, may take: wide
  /// enough for any study, narrow enough that date arithmetic never leaves four-digit years.
  public static let dates: ClosedRange<String> = "1900-01-01"..."2299-12-31"

  /// The largest magnitude of a value read back from a results file: far above anything the
  /// model writes (its counts stop at 2^53), far enough below `Double.greatestFiniteMagnitude`
  /// that chart axes rounded outward stay finite.
  public static let resultMagnitude = 1e300

  /// The most replications of one run or sweep point (`runs`, `--runs`).
  public static let runs = 10_000_000

  /// The most worker threads (`--threads`); more than the cores only adds overhead.
  public static let threads = 256

  /// The most design points of a sweep (`points`, grid combinations, Saltelli's n(k+2)).
  public static let sweepPoints = 1_000_000

  /// The estimated peak memory above which `run` and `sweep` refuse without `--force`: 8 GiB.
  public static let memoryBytes = 8 << 30

  /// The estimated output size above which `run` and `sweep` refuse without `--force`: 16 GiB.
  public static let outputBytes = 16 << 30
}
