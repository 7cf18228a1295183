import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

private func scratch() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-discover-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Numbers in [0, 1) from a xorshift generator: the same in every test run.
private struct Uniforms {
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  mutating func next() -> Double {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return Double(state >> 11) / Double(1 << 53)
  }
}

/// A results folder written by hand: 400 runs drawing $.a[0].x, $.b.c and $.d uniformly, of
/// interest inside the planted box 0.3 <= $.a[0].x <= 0.8 and $.b.c >= 0.6 (scalar `hit`, and
/// metric `y` at 2026-01-31 of runs.csv); the sources name $.a and $.b.c.
private func plantedFolder() throws -> URL {
  let folder = try scratch()
  var uniforms = Uniforms()
  var draws = "run,parameter,value\n", scalars = "run,seed,metric,value\n", runs = "run,date,metric,value\n"
  for run in 0..<400 {
    let (a, c, d) = (uniforms.next(), uniforms.next(), uniforms.next())
    draws += "\(run),$.a[0].x,\(a)\n\(run),$.b.c,\(c)\n\(run),$.d,\(d)\n"
    let hit = (0.3...0.8).contains(a) && c >= 0.6
    scalars += "\(run),1,hit,\(hit ? 1 : 0)\n\(run),1,never,\n"
    runs += "\(run),2026-01-31,y,\(hit ? 10 : -10)\n"
  }
  for (name, text) in [("draws.csv", draws), ("scalars.csv", scalars), ("runs.csv", runs)] {
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  try #"{"runs":400,"scenarioName":"planted","scenarioSHA256":"abc","seed":1,"resolvedScenario":{"start":"2026-01-01","sources":{"$.a":"source of a","$.b.c":"source of b.c"}}}"#
    .write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
  return folder
}

/// The rows of discovery.csv as dictionaries by column.
private func discoveryRows(_ folder: URL) throws -> [[String: String]] {
  let lines = try String(contentsOf: folder.appendingPathComponent("discovery.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
  let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
}

@Test("discover recovers a planted box, by a scalar or a per-date outcome, naming each bound's source by nearest ancestor path",
  arguments: ["hit > 0.5", "y@2026-01-31 > 0"])
func discoverPlantedBox(condition: String) throws {
  let folder = try plantedFolder()
  let result = try runPolicySim(["discover", folder.path, "--where", condition, "--threshold", "1"])
  #expect(result.status == 0, "\(result.stderr)")
  let selected = try discoveryRows(folder).filter { $0["selected"] == "true" }
  #expect(selected.map { $0["parameter"] } == ["$.a[0].x", "$.b.c"], "\(result.stdout)")
  let a = selected[0], c = selected[1]
  #expect(abs(Double(a["lower"]!)! - 0.3) < 0.05 && abs(Double(a["upper"]!)! - 0.8) < 0.05 && abs(Double(c["lower"]!)! - 0.6) < 0.05, "\(selected)")
  #expect(c["upper"] == c["data_upper"], "$.b.c is bounded below only")
  #expect(a["density"] == "1" && Double(a["coverage"]!)! > 0.8)
  #expect(a["source_path"] == "$.a" && a["source"] == "source of a" && c["source_path"] == "$.b.c")
  #expect(selected.allSatisfy { Double($0["quasi_p"]!)! < 1e-6 }, "both planted restrictions are significant")
  #expect(try discoveryRows(folder).filter { $0["selected"] == "false" }.allSatisfy { $0["quasi_p"] == "" })
  #expect(result.stdout.hasPrefix("PRIM over 3 drawn parameters of planted (400 runs, seed 1): \(condition) in "))
  #expect(result.stdout.contains("\n  $.a[0].x  "))
  #expect(result.stdout.contains("$.a: source of a") && result.stdout.contains("$.b.c: source of b.c"))
  let svg = try SVGInspection(file: folder.appendingPathComponent("discovery.svg"))
  #expect(svg.elements(class: "highlight").count == 1 && svg.elements(class: "threshold").count == 1)
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("discovery.json"))) as! [String: Any]
  #expect(manifest["where"] as? String == condition && manifest["scenarioSHA256"] as? String == "abc" && manifest["selectedPoint"] is Int)
}

@Test("--box picks a trajectory point; --paste records the pasted box as the selected one")
func discoverBoxChoice() throws {
  let folder = try plantedFolder()
  let chosen = try runPolicySim(["discover", folder.path, "--where", "hit > 0.5", "--box", "3"])
  #expect(chosen.status == 0, "\(chosen.stderr)")
  #expect(chosen.stdout.contains("\nBox 3, chosen with --box: "))
  #expect(Set(try discoveryRows(folder).filter { $0["selected"] == "true" }.map { $0["point"] }) == ["3"])
  let pasted = try runPolicySim(["discover", folder.path, "--where", "hit > 0.5", "--box", "3", "--paste"])
  #expect(pasted.status == 0 && pasted.stdout.contains("\nBox 3, chosen with --box, pasted: "))
  #expect(Set(try discoveryRows(folder).filter { $0["selected"] == "true" }.map { $0["phase"] }) == ["paste"])
  let beyond = try runPolicySim(["discover", folder.path, "--where", "hit > 0.5", "--box", "999"])
  #expect(beyond.status == 64 && beyond.stderr.hasPrefix("Error: --box: expected a trajectory point from 0 to "))
}

@Test("discover runs on a shipped scenario's results")
func discoverShippedScenario() throws {
  let folder = try scratch().appendingPathComponent("tier3")
  let run = try runPolicySim(["run", root.appendingPathComponent("Scenarios/tier3.json").path, "--runs", "60", "--per-run", "--out", folder.path, "--quiet"])
  #expect(run.status == 0, "\(run.stderr)")
  let median = try #require(try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
    .split(separator: "\n").first { $0.hasPrefix("tier3,2027-12-31,capacity_h100e,") }?.split(separator: ",")[7])
  let condition = "capacity_h100e@2027-12-31 > \(median)"
  let result = try runPolicySim(["discover", folder.path, "--where", condition])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.contains("): \(condition) in 30 runs (50.0%)\n"), "\(result.stdout)")
  let rows = try discoveryRows(folder)
  #expect(rows.first?["point"] == "0" && rows.first?["mass"] == "1" && rows.first?["density"] == "0.5")
  #expect(rows.filter { !$0["parameter"]!.isEmpty }.allSatisfy { $0["parameter"]!.hasPrefix("$.") && !$0["source_path"]!.isEmpty })
  #expect(result.stdout.hasSuffix("Wrote \(folder.path)/discovery.csv, discovery.svg, discovery.json\n"))
}

