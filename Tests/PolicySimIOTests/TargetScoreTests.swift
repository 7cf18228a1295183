import Experiments
import Foundation
import PolicySimIO
import Testing

/// Run r's value of metric `a` in month m (1-based) is 10 r + m; of `b`, 100 r + m; four
/// monthly reports from a start on 2025-01-01.
private let dates = ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]
private let runsText: String = {
  var text = "run,date,metric,value\n"
  for run in 0..<5 {
    for (month, date) in dates.enumerated() {
      text += "\(run),\(date),a,\(10 * run + month + 1)\n\(run),\(date),b,\(100 * run + month + 1)\n"
    }
  }
  return text
}()

/// A results folder holding `runs` as runs.csv and a manifest of 5 runs from 2025-01-01.
private func folder(runs: String = runsText) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-score-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  try Data(runs.utf8).write(to: folder.appendingPathComponent("runs.csv"))
  try Data(#"{"scenarioName":"s","scenarioFile":"s.json","scenarioSHA256":"ab","seed":7,"runs":5,"toolVersion":"t","resolvedScenario":{"start":"2025-01-01"}}"#.utf8)
    .write(to: folder.appendingPathComponent("manifest.json"))
  return folder
}

/// Targets with these windows (JSON text), each compared with a central value of `central`.
private func targets(_ windows: [String], central: Double = 30, formerNames: String = "{}") throws -> ValidationTargets {
  let items = windows.enumerated().map { index, window in
    #"{"id": "T\#(index)", "measures": "m", "published": {"text": "t", "central": \#(central)}, "source": "s", "input": false, "window": \#(window), "unit": "u"}"#
  }
  let text = #"{"schemaVersion": 1, "formerNames": \#(formerNames), "targets": [\#(items.joined(separator: ","))]}"#
  return try ValidationTargets(file: "t.json", json: JSONValue.parse(Data(text.utf8)))
}

private func score(_ window: String, central: Double = 30, formerNames: String = "{}") throws -> TargetScore {
  let results = try PerRunValues.read(folder: folder())
  let file = try targets([window], central: central, formerNames: formerNames)
  return TargetScore(file.targets[0], results: results, firstDay: "2025-01-01", formerNames: file.formerNames)
}

@Test("runs.csv reads back as a run x date x metric grid, optionally keeping some metrics")
func perRunGrid() throws {
  let all = try PerRunValues.read(folder: folder())
  #expect(all.runs == 5 && all.dates == dates && all.metrics == ["a", "b"])
  #expect(all.value(run: 3, date: 2, metric: 1) == 303)
  let some = try PerRunValues.read(folder: folder(), keeping: ["b"])
  #expect(some.metrics == ["b"] && some.metricsInFile == ["a", "b"] && some.value(run: 4, date: 3, metric: 0) == 404)
}

