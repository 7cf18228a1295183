import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let names = ["baseline", "tier3", "h200-case-by-case"]
private func scenario(_ name: String) -> String { root.appendingPathComponent("Scenarios/\(name).json").path }

/// Three shipped scenarios run separately with --per-run (30 runs, seed 7), and compared
/// in-process with the same seed and runs; built once and shared by the tests below.
private struct Fixture {
  let folder: URL
  let compared: URL

  func results(_ name: String) -> URL { folder.appendingPathComponent(name) }

  static let shared: Fixture = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-compare-\(UUID().uuidString)")
    for name in names {
      let run = try! runPolicySim(["run", scenario(name), "--runs", "30", "--seed", "7", "--per-run", "--out", folder.appendingPathComponent(name).path, "--quiet"])
      precondition(run.status == 0, run.stderr)
    }
    let compared = folder.appendingPathComponent("compared")
    let compare = try! runPolicySim(["compare"] + names.map(scenario) + ["--runs", "30", "--seed", "7", "--out", compared.path])
    precondition(compare.status == 0, compare.stderr)
    try! compare.stdout.write(to: folder.appendingPathComponent("stdout.txt"), atomically: true, encoding: .utf8)
    return Fixture(folder: folder, compared: compared)
  }()
}

private func contents(_ folder: URL, _ name: String) throws -> String {
  try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
}

/// Debian's python3 (where apt installs pandas), else the first on PATH, if it has pandas.
private let pandasPython: URL? = ["/usr/bin/python3", "/usr/local/bin/python3"].map(URL.init(fileURLWithPath:)).first { python in
  FileManager.default.isExecutableFile(atPath: python.path) && (try? runProcess(python, ["-c", "import pandas"]).status) == 0
}

/// CI sets POLICYSIM_REQUIRE_PANDAS=1 so that a missing pandas fails instead of skipping.
private let pandasRequired = ProcessInfo.processInfo.environment["POLICYSIM_REQUIRE_PANDAS"] == "1"

@Test("every row of effects.csv equals the statistic pandas computes from the separate --per-run results",
  .enabled(if: pandasPython != nil || pandasRequired, "needs python3 with pandas (apt install python3-pandas)"))
func effectsMatchPandas() throws {
  let python = try #require(pandasPython, "POLICYSIM_REQUIRE_PANDAS=1 but no python3 with pandas")
  let fixture = Fixture.shared
  let script = root.appendingPathComponent("Tests/Fixtures/scripts/effects_from_runs.py").path
  let check = try runProcess(python, [script, fixture.compared.appendingPathComponent("effects.csv").path] + names.map { fixture.results($0).path })
  #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  let rowCount = try contents(fixture.compared, "effects.csv").split(separator: "\n").count - 1
  #expect(check.stdout.hasSuffix("\(rowCount) rows checked, 0 mismatches\n"), "\(check.stdout)")
}

