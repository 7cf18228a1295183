import Foundation
import PolicySimIO
import Testing

/// A results folder with two metrics (one that the model does not have yet) over three months.
private func syntheticResults(
  summaryHeader: String = "scenario,date,metric,mean,sd,p05,p25,p50,p75,p95", metrics: [String] = ["capacity_h100e", "training_capacity_h100e"],
  manifest: String = #"{"scenarioName":"x","runs":2,"seed":1,"resolvedScenario":{"start":"2026-01-01","end":"2026-03-31"}}"#
) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-results-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  var summary = summaryHeader + "\n"
  for (month, date) in ["2026-01-31", "2026-02-28", "2026-03-31"].enumerated() {
    for metric in metrics {
      let m = Double(month + 1) * 100
      summary += "x,\(date),\(metric),\(m),1,\(m - 20),\(m - 10),\(m),\(m + 10),\(m + 20)\n"
    }
  }
  try summary.write(to: folder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
  try "run,seed,metric,value\n0,1,stockpile_depleted_day,31\n1,1,stockpile_depleted_day,\n1,1,capacity_h100e_end,5\n"
    .write(to: folder.appendingPathComponent("scalars.csv"), atomically: true, encoding: .utf8)
  try writeManifest(folder, manifest)
  return folder
}

/// Writes manifest.json from `json` plus the files table of summary.csv and scalars.csv as they are.
private func writeManifest(_ folder: URL, _ json: String) throws {
  guard case .object(var manifest) = try JSONValue.parse(Data(json.utf8)) else { return }
  manifest["files"] = FileRecord.table(try ["summary.csv", "scalars.csv"].map { try FileRecord.measuring(folder.appendingPathComponent($0)) })
  try JSONValue.object(manifest).canonicalText.write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
}

@Test("results are read whatever metrics summary.csv holds, in file order")
func readsAnyMetrics() throws {
  let results = try RunResults(folder: syntheticResults())
  #expect(results.metrics == ["capacity_h100e", "training_capacity_h100e"])
  #expect(results.dates.count == 3 && results.runs == 2 && results.title == "x")
  #expect(results.seed == 1 && results.toolVersion == nil && results.runDate == nil)
  let training = try results.quantiles(of: "training_capacity_h100e")
  #expect(training.p50 == [100, 200, 300] && training.p05 == [80, 180, 280] && training.p95 == [120, 220, 320])
  #expect(results.depletionDays == [31, nil])
}

@Test("an unknown metric names the nearest and lists the metrics present")
func unknownMetric() throws {
  let folder = try syntheticResults()
  #expect(throws: ResultsError.self) { try RunResults(folder: folder).quantiles(of: "training_capacity_h100") }
  do {
    _ = try RunResults(folder: folder).quantiles(of: "training_capacity_h100")
  } catch let error as ResultsError {
    #expect(error.description == "\(folder.path)/summary.csv: error: unknown metric \"training_capacity_h100\"; did you mean \"training_capacity_h100e\"? (metrics here: capacity_h100e, training_capacity_h100e)")
  }
}

@Test("a summary.csv without a quantile column is refused, naming the column")
func missingColumn() throws {
  let folder = try syntheticResults(summaryHeader: "scenario,date,metric,mean,sd,p05,p25,p50,p75,q95")
  do {
    _ = try RunResults(folder: folder)
    Issue.record("expected an error")
  } catch let error as ResultsError {
    #expect(error.description.hasSuffix("summary.csv: error: missing column \"p95\" (header: scenario,date,metric,mean,sd,p05,p25,p50,p75,q95)"))
  }
}

@Test("the depletion histogram counts the runs that ran out by quarter and leaves out the rest")
func depletionHistogram() throws {
  let chart = ResultCharts.depletion(try RunResults(folder: syntheticResults()))
  #expect(chart.counts == [1])
  #expect(chart.subtitle.contains("median date 2026-02-01; never ran out in 1 of 2 runs (50%)"))
}

