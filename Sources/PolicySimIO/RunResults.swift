import Foundation
import PolicyModel
import SwiftCSV

/// One `policysim run` output folder read back: summary.csv quantiles by metric and date,
/// the stockpile depletion day of each run from scalars.csv, and from manifest.json the
/// scenario's name and title, the run count, start date, seed, tool version and run date.
///
/// Metrics are whatever summary.csv holds, in file order; nothing here assumes a fixed list.
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
  /// - Throws: ``ResultsError`` for a missing folder or file, a missing column or a malformed value.
  public init(folder: URL) throws {
    self.folder = folder
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw ResultsError(folder.path, "no such folder (write one with: policysim run SCENARIO --out \(folder.path))")
    }
    let manifest = try RunManifest(folder: folder)
    (scenarioName, title, runs, start) = (manifest.scenarioName, manifest.title, manifest.runs, manifest.start)
    (seed, runDate) = (manifest.seed, manifest.runDate)
    toolVersion = manifest.toolVersion.isEmpty ? nil : manifest.toolVersion
    let summary = try Self.table(folder.appendingPathComponent("summary.csv"), columns: ["date", "metric", "p05", "p25", "p50", "p75", "p95"])
    var metrics: [String] = [], dates: [Date] = [], quantiles: [String: Quantiles] = [:]
    for (index, row) in summary.rows.enumerated() {
      let line = "\(summary.file.path):\(index + 2)"
      guard let metric = row["metric"], !metric.isEmpty else { throw ResultsError(line, "empty metric") }
      guard let date = row["date"].flatMap(ISODate.parse) else {
        throw ResultsError(line, "expected a date YYYY-MM-DD, found \"\(row["date"] ?? "")\"")
      }
      func number(_ column: String) throws -> Double {
        guard let value = row[column].flatMap(Double.init) else {
          throw ResultsError(line, "expected a number in \(column), found \"\(row[column] ?? "")\"")
        }
        return value
      }
      if quantiles[metric] == nil { metrics.append(metric) }
      if dates.last.map({ $0 < date }) ?? true { dates.append(date) }
      var q = quantiles[metric, default: Quantiles()]
      q.dates.append(date)
      q.p05.append(try number("p05"))
      q.p25.append(try number("p25"))
      q.p50.append(try number("p50"))
      q.p75.append(try number("p75"))
      q.p95.append(try number("p95"))
      quantiles[metric] = q
    }
    guard !metrics.isEmpty else { throw ResultsError(summary.file.path, "no rows") }
    self.metrics = metrics
    self.dates = dates
    self.quantiles = quantiles
    let scalarsFile = folder.appendingPathComponent("scalars.csv")
    if FileManager.default.fileExists(atPath: scalarsFile.path) {
      let scalars = try Self.table(scalarsFile, columns: ["metric", "value"])
      depletionDays = scalars.rows.filter { $0["metric"] == "stockpile_depleted_day" }.map { $0["value"].flatMap(Double.init) }
    } else {
      depletionDays = []
    }
  }

  /// The quantiles of `metric` over time.
  /// - Throws: ``ResultsError`` naming the metrics present (and the nearest) when it is absent.
  public func quantiles(of metric: String) throws -> Quantiles {
    guard let found = quantiles[metric] else {
      throw ResultsError.unknownMetric(metric, in: folder.appendingPathComponent("summary.csv").path, among: metrics)
    }
    return found
  }

  private static func table(_ file: URL, columns: [String]) throws -> (file: URL, rows: [[String: String]]) {
    guard FileManager.default.fileExists(atPath: file.path) else {
      throw ResultsError(file.deletingLastPathComponent().path, "no \(file.lastPathComponent) here (expected the output folder of policysim run)")
    }
    let csv: NamedCSV
    do {
      csv = try NamedCSV(url: file, delimiter: .comma, loadColumns: false)
    } catch {
      throw ResultsError(file.path, "not readable as CSV: \(error)")
    }
    if let missing = columns.first(where: { !csv.header.contains($0) }) {
      throw ResultsError(file.path, "missing column \"\(missing)\" (header: \(csv.header.joined(separator: ",")))")
    }
    return (file, csv.rows)
  }
}