@Test("bad --where expressions are usage errors; a missing metric, date or file is one line, exit 65; nothing is written")
func discoverRefusals() throws {
  let folder = try plantedFolder()
  let cases: [([String], Int32, String)] = [
    (["--where", "hit >= 1"], 64, "Error: --where: expected METRIC@YYYY-MM-DD < NUMBER, METRIC@YYYY-MM-DD > NUMBER, METRIC < NUMBER or METRIC > NUMBER, found \"hit >= 1\"\n"),
    (["--where", "hit > 0.5", "--peel-alpha", "0.5"], 64, "Error: --peel-alpha: expected a share in (0, 0.5), found 0.5\n"),
    (["--where", "y@2026-01-31 > 0", "--min-mass", "0"], 64, "Error: --min-mass: expected a share in (0, 1), found 0.0\n"),
    (["--where", "z@2026-01-31 > 0"], 65, "\(folder.path)/runs.csv: error: unknown metric \"z\"; did you mean \"y\"? (metrics here: y)\n"),
    (["--where", "y@2026-02-28 > 0"], 65, "\(folder.path)/runs.csv: error: no report date 2026-02-28 (report dates are month ends from 2026-01-31 to 2026-01-31)\n"),
    (["--where", "hot > 0"], 65, "\(folder.path)/scalars.csv: error: unknown metric \"hot\"; did you mean \"hit\"? (metrics here: hit, never); a metric reported at each date needs METRIC@YYYY-MM-DD\n"),
    (["--where", "never > 0"], 65, "\(folder.path): error: every run meets never > 0 (400 of 400); nothing to tell apart\n"),
    (["--where", "hit > 2"], 65, "\(folder.path): error: no run meets hit > 2 (0 of 400); nothing to tell apart\n"),
  ]
  for (arguments, status, message) in cases {
    let result = try runPolicySim(["discover", folder.path] + arguments)
    #expect(result.status == status && (status == 64 ? result.stderr.hasPrefix(message) : result.stderr == message), "\(arguments): \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("discovery.csv").path))
  }
  try FileManager.default.removeItem(at: folder.appendingPathComponent("runs.csv"))
  let noRuns = try runPolicySim(["discover", folder.path, "--where", "y@2026-01-31 > 0"])
  #expect(noRuns.status == 65 && noRuns.stderr == "\(folder.path): error: no runs.csv here (write it with policysim run --per-run)\n")
}
