import Foundation
import PolicyModel
import SwiftCSV

/// One `policysim run` output folder read back: summary.csv quantiles by metric and date,
/// the stockpile depletion day of each run from scalars.csv, and from manifest.json the
/// scenario's name and title, the run count, start date, seed, tool version and run date.
///
/// Metrics are whatever summary.csv holds, in file order; nothing here assumes a fixed list.
/// Nothing is trusted: the files must match the sizes and SHA-256 hashes manifest.json records,
/// numbers must be finite, dates valid, within ``InputLimits/dates`` and in order, so that a
/// damaged or hand-edited folder is refused in one line rather than drawn wrong or trapping.
public struct RunResults {
  /// Quantiles of one metric across runs at each report date.
  public struct Quantiles {
    public var dates: [Date] = []
    public var p05: [Double] = [], p25: [Double] = [], p50: [Double] = [], p75: [Double] = [], p95: [Double] = []
  }

  /// The folder read.
  public let folder: URL
  public let scenarioName: String
  /// The scenario in plain words: its `title`, else its name.
  public let title: String
  public let runs: Int
  /// The scenario's first day, which `stockpile_depleted_day` counts from.
  public let start: Date
  /// The master seed (always recorded).
  public let seed: UInt64
  /// The tool version and the day the run started (`YYYY-MM-DD`), when recorded.
  public let toolVersion: String?, runDate: String?
  /// Metric names in the order summary.csv first lists them.
  public let metrics: [String]
  /// The report dates (month ends), in order.
  public let dates: [Date]
  /// Day (from ``start``) the Nvidia stockpile ran out, per run; nil when it never did.
  public let depletionDays: [Double?]
  private let quantiles: [String: Quantiles]

  /// Reads `folder`.
  /// - Throws: ``IOFailure`` for a missing folder; ``ResultsError`` for a missing, damaged or
  ///   malformed file, column or value.
  public init(folder: URL) throws {
    self.folder = folder
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
      throw IOFailure("read", folder.path, code: ENOENT)
    }
    guard isFolder.boolValue else { throw IOFailure("read", folder.path, code: ENOTDIR) }
    let manifest = try RunManifest(folder: folder)
    (scenarioName, title, runs, start) = (manifest.scenarioName, manifest.title, manifest.runs, manifest.start)
    (seed, runDate) = (manifest.seed, manifest.runDate)
    toolVersion = manifest.toolVersion.isEmpty ? nil : manifest.toolVersion
    let summaryFile = folder.appendingPathComponent("summary.csv")
    try manifest.verify(["summary.csv"])
    let summary = try Self.table(summaryFile, columns: ["date", "metric", "p05", "p25", "p50", "p75", "p95"])
    var metrics: [String] = [], quantiles: [String: Quantiles] = [:]
    for (index, row) in summary.enumerated() {
      let line = "\(summaryFile.path):\(index + 2)"
      guard let metric = row["metric"], !metric.isEmpty else { throw ResultsError(line, "empty metric") }
      guard let text = row["date"], let date = ISODate.parse(text), InputLimits.dates.contains(text) else {
        throw ResultsError(line, "expected a date YYYY-MM-DD from \(InputLimits.dates.lowerBound) to \(InputLimits.dates.upperBound), found \"\(row["date"] ?? "")\"")
      }
      func number(_ column: String) throws -> Double {
        guard let value = row[column].flatMap(CSVTable.finiteNumber), abs(value) <= InputLimits.resultMagnitude else {
          throw ResultsError(line, "expected a finite number of magnitude at most 1e300 in \(column), found \"\(row[column] ?? "")\"")
        }
        return value
      }
      if quantiles[metric] == nil { metrics.append(metric) }
      var q = quantiles[metric, default: Quantiles()]
      if let previous = q.dates.last, previous >= date {
        throw ResultsError(line, "expected dates in increasing order for \(metric), found \(text) after \(ISODay.string(previous))")
      }
      let levels = try ["p05", "p25", "p50", "p75", "p95"].map(number)
      guard zip(levels, levels.dropFirst()).allSatisfy({ $0 <= $1 }) else {
        throw ResultsError(line, "expected quantiles in order, p05 <= p25 <= p50 <= p75 <= p95, found \(levels.map(CSVTable.number).joined(separator: ", "))")
      }
      q.dates.append(date)
      q.p05.append(levels[0])
      q.p25.append(levels[1])
      q.p50.append(levels[2])
      q.p75.append(levels[3])
      q.p95.append(levels[4])
      quantiles[metric] = q
    }
    guard let first = metrics.first, let dates = quantiles[first]?.dates else { throw ResultsError(summaryFile.path, "no rows") }
    if let other = metrics.first(where: { quantiles[$0]?.dates != dates }) {
      throw ResultsError(summaryFile.path, "expected every metric at the same dates, found \(other) at \(quantiles[other]?.dates.count ?? 0) dates and \(first) at \(dates.count)")
    }
    self.metrics = metrics
    self.dates = dates
    self.quantiles = quantiles
    depletionDays = try Self.depletionDays(in: folder, manifest: manifest, horizon: dates.last!.timeIntervalSince(manifest.start) / 86_400)
  }

  /// The quantiles of `metric` over time.
  /// - Throws: ``ResultsError`` naming the metrics present (and the nearest) when it is absent.
  public func quantiles(of metric: String) throws -> Quantiles {
    guard let found = quantiles[metric] else {
      throw ResultsError.unknownMetric(metric, in: folder.appendingPathComponent("summary.csv").path, among: metrics)
    }
    return found
  }

  /// Each run's `stockpile_depleted_day` from scalars.csv (verified, when the manifest records
  /// it), each empty or a day in [0, horizon + 31]; none without scalars.csv.
  private static func depletionDays(in folder: URL, manifest: RunManifest, horizon: Double) throws -> [Double?] {
    let file = folder.appendingPathComponent("scalars.csv")
    guard manifest.records("scalars.csv") || FileManager.default.fileExists(atPath: file.path) else { return [] }
    try manifest.verify(["scalars.csv"])
    return try table(file, columns: ["metric", "value"]).enumerated().filter { $0.element["metric"] == "stockpile_depleted_day" }
      .map { index, row in
        guard let text = row["value"], !text.isEmpty else { return nil }
        guard let day = CSVTable.finiteNumber(text), day >= 0, day <= horizon + 31 else {
          throw ResultsError("\(file.path):\(index + 2)", "expected a day in [0, \(Int(horizon) + 31)] or nothing, found \"\(text)\"")
        }
        return day
      }
  }

  private static func table(_ file: URL, columns: [String]) throws -> [[String: String]] {
    guard FileManager.default.fileExists(atPath: file.path) else {
      throw ResultsError(file.deletingLastPathComponent().path, "no \(file.lastPathComponent) here (expected the output folder of policysim run)")
    }
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw IOFailure("read", file.path, error: error)
    }
    guard data.last == UInt8(ascii: "\n") else {
      throw ResultsError(file.path, "\(data.isEmpty ? "empty" : "cut: its last line has no newline"); rerun the command that wrote it")
    }
    let csv: NamedCSV
    do {
      csv = try NamedCSV(string: String(decoding: data, as: UTF8.self), delimiter: .comma, loadColumns: false)
    } catch {
      throw ResultsError(file.path, "not readable as CSV: \(error)")
    }
    if let missing = columns.first(where: { !csv.header.contains($0) }) {
      throw ResultsError(file.path, "missing column \"\(missing)\" (header: \(csv.header.joined(separator: ",")))")
    }
    return csv.rows
  }
}