@Test("metrics the model adds later are described from their names",
  arguments: [
    ("smuggled_capacity_h100e", "Smuggled capacity", "H100-equivalents"),
    ("domestic_mask_sets", "Domestic mask sets", "value"),
    ("legal_cancelled_units", "Legal cancelled units", "chips per month"),
    ("capacity_h100e", "Compute capacity", "H100-equivalents"),
    ("packages_ascend950pr", "Packages ascend950pr", "packages per month"),
    ("capacity_h100e_huawei", "Capacity huawei", "H100-equivalents"),
  ])
func metricDescriptions(metric: String, title: String, unit: String) {
  let description = MetricDescription(metric)
  #expect(description.title == title && description.unit == unit)
}

/// A synthetic folder with `damage` applied to one file and the manifest re-recorded to match,
/// so that only the content checks (not the hashes) can catch it.
private func damagedResults(_ file: String, _ damage: (String) -> String) throws -> URL {
  let folder = try syntheticResults()
  let url = folder.appendingPathComponent(file)
  try damage(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
  if file != "manifest.json" {
    try writeManifest(folder, #"{"scenarioName":"x","runs":2,"seed":1,"resolvedScenario":{"start":"2026-01-01","end":"2026-03-31"}}"#)
  }
  return folder
}

@Test(
  "damaged or hand-edited results are refused in one line naming the file, never trapping",
  arguments: [
    ("summary.csv", "nan", "expected a finite number of magnitude at most 1e300 in p50, found \"nan\""),
    ("summary.csv", "1e999", "expected a finite number of magnitude at most 1e300 in p50, found \"1e999\""),
    ("summary.csv", "max", "expected a finite number of magnitude at most 1e300 in p50, found \"1.7976931348623157e308\""),
    ("summary.csv", "quantiles", "expected quantiles in order, p05 <= p25 <= p50 <= p75 <= p95, found 80, 1e+25, 100, 110, 120"),
    ("summary.csv", "order", "expected dates in increasing order for capacity_h100e, found 2026-02-28 after 2026-04-30"),
    ("summary.csv", "year", "expected a date YYYY-MM-DD from 1900-01-01 to 2299-12-31, found \"9999-12-31\""),
    ("scalars.csv", "day", "expected a day in [0, 120] or nothing, found \"1e300\""),
    ("manifest.json", "start", "at $.resolvedScenario.start: expected a date from 1900-01-01 to 2299-12-31, found \"9999-12-31\""),
    ("manifest.json", "runs", "at $.runs: expected a whole number in [1, 10000000], found 1e+300"),
  ])
func damagedFolder(file: String, damage: String, message: String) throws {
  let folder = try damagedResults(file) { text in
    switch damage {
    case "nan": return text.replacingOccurrences(of: ",100.0,110.0,120.0\n", with: ",nan,110.0,120.0\n")
    case "1e999": return text.replacingOccurrences(of: ",100.0,110.0,120.0\n", with: ",1e999,110.0,120.0\n")
    case "max": return text.replacingOccurrences(of: ",100.0,110.0,120.0\n", with: ",1.7976931348623157e308,110.0,120.0\n")
    case "quantiles": return text.replacingOccurrences(of: ",80.0,90.0,100.0,110.0,120.0\n", with: ",80.0,1e25,100.0,110.0,120.0\n")
    case "order": return text.replacingOccurrences(of: "2026-01-31", with: "2026-04-30")
    case "year": return text.replacingOccurrences(of: "2026-03-31", with: "9999-12-31")
    case "day": return text.replacingOccurrences(of: "stockpile_depleted_day,31", with: "stockpile_depleted_day,1e300")
    case "start": return text.replacingOccurrences(of: "\"start\":\"2026-01-01\"", with: "\"start\":\"9999-12-31\"")
    default: return text.replacingOccurrences(of: "\"runs\":2", with: "\"runs\":1e300")
    }
  }
  do {
    _ = try RunResults(folder: folder)
    Issue.record("expected an error for \(damage)")
  } catch let error as ResultsError {
    #expect(error.description.contains(message), "\(error.description)")
    #expect(!error.description.contains("\n"))
  }
}

@Test("a results file that differs from its manifest record (cut mid-line) is refused")
func truncatedFileRefused() throws {
  let folder = try syntheticResults()
  let summary = folder.appendingPathComponent("summary.csv")
  let text = try String(contentsOf: summary, encoding: .utf8)
  try String(text.dropLast(7)).write(to: summary, atomically: true, encoding: .utf8)
  do {
    _ = try RunResults(folder: folder)
    Issue.record("expected an error")
  } catch let error as ResultsError {
    #expect(error.description.hasPrefix("\(summary.path): error: damaged or replaced: \(text.utf8.count - 7) bytes with SHA-256 "))
    #expect(error.description.hasSuffix("; rerun the command that wrote it"))
  }
}

@Test("a manifest without the files table (an older policysim) is refused, naming the remedy")
func manifestWithoutHashes() throws {
  let folder = try syntheticResults()
  try #"{"scenarioName":"x","runs":2,"seed":1,"resolvedScenario":{"start":"2026-01-01"}}"#
    .write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
  #expect(throws: ResultsError.self) { try RunResults(folder: folder) }
}

@Test("a results folder's metric names come from its files: a run's summary.csv, a sweep's manifest")
func metricNamesOfFolders() throws {
  let run = try syntheticResults()
  #expect(ResultsFolder.metricNames(in: run) == ["capacity_h100e", "training_capacity_h100e"])
  let sweep = run.deletingLastPathComponent().appendingPathComponent("sweep-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: sweep, withIntermediateDirectories: true)
  try "point,x\n".write(to: sweep.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
  try #"{"metrics":["packages_ascend910c","capacity_h100e"]}"#.write(to: sweep.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
  #expect(ResultsFolder.metricNames(in: sweep) == ["packages_ascend910c", "capacity_h100e"])
  #expect(ResultsFolder.metricNames(in: sweep.appendingPathComponent("missing")).isEmpty)
}

@Test("capacity by source stacks the sources a folder has, in a fixed order, and refuses a folder with none")
func capacitySourcesFromTheFile() throws {
  let v2 = try syntheticResults(metrics: ["capacity_h100e", "capacity_h100e_domestic", "capacity_h100e_huawei", "capacity_h100e_legal", "capacity_h100e_stockpile"])
  #expect(try ResultCharts.capacityBySource(RunResults(folder: v2)).layers.map(\.label) == ["Stockpile (held at the start)", "Legal imports", "Domestic (Huawei, Cambricon)"])
  let none = try syntheticResults()
  #expect(throws: ResultsError.self) { try ResultCharts.capacityBySource(RunResults(folder: none)) }
}

@Test("the title and credit line come from the manifest; folders' shared values are said once")
func titleAndCredit() throws {
  let titled = try syntheticResults(manifest: #"{"scenarioName":"x","runs":1000,"seed":7,"toolVersion":"0.1.0","started":"2026-11-25T10:00:00Z","resolvedScenario":{"name":"x","title":"Plain words","start":"2026-01-01","end":"2026-03-31"}}"#)
  let other = try syntheticResults(manifest: #"{"scenarioName":"y","runs":1000,"seed":7,"toolVersion":"0.1.0","started":"2026-11-26T10:00:00Z","resolvedScenario":{"start":"2026-01-01","end":"2026-03-31"}}"#)
  let one = try RunResults(folder: titled), two = try RunResults(folder: other)
  #expect(one.title == "Plain words" && two.title == "y")
  let single = try ResultCharts.fan(of: "capacity_h100e", for: [one])
  #expect(single.title == "Compute capacity: Plain words" && single.credit == "policysim 0.1.0 · 1,000 runs · seed 7 · run 2026-11-25")
  let both = try ResultCharts.fan(of: "capacity_h100e", for: [one, two])
  #expect(both.title == "Compute capacity: Plain words vs y" && both.series.map(\.label) == ["Plain words", "y"])
  #expect(both.credit == "policysim 0.1.0 · 1,000 runs each · seed 7 · run 2026-11-25 to 2026-11-26")
  let same = try ResultCharts.fan(of: "capacity_h100e", for: [one, one])
  #expect(same.series.map(\.label) == ["Plain words (\(titled.lastPathComponent))", "Plain words (\(titled.lastPathComponent))"])
}