@Test("stocks are the metrics' sum at the report date; flows sum the months whose report dates fall in the window")
func windows() throws {
  let stock = try score(#"{"kind": "stock", "metric": ["a", "b"], "date": "2025-02-28"}"#)
  let expectedStock: [Double] = [4, 114, 224, 334, 444]
  #expect(stock.values == expectedStock)
  let flow = try score(#"{"kind": "flow", "metric": "a", "from": "2025-02-01", "to": "2025-03-31"}"#)
  let expectedFlow: [Double] = [5, 25, 45, 65, 85]
  #expect(flow.values == expectedFlow)
  #expect(flow.statistics == OutcomeStatistics(flow.values))
  let inclusive = try score(#"{"kind": "flow", "metric": "a", "from": "2025-02-28", "to": "2025-03-31"}"#)
  #expect(inclusive.values == expectedFlow, "a report dated on either end of the window counts")
}

@Test("the verdict compares the published central value with the 50% and 90% bands; the percentile is its mid-rank")
func verdicts() throws {
  // Flow of a over all four months: 10, 50, 90, 130, 170 (p05 18, p25 50, p75 130, p95 162).
  let window = #"{"kind": "flow", "metric": "a", "from": "2025-01-01", "to": "2025-04-30"}"#
  let cases: [(Double, TargetScore.Verdict, Double)] = [
    (90, .inside50, 50), (50, .inside50, 30), (130, .inside50, 70), (49.9, .inside90, 20), (20, .inside90, 20),
    (162, .inside90, 80), (17.9, .outside, 20), (170.1, .outside, 100), (5, .outside, 0),
  ]
  for (central, verdict, percentile) in cases {
    let scored = try score(window, central: central)
    #expect(scored.verdict == verdict && scored.percentile == percentile, "central \(central): \(scored.verdict), \(scored.percentile ?? -1)")
  }
}

@Test("a window outside the run is reported as not covered, with the reason")
func notCovered() throws {
  let cases = [
    (#"{"kind": "stock", "metric": "a", "date": "2024-12-31"}"#, "the date 2024-12-31 is before the run's first report (2025-01-31)"),
    (#"{"kind": "stock", "metric": "a", "date": "2025-05-31"}"#, "the date 2025-05-31 is after the run's last report (2025-04-30)"),
    (#"{"kind": "stock", "metric": "a", "date": "2025-02-15"}"#, "no report is dated 2025-02-15 (reports are month ends from 2025-01-31 to 2025-04-30)"),
    (#"{"kind": "flow", "metric": "a", "from": "2024-12-01", "to": "2025-01-31"}"#, "the window starts 2024-12-01, before the run starts (2025-01-01)"),
    (#"{"kind": "flow", "metric": "a", "from": "2025-01-01", "to": "2025-12-31"}"#, "the window ends 2025-12-31, after the run's last report (2025-04-30)"),
    (#"{"kind": "flow", "metric": "a", "from": "2025-02-01", "to": "2025-02-27"}"#, "no report date falls in 2025-02-01..2025-02-27"),
  ]
  for (window, reason) in cases {
    let scored = try score(window)
    #expect(scored.verdict == .notCovered && scored.detail == reason && !scored.isCompared)
  }
}

@Test("a metric absent from the results is read under its former name, else reported as not in results")
func formerNames() throws {
  let renamed = try score(#"{"kind": "stock", "metric": "new_a", "date": "2025-01-31"}"#, formerNames: #"{"new_a": "a"}"#)
  #expect(renamed.isCompared && renamed.values == [1, 11, 21, 31, 41])
  #expect(renamed.detail == "new_a read as a (former name)")
  let missing = try score(#"{"kind": "stock", "metric": ["a", "c", "d"], "date": "2025-01-31"}"#)
  #expect(missing.verdict == .notInResults && missing.detail == "runs.csv has no c, d")
}

@Test("malformed runs.csv: one line naming the file, the line and what is wrong")
func malformedRuns() throws {
  let header = "run,date,metric,value\n"
  let cases = [
    ("run,date,metric,val\n0,2025-01-31,a,1\n", "runs.csv: error: expected the header run,date,metric,value, found run,date,metric,val"),
    (header + "0,2025-01-31,a,1\n0,2025-01-31,b,x\n", #"runs.csv:3: error: expected a finite number in value, found "x""#),
    (header + "0,2025-01-31,a,nan\n", #"runs.csv:2: error: expected a finite number in value, found "nan""#),
    (header + "0,2025-01-31,a,1\n1,2025-01-31,b,1\n", "runs.csv:3: error: expected run 1, 2025-01-31, a (rows in the order policysim run writes them), found run 1, 2025-01-31, b"),
    (header + "0,2025-01-31,a,1\n0,2025-01-31,b,1\n1,2025-01-31,a,1\n", "runs.csv: error: ends inside run 1 (1 of 2 rows): the file is cut off"),
    (header + "0,2025-02-28,a,1\n0,2025-01-31,a,1\n", "runs.csv:3: error: expected dates in ascending order, found 2025-01-31 after 2025-02-28"),
    (header + "0,2025-01-31,a,1\n0,2025-01-31,b,1\n0,2025-02-28,a,1\n1,2025-01-31,a,1\n", "runs.csv:5: error: expected run 0 or 1 (rows in the order policysim run writes them), found run 1"),
    (header + "0,2025-01-31,a\n", "runs.csv:2: error: expected 4 fields (run,date,metric,value), found 3"),
    (header, "runs.csv: error: no rows"),
  ]
  for (text, message) in cases {
    let results = try folder(runs: text)
    #expect(throws: ResultsError.self) { try PerRunValues.read(folder: results) }
    do {
      _ = try PerRunValues.read(folder: results)
    } catch let error as ResultsError {
      #expect(error.description.replacingOccurrences(of: results.path + "/", with: "") == message)
    }
  }
  let empty = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-empty-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
  #expect(throws: ResultsError.self) { try PerRunValues.read(folder: empty) }
}

@Test("runs.csv is read across chunk boundaries: a 1 MB-chunked file of 60,000 rows gives every value")
func largeRuns() throws {
  var text = "run,date,metric,value\n"
  for run in 0..<1_000 {
    for (month, date) in dates.enumerated() {
      for metric in ["capacity_h100e", "a_longer_metric_name_to_cross_chunks", "b"] {
        text += "\(run),\(date),\(metric),\(Double(run) * 1.5 + Double(month) + 0.25)\n"
      }
    }
  }
  let results = try PerRunValues.read(folder: folder(runs: text))
  #expect(results.runs == 1_000 && results.metrics.count == 3)
  // policysim ends every line, so a last line without its newline was cut (a value "12.5" cut
  // to "12" would read as a number).
  #expect(throws: ResultsError.self) { try PerRunValues.read(folder: folder(runs: String(text.dropLast()))) }
  #expect(results.value(run: 999, date: 3, metric: 2) == 999 * 1.5 + 3.25)
}
