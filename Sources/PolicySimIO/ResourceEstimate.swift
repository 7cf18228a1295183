/// The peak memory and output size a run or sweep will need, estimated from its dimensions
/// before it starts, so that one whose needs are beyond ``InputLimits`` is refused at once
/// rather than failing hours later. The sizes per item were fitted to tier3 (72 months × 20
/// metrics) with `/usr/bin/time -v` (peak 80 MB at 2,000 runs, 274 MB at 10,000, 945 MB at
/// 40,000) and its files (README, Limits), and rounded up: the estimate is 2-8% above them.
public struct ResourceEstimate: Equatable, Sendable {
  public let memoryBytes: Double
  public let outputBytes: Double

  /// Memory per stored outcome value (the double, its row's share of array overhead and the
  /// statistics' working copies), and per replication besides (draws, scalars, their CSV rows).
  static let bytesPerValue = 14.0, bytesPerReplication = 3_000.0, baseBytes = 40e6
  /// Text per runs.csv row, per summary or results row, per scalars/draws replication; the
  /// compression ratio of runs.csv.gz.
  static let bytesPerRunsRow = 46.0, bytesPerSummaryRow = 130.0, outputBytesPerReplication = 2_100.0
  static let gzipRatio = 0.23

  /// `policysim run`: `runs` replications of `months` reports of `metrics` outcomes.
  public static func run(runs: Int, months: Int, metrics: Int, perRun: Bool, compressed: Bool) -> ResourceEstimate {
    let values = Double(runs) * Double(months) * Double(metrics)
    let perRunBytes = perRun ? values * bytesPerRunsRow * (compressed ? gzipRatio : 1) : 0
    return ResourceEstimate(
      memoryBytes: baseBytes + values * bytesPerValue + Double(runs) * bytesPerReplication,
      outputBytes: Double(months * metrics) * bytesPerSummaryRow + Double(runs) * outputBytesPerReplication + perRunBytes)
  }

  /// `policysim sweep`: `points` design points of `parameters` values, each a run of `runs`
  /// replications kept in memory one point at a time, with `rows` results.csv rows per point
  /// (held in the journal, the tables and the output text).
  public static func sweep(points: Int, parameters: Int, runs: Int, months: Int, metrics: Int, rows: Int) -> ResourceEstimate {
    let point = run(runs: runs, months: months, metrics: metrics, perRun: false, compressed: false)
    let resultsText = Double(points) * Double(rows) * bytesPerSummaryRow
    return ResourceEstimate(
      memoryBytes: point.memoryBytes + 3 * resultsText + Double(points) * Double(parameters) * 40,
      outputBytes: 2 * resultsText + Double(points) * Double(parameters) * 24)
  }

  /// What is above the limits, e.g. "needs about 120 GB of memory, above the limit of 8 GiB",
  /// or nil when both are within them.
  public var excess: String? {
    if memoryBytes > Double(InputLimits.memoryBytes) {
      return "needs about \(Self.size(memoryBytes)) of memory, above the limit of \(Self.size(Double(InputLimits.memoryBytes)))"
    }
    if outputBytes > Double(InputLimits.outputBytes) {
      return "writes about \(Self.size(outputBytes)) of files, above the limit of \(Self.size(Double(InputLimits.outputBytes)))"
    }
    return nil
  }

  /// A size in GiB or MiB, two significant digits at least.
  static func size(_ bytes: Double) -> String {
    bytes >= Double(1 << 30) ? "\(CSVTable.number((bytes / Double(1 << 30) * 10).rounded() / 10)) GiB"
      : "\(CSVTable.number((bytes / Double(1 << 20)).rounded())) MiB"
  }
}
