import Foundation

/// The per-run file of a results folder (runs.csv, written by `policysim run --per-run`) read
/// one replication at a time: rows `run,date,metric,value`, run 0 first, each run holding the
/// same (date, metric) rows in the same order, every metric at every date.
///
/// ``open(_:)`` is the one place that knows the file's name and encoding.
public final class RunsTable {
  /// The report dates, in file order.
  public let dates: [String]
  /// The metrics at each date, in file order.
  public let metrics: [String]
  /// The file read.
  public var file: URL { stream.file }
  private let stream: CSVStream
  private let columns: (run: Int, date: Int, metric: Int, value: Int)
  /// The (date, metric) bytes expected on each row of a run.
  private let keys: [(date: [UInt8], metric: [UInt8])]
  /// Run 0's values, read to learn the keys and not yet handed out.
  private var firstRun: [Double]?
  private var nextRunNumber = 0
  private var exhausted = false

  /// Opens runs.csv in `folder` and reads its first run.
  /// - Throws: ``ResultsError`` when it is missing (with the option that writes it), empty or
  ///   malformed.
  public static func open(_ folder: URL) throws -> RunsTable {
    let file = folder.appendingPathComponent("runs.csv")
    guard FileManager.default.fileExists(atPath: file.path) else {
      throw ResultsError(folder.path, "no runs.csv here (write it with policysim run --per-run)")
    }
    return try RunsTable(stream: CSVStream(file: file))
  }

  private init(stream: CSVStream) throws {
    self.stream = stream
    columns = (try stream.column("run"), try stream.column("date"), try stream.column("metric"), try stream.column("value"))
    var keys: [(date: [UInt8], metric: [UInt8])] = [], values: [Double] = []
    var dates: [String] = [], metrics: [String] = [], moreRuns = false
    while try stream.next() {
      try Self.checkFields(stream, count: stream.header.count)
      guard try Self.run(stream, columns.run) == 0 else {
        moreRuns = true
        break
      }
      let date = stream.string(columns.date), metric = stream.string(columns.metric)
      if dates.last != date {
        guard !dates.contains(date) else { throw ResultsError("\(stream.file.path):\(stream.line)", "date \(date) again after other dates (expected each run's rows date by date)") }
        dates.append(date)
      }
      if dates.count == 1 { metrics.append(metric) }
      let expected = metrics[keys.count % metrics.count]
      guard metric == expected, keys.count / metrics.count == dates.count - 1 else {
        throw ResultsError("\(stream.file.path):\(stream.line)", "expected metric \(expected) at \(date) (every date must list the metrics of the first date, in order)")
      }
      keys.append((Array(date.utf8), Array(metric.utf8)))
      values.append(try Self.value(stream, columns.value))
    }
    guard !keys.isEmpty else { throw ResultsError(stream.file.path, "no rows") }
    guard keys.count == dates.count * metrics.count else {
      throw ResultsError(stream.file.path, "run 0 has \(keys.count) rows, not \(dates.count) dates × \(metrics.count) metrics")
    }
    (self.keys, self.dates, self.metrics, firstRun) = (keys, dates, metrics, values)
    exhausted = !moreRuns
  }

  /// The next run's values, `[date × metrics.count + metric]`, or nil after the last run.
  /// - Throws: ``ResultsError`` naming the line when a run is out of order, incomplete, or
  ///   holds a malformed value.
  public func nextRun() throws -> [Double]? {
    if let first = firstRun {
      firstRun = nil
      nextRunNumber = 1
      return first
    }
    guard !exhausted else { return nil }
    let run = nextRunNumber
    var values = [Double]()
    values.reserveCapacity(keys.count)
    for (index, key) in keys.enumerated() {
      if index > 0 {
        guard try stream.next() else { throw ResultsError(stream.file.path, "run \(run) ends after \(index) of \(keys.count) rows") }
      }
      try Self.checkFields(stream, count: stream.header.count)
      guard try Self.run(stream, columns.run) == run, stream.matches(columns.date, key.date), stream.matches(columns.metric, key.metric) else {
        throw ResultsError("\(stream.file.path):\(stream.line)", "expected run \(run), \(String(decoding: key.date, as: UTF8.self)), \(String(decoding: key.metric, as: UTF8.self)) (every run lists the rows of run 0, in order)")
      }
      values.append(try Self.value(stream, columns.value))
    }
    nextRunNumber += 1
    exhausted = try !stream.next()
    return values
  }

  private static func checkFields(_ stream: CSVStream, count: Int) throws {
    guard stream.count == count else {
      throw ResultsError("\(stream.file.path):\(stream.line)", "expected \(count) fields, found \(stream.count)")
    }
  }

  private static func run(_ stream: CSVStream, _ column: Int) throws -> Int {
    guard let number = try stream.number(column), let run = Int(exactly: number), run >= 0 else {
      throw ResultsError("\(stream.file.path):\(stream.line)", "expected a run number, found \"\(stream.string(column))\"")
    }
    return run
  }

  private static func value(_ stream: CSVStream, _ column: Int) throws -> Double {
    guard let value = try stream.number(column) else {
      throw ResultsError("\(stream.file.path):\(stream.line)", "expected a number in value, found an empty field")
    }
    return value
  }
}