@Test("results folders, scenario files and a mix of both give byte-identical effects, at 1 and 2 threads")
func foldersEqualScenarios() throws {
  let fixture = Fixture.shared
  let expected = try contents(fixture.compared, "effects.csv")
  let inputs: [[String]] = [
    names.map { fixture.results($0).path } + ["--threads", "1"],
    names.map { fixture.results($0).path } + ["--threads", "2"],
    [fixture.results("baseline").path, scenario("tier3"), fixture.results("h200-case-by-case").path, "--threads", "2"],
  ]
  for (index, arguments) in inputs.enumerated() {
    let out = fixture.folder.appendingPathComponent("again-\(index)")
    let result = try runPolicySim(["compare"] + arguments + ["--out", out.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(out, "effects.csv") == expected, "\(arguments)")
    #expect(try contents(out, "effect-capacity_h100e.svg") == contents(fixture.compared, "effect-capacity_h100e.svg"))
  }
  let threads = fixture.folder.appendingPathComponent("one-thread")
  _ = try runPolicySim(["compare"] + names.map(scenario) + ["--runs", "30", "--seed", "7", "--threads", "1", "--out", threads.path, "--quiet"])
  #expect(try contents(threads, "effects.csv") == expected)
}

@Test("compare writes effects.csv, the effect chart and a manifest naming every input with its hash")
func compareOutputs() throws {
  let fixture = Fixture.shared
  let rows = try contents(fixture.compared, "effects.csv").split(separator: "\n")
  #expect(rows.first == "scenario,reference,date,metric,mean,sd,p05,p25,p50,p75,p95,share_negative")
  // Every metric of the per-run results, in their order, on each of 72 dates, for two scenarios.
  let metrics = try contents(fixture.results("baseline"), "runs.csv").split(separator: "\n")
    .filter { $0.hasPrefix("0,2025-01-31,") }.map { String($0.split(separator: ",")[2]) }
  #expect(metrics.count > 20 && metrics.first == "capacity_h100e")
  #expect(rows.count == 1 + 2 * 72 * metrics.count)
  #expect(rows[1].hasPrefix("tier3,baseline,2025-01-31,capacity_h100e,"))
  #expect(rows.last?.hasPrefix("h200-case-by-case,baseline,2030-12-31,\(metrics.last!),") == true)
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.compared.appendingPathComponent("manifest.json"))) as! [String: Any]
  #expect(manifest["seed"] as? Int == 7 && manifest["runs"] as? Int == 30 && manifest["reference"] as? String == "baseline")
  let inputs = try #require(manifest["scenarios"] as? [[String: Any]])
  #expect(inputs.compactMap { $0["name"] as? String } == names)
  #expect(inputs.allSatisfy { ($0["scenarioSHA256"] as? String)?.count == 64 && $0["resolvedScenario"] is [String: Any] })
  #expect(manifest["toolVersion"] as? String == "0.1.0")
  let chart = try SVGInspection(file: fixture.compared.appendingPathComponent("effect-capacity_h100e.svg"))
  #expect(chart.texts(class: "legend") == ["tier3 − baseline", "h200-case-by-case − baseline", "no effect"])
  #expect(chart.texts(class: "title") == ["Compute capacity: effect against baseline"])
  #expect(chart.texts(class: "credit").joined(separator: " ").contains("30 paired runs · seed 7"))
  #expect(chart.elements(class: "zero").count == 1 && chart.points(class: "median", inGroup: "tier3 − baseline").count == 72)
  #expect(chart.allPoints.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x <= chart.viewBox.width && $0.y <= chart.viewBox.height })
}

@Test("the terminal table gives each year end's median and 90% band of the difference and the share of runs lower, as in effects.csv")
func compareTable() throws {
  let fixture = Fixture.shared
  let lines = try contents(fixture.folder, "stdout.txt").split(separator: "\n").map(String.init)
  #expect(lines.first == "Paired differences from baseline, 30 runs, seed 7: capacity_h100e, median [5%, 95%] and share of runs lower")
  #expect(lines.count == 1 + 2 * 6 + 1 && lines.last == "Wrote \(fixture.compared.path)/effects.csv, effect-capacity_h100e.svg, manifest.json")
  let row = try #require(try contents(fixture.compared, "effects.csv").split(separator: "\n").first { $0.hasPrefix("tier3,baseline,2027-12-31,capacity_h100e,") })
  let share = try #require(Double(row.split(separator: ",").last!))
  let line = try #require(lines.first { $0.hasPrefix("2027-12-31  tier3 vs baseline: ") })
  #expect(line.hasSuffix(String(format: " H100-equivalents; lower in %.0f%% of runs", 100 * share)), "\(line)")
}

