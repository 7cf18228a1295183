import Experiments
import Foundation

/// Sensitivity of a finished sweep's outputs (the mean over replications at each point) to its
/// parameters: Sobol indices from a `saltelli` sweep, written to sensitivity.csv, or
/// one-at-a-time effects from a `grid` sweep, written to tornado.csv.
public struct SensitivityReport {
  public static let sobolFile = "sensitivity.csv"
  public static let tornadoFile = "tornado.csv"

  /// The file written (sensitivity.csv or tornado.csv) and its rows, for printing.
  public let file: URL
  public let table: [[String]]
  public let header: [String]

  /// Analyses the sweep in `folder` for `metric` and `date` (nil: every one in results.csv) and
  /// writes the result file atomically into `folder`. Sobol confidence intervals are 95%
  /// percentile intervals over `resamples` bootstrap resamples seeded by the sweep's seed.
  /// - Throws: ``IOFailure`` when the folder is missing; ``SweepOutputError`` (a one-line
  ///   message) when it is not a finished, whole saltelli or grid sweep, its files differ from
  ///   what its manifest records or are malformed, or the metric or date is not in it.
  public init(folder: URL, metric: String?, date: String?, resamples: Int) throws {
    let manifestURL = folder.appendingPathComponent(SweepTables.manifestFile)
    guard FileManager.default.fileExists(atPath: folder.path) else { throw IOFailure("read", folder.path, code: ENOENT) }
    guard let data = FileManager.default.contents(atPath: manifestURL.path),
      case .object(let manifest)? = try? JSONValue.parse(data)
    else { throw SweepOutputError("\(manifestURL.path): error: missing or unreadable; is \(folder.path) a finished sweep?") }
    if case .string(let shard)? = manifest["shard"] {
      throw SweepOutputError("\(manifestURL.path): error: this is shard \(shard) of a sweep; merge the shards first (policysim merge)")
    }
    do {
      try FileRecord.verify([SweepTables.pointsFile, SweepTables.resultsFile], in: folder, manifest: manifest)
    } catch let damaged as ResultsError {
      throw SweepOutputError(damaged.description)
    }
    guard case .object(let design)? = manifest["design"], case .string(let kind)? = design["kind"],
      case .array(let parameterList)? = manifest["parameters"], case .number(let seedNumber)? = manifest["seed"]
    else { throw SweepOutputError("\(manifestURL.path): error: expected design, parameters and seed, found a manifest without them") }
    guard let seed = UInt64(exactly: seedNumber), seedNumber <= 9_007_199_254_740_991 else {
      throw SweepOutputError("\(manifestURL.path): error: at $.seed: expected a whole number in [0, 2^53 - 1], found \(CSVTable.number(seedNumber))")
    }
    let names = parameterList.compactMap { item -> String? in
      if case .object(let p) = item, case .string(let name)? = p["name"] { return name } else { return nil }
    }
    let points = try Self.points(folder, parameters: names.count, listed: parameterList.count)
    var outputs: [String: [Double]] = [:]  // "metric,date" → mean at each point
    var keys: [String] = []
    for (index, row) in try Self.rows(folder, SweepTables.resultsFile).enumerated() {
      guard row.count == 8, let point = Int(row[0]), points.indices.contains(point), let mean = CSVTable.finiteNumber(row[3]) else {
        throw SweepOutputError("\(folder.path)/\(SweepTables.resultsFile):\(index + 2): error: expected point,metric,date,mean,sd,p05,p50,p95 with a point of points.csv and a finite mean, found \"\(row.joined(separator: ",").prefix(60))\"")
      }
      let key = row[1] + "," + row[2]
      if outputs[key] == nil { keys.append(key); outputs[key] = [Double](repeating: .nan, count: points.count) }
      outputs[key]![point] = mean
    }
    let metrics = keys.map { String($0.prefix { $0 != "," }) }
    if let metric, !metrics.contains(metric) {
      let hint = suggestion(for: metric, among: Array(Set(metrics))).map { "; did you mean \"\($0)\"?" } ?? ""
      throw SweepOutputError("\(folder.path)/\(SweepTables.resultsFile): error: --metric \(metric) is not in the sweep's results\(hint)")
    }
    if let date, !keys.contains(where: { $0.hasSuffix("," + date) }) {
      let dates = Array(Set(keys.map { String($0.drop { $0 != "," }.dropFirst()) })).sorted()
      throw SweepOutputError("\(folder.path)/\(SweepTables.resultsFile): error: --date \(date) is not in the sweep's results (dates: \(dates.joined(separator: ", ")))")
    }
    let selected = keys.filter { key in
      (metric == nil || key.hasPrefix(metric! + ",")) && (date == nil || key.hasSuffix("," + date!))
    }
    switch kind {
    case "saltelli":
      guard case .number(let baseNumber)? = design["base"], let base = Int(exactly: baseNumber), base >= 1,
        base <= InputLimits.sweepPoints
      else {
        throw SweepOutputError("\(manifestURL.path): error: at $.design.base: expected a whole number in [1, \(InputLimits.sweepPoints)], found \(design["base"]?.summary ?? "nothing")")
      }
      let sample = SaltelliSample(base: base, parameters: names.count)
      guard points.count == sample.pointCount else {
        throw SweepOutputError("\(folder.path)/\(SweepTables.pointsFile): error: expected \(sample.pointCount) points for a saltelli sweep of base \(Int(base)), found \(points.count)")
      }
      header = ["metric", "date", "parameter", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"]
      table = selected.flatMap { key in
        let indices = SobolIndices.estimate(outputs: outputs[key]!, sample: sample, resamples: resamples, seed: seed)
        return zip(names, indices).map { name, s in
          key.split(separator: ",").map(String.init) + [name] + [
            s.firstOrder, s.firstOrderLow, s.firstOrderHigh, s.total, s.totalLow, s.totalHigh,
          ].map(CSVTable.number)
        }
      }
      file = folder.appendingPathComponent(Self.sobolFile)
    case "grid":
      header = ["metric", "date", "parameter", "low_value", "high_value", "output_at_low", "output_at_high", "swing"]
      table = try selected.flatMap { key in
        guard let effects = OneAtATimeEffect.tornado(points: points, outputs: outputs[key]!) else {
          throw SweepOutputError("\(folder.path)/\(SweepTables.pointsFile): error: expected a full grid, found missing combinations")
        }
        return effects.map { e in
          key.split(separator: ",").map(String.init) + [names[e.parameter]]
            + [e.lowValue, e.highValue, e.outputAtLow, e.outputAtHigh, e.swing].map(CSVTable.number)
        }
      }
      file = folder.appendingPathComponent(Self.tornadoFile)
    default:
      throw SweepOutputError("\(manifestURL.path): error: at $.design.kind: expected a saltelli sweep (Sobol indices) or a grid (tornado), found \"\(kind)\"")
    }
    var csv = CSVTable(header: header)
    for row in table { csv.append(row) }
    try AtomicFile.write(csv.content, to: file)
  }

  /// points.csv's parameter values, one row per point in point order, `parameters` finite
  /// numbers each (the manifest's list, whose `listed` entries must all have names).
  private static func points(_ folder: URL, parameters: Int, listed: Int) throws -> [[Double]] {
    let file = "\(folder.path)/\(SweepTables.pointsFile)"
    guard parameters == listed, parameters >= 1 else {
      throw SweepOutputError("\(folder.path)/\(SweepTables.manifestFile): error: at $.parameters: expected a list of named parameters, found \(listed) entries with \(parameters) names")
    }
    return try rows(folder, SweepTables.pointsFile).enumerated().map { index, row in
      let values = row.dropFirst().compactMap { CSVTable.finiteNumber($0) }
      guard row.first == String(index), row.count == parameters + 1, values.count == parameters else {
        throw SweepOutputError("\(file):\(index + 2): error: expected point \(index) and \(parameters) finite values (one per parameter of manifest.json), found \"\(row.joined(separator: ",").prefix(60))\"")
      }
      return values
    }
  }

  /// The data rows of a sweep CSV file, split into fields.
  private static func rows(_ folder: URL, _ name: String) throws -> [[String]] {
    try SweepTables.lines(of: folder, name).rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }
}
