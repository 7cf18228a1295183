import Foundation
import PolicyModel

/// Every replication's value of each outcome at each report date, as `policysim run --per-run`
/// writes them to runs.csv (`run,date,metric,value`, run-major, then date, then metric).
///
/// Metric names are whatever the file holds, in file order; nothing here assumes a list.
public struct PerRunValues: Sendable {
  /// The per-run file of a results folder. Its name and encoding are known only here and in
  /// ``read(folder:keeping:)``.
  public static let fileName = "runs.csv"

  /// Report dates (`YYYY-MM-DD`, ascending).
  public let dates: [String]
  /// The metrics held (those kept when reading), in file order.
  public let metrics: [String]
  /// Every metric the file names, in file order, kept or not.
  public let metricsInFile: [String]
  /// The number of replications.
  public let runs: Int
  /// `values[(run * dates.count + date) * metrics.count + metric]`.
  private let values: [Double]

  /// A table from values already in memory, laid out run-major, then date, then metric.
  public init(dates: [String], metrics: [String], runs: Int, values: [Double]) {
    precondition(values.count == runs * dates.count * metrics.count, "one value per run, date and metric")
    self.dates = dates
    self.metrics = metrics
    self.metricsInFile = metrics
    self.runs = runs
    self.values = values
  }

  private init(dates: [String], metrics: [String], metricsInFile: [String], runs: Int, values: [Double]) {
    (self.dates, self.metrics, self.metricsInFile, self.runs, self.values) = (dates, metrics, metricsInFile, runs, values)
  }

  /// The value of metric number `metric` at report number `date` in run `run`.
  public func value(run: Int, date: Int, metric: Int) -> Double {
    values[(run * dates.count + date) * metrics.count + metric]
  }

  /// Reads `folder`'s per-run file, keeping only the metrics in `wanted` (all when nil).
  /// - Throws: ``ResultsError`` naming the file (and line) when it is missing, has another
  ///   header, a malformed field, rows out of the order policysim writes, or a cut-off last run.
  public static func read(folder: URL, keeping wanted: Set<String>? = nil) throws -> PerRunValues {
    let file = folder.appendingPathComponent(fileName)
    guard FileManager.default.fileExists(atPath: file.path) else {
      throw ResultsError(folder.path, "no \(fileName) here (write it with: policysim run SCENARIO --per-run --out \(folder.path))")
    }
    var layout = Layout(wanted: wanted)
    var values: [Double] = []
    let header = try CSVRecords.read(file) { record in
      let at = "\(file.path):\(record.line)"
      guard record.count == 4 else { throw ResultsError(at, "expected 4 fields (run,date,metric,value), found \(record.count)") }
      guard let run = record.count(0) else { throw ResultsError(at, "expected a run number, found \"\(record.string(0))\"") }
      let metric = try layout.place(run: run, record: record, at: at)
      guard layout.kept[metric] else { return }
      guard let value = record.number(3) else { throw ResultsError(at, "expected a finite number in value, found \"\(record.string(3))\"") }
      values.append(value)
    }
    guard header == ["run", "date", "metric", "value"] else {
      throw ResultsError(file.path, "expected the header run,date,metric,value, found \(header.joined(separator: ","))")
    }
    guard let runs = try layout.finish(file: file) else { throw ResultsError(file.path, "no rows") }
    let kept = layout.metrics.indices.filter { layout.kept[$0] }.map { layout.metrics[$0] }
    return PerRunValues(dates: layout.dates, metrics: kept, metricsInFile: layout.metrics, runs: runs, values: values)
  }
}

/// The row order of runs.csv, learned from run 0 and then enforced on every later run.
private struct Layout {
  let wanted: Set<String>?
  init(wanted: Set<String>?) { self.wanted = wanted }
  var dates: [String] = []
  var metrics: [String] = []
  var kept: [Bool] = []
  private var metricBytes: [[UInt8]] = []
  private var dateBytes: [[UInt8]] = []
  /// Position of the next row: run, date index, metric index (once run 0 is complete).
  private var run = 0, date = 0, metric = 0
  private var learning = true
  private var rows = 0

  /// Checks the row against the expected order (learning it during run 0) and returns the
  /// row's metric index.
  mutating func place(run found: Int, record: CSVRecords.Record, at: String) throws -> Int {
    rows += 1
    if learning && found == 0 {
      return try learn(record, at: at)
    }
    if learning {
      guard found == 1, !metrics.isEmpty, date == dates.count - 1, metric == metrics.count - 1 else {
        throw ResultsError(at, "expected run 0 or 1 (rows in the order policysim run writes them), found run \(found)")
      }
      learning = false
      (run, date, metric) = (0, dates.count - 1, metrics.count - 1)
    }
    metric += 1
    if metric == metrics.count { (metric, date) = (0, date + 1) }
    if date == dates.count { (date, run) = (0, run + 1) }
    guard found == run, record.field(1, is: dateBytes[date]), record.field(2, is: metricBytes[metric]) else {
      throw ResultsError(at, "expected run \(run), \(dates[date]), \(metrics[metric]) (rows in the order policysim run writes them), found run \(found), \(record.string(1)), \(record.string(2))")
    }
    return metric
  }

  private mutating func learn(_ record: CSVRecords.Record, at: String) throws -> Int {
    let dateText = record.string(1), metricText = record.string(2)
    if dates.last != dateText {
      guard ISODate.parse(dateText) != nil else { throw ResultsError(at, "expected a date YYYY-MM-DD, found \"\(dateText)\"") }
      if let last = dates.last, dateText <= last {
        throw ResultsError(at, "expected dates in ascending order, found \(dateText) after \(last)")
      }
      guard dates.isEmpty || metric == metrics.count - 1 else {
        throw ResultsError(at, "expected \(metrics[metric + 1]) at \(dates.last!) before the next date, found \(dateText)")
      }
      dates.append(dateText)
      dateBytes.append(Array(dateText.utf8))
      date = dates.count - 1
      metric = -1
    }
    metric += 1
    if dates.count == 1 {
      guard !metricText.isEmpty, !metrics.contains(metricText) else {
        throw ResultsError(at, "expected a new metric name at \(dateText), found \"\(metricText)\"")
      }
      metrics.append(metricText)
      metricBytes.append(Array(metricText.utf8))
      kept.append(wanted?.contains(metricText) ?? true)
    } else {
      guard metric < metrics.count, metricText == metrics[metric] else {
        throw ResultsError(at, "expected \(metric < metrics.count ? metrics[metric] : "the next date") at \(dateText) (every date lists the metrics of \(dates[0]) in order), found \"\(metricText)\"")
      }
    }
    return metric
  }

  /// The run count, after checking the last run is complete; nil for a file without rows.
  func finish(file: URL) throws -> Int? {
    guard rows > 0 else { return nil }
    let perRun = dates.count * metrics.count
    guard rows % perRun == 0 else {
      throw ResultsError(file.path, "ends inside run \(rows / perRun) (\(rows % perRun) of \(perRun) rows): the file is cut off")
    }
    return rows / perRun
  }
}