@Test("inputs that cannot be paired are refused with one line naming the input and what differs; nothing is written")
func compareRefusals() throws {
  let fixture = Fixture.shared
  let dir = fixture.folder.appendingPathComponent("refusals-\(UUID().uuidString)")
  let (baseline, tier3) = (fixture.results("baseline").path, fixture.results("tier3").path)
  func other(_ name: String, _ arguments: [String]) throws -> String {
    let folder = dir.appendingPathComponent(name)
    let run = try runPolicySim(["run", scenario("tier3"), "--out", folder.path, "--quiet"] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    return folder.path
  }
  let cases: [([String], Int32, String)] = [
    ([baseline, try other("seed8", ["--runs", "30", "--seed", "8", "--per-run"])], 65,
      "\(dir.path)/seed8: error: seed 8 differs from \(baseline)'s 7; paired differences need the same seed and runs\n"),
    ([baseline, try other("runs20", ["--runs", "20", "--seed", "7", "--per-run"])], 65,
      "\(dir.path)/runs20: error: runs 20 differs from \(baseline)'s 30; paired differences need the same seed and runs\n"),
    ([baseline, try other("summary-only", ["--runs", "30", "--seed", "7"])], 65,
      "\(dir.path)/summary-only: error: no runs.csv here (write it with policysim run --per-run)\n"),
    ([baseline, tier3, "--seed", "9"], 65, "\(baseline): error: was run with seed 7, not --seed 9\n"),
    ([baseline, tier3, "--runs", "31"], 65, "\(baseline): error: holds 30 runs, not --runs 31\n"),
    ([scenario("baseline"), scenario("hindcast-2024")], 65,
      "\(scenario("hindcast-2024")): error: reports on 84 dates from 2024-01-31 to 2030-12-31, baseline on 72 dates from 2025-01-31 to 2030-12-31; paired differences need the same report dates\n"),
    ([baseline, scenario("baseline")], 65, "\(scenario("baseline")): error: named \"baseline\" like \(baseline); effects.csv tells scenarios apart by name\n"),
  ]
  for (arguments, status, message) in cases {
    let out = dir.appendingPathComponent("out")
    let result = try runPolicySim(["compare"] + arguments + ["--out", out.path])
    #expect(result.status == status && result.stderr == message, "\(arguments): \(result.status) \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
  let metric = try runPolicySim(["compare", baseline, tier3, "--metric", "capacity_h10e", "--out", dir.appendingPathComponent("out").path])
  #expect(metric.status == 65 && metric.stderr.hasPrefix("\(baseline): error: unknown metric \"capacity_h10e\"; did you mean \"capacity_h100e\"?"))
  let reference = try runPolicySim(["compare", baseline, tier3, "--reference", "tier4"])
  #expect(reference.status == 64 && reference.stderr.hasPrefix("Error: --reference: no scenario is named \"tier4\" (names: baseline, tier3)\n"))
  let single = try runPolicySim(["compare", baseline])
  #expect(single.status == 64 && single.stderr.hasPrefix("Error: expected at least two scenarios (a reference and one to compare), found 1\n"))
}

@Test("--reference picks the scenario others are compared with; its own rows are left out")
func compareReference() throws {
  let fixture = Fixture.shared
  let out = fixture.folder.appendingPathComponent("vs-tier3")
  let result = try runPolicySim(["compare"] + names.map { fixture.results($0).path } + ["--reference", "tier3", "--out", out.path, "--quiet"])
  #expect(result.status == 0, "\(result.stderr)")
  let rows = try contents(out, "effects.csv").split(separator: "\n").dropFirst()
  #expect(Set(rows.map { $0.split(separator: ",").prefix(2).joined(separator: ",") }) == ["baseline,tier3", "h200-case-by-case,tier3"])
  // baseline − tier3 is minus tier3 − baseline: the mean flips sign, p05 becomes -p95.
  func cell(_ text: String, _ prefix: String) throws -> [Double] {
    try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) }).split(separator: ",").dropFirst(4).compactMap { Double($0) }
  }
  let forward = try cell(contents(fixture.compared, "effects.csv"), "tier3,baseline,2027-12-31,capacity_h100e,")
  let backward = try cell(contents(out, "effects.csv"), "baseline,tier3,2027-12-31,capacity_h100e,")
  let close = { (a: Double, b: Double) in abs(a - b) <= 1e-9 * max(1, abs(b)) }
  #expect(backward[0] == -forward[0] && backward[1] == forward[1], "\(forward) \(backward)")
  #expect(close(backward[2], -forward[6]) && close(backward[4], -forward[4]) && close(backward[6], -forward[2]), "\(forward) \(backward)")
}

@Test("export-notebook binds a compare folder to EFFECTS and run folders to RESULTS; two compare folders are refused")
func exportCompareNotebook() throws {
  let fixture = Fixture.shared
  func parameters(_ file: URL) throws -> String {
    let notebook = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
    let cell = (notebook["cells"] as! [[String: Any]]).first { $0["cell_type"] as? String == "code" }!
    return (cell["source"] as! [String]).joined()
  }
  let only = try runPolicySim(["export-notebook", fixture.compared.path])
  #expect(only.status == 0 && only.stdout == "Wrote \(fixture.compared.path)/compare.ipynb (compare notebook)\n", "\(only.stderr)")
  #expect(try parameters(fixture.compared.appendingPathComponent("compare.ipynb")).contains("RESULTS = []\nEFFECTS = \".\"\n"))
  let file = fixture.folder.appendingPathComponent("notebooks/both.ipynb")
  let both = try runPolicySim(["export-notebook", fixture.results("tier3").path, fixture.compared.path, fixture.results("baseline").path, "--out", file.path])
  #expect(both.status == 0, "\(both.stderr)")
  #expect(try parameters(file).contains("RESULTS = [\n    \"../tier3\",\n    \"../baseline\",\n]\nEFFECTS = \"../compared\"\n"))
  let twice = try runPolicySim(["export-notebook", fixture.compared.path, fixture.compared.path])
  #expect(twice.status == 64 && twice.stderr.hasPrefix("Error: --kind compare reads one folder of policysim compare, found 2 with effects.csv\n"))
}
