import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let tier3 = root.appendingPathComponent("Scenarios/tier3.json").path
private let outputFiles = ["points.csv", "results.csv", "manifest.json"]

private func scratch() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-sweep-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

private func write(_ json: String, to folder: URL, _ name: String = "spec.json") throws -> String {
  let url = folder.appendingPathComponent(name)
  try Data(json.utf8).write(to: url)
  return url.path
}

private func contents(_ folder: URL, _ name: String) throws -> String {
  try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
}

/// A 4 × 3 grid over the seizure probability and SMIC wafer starts, two metrics.
private let gridSpec = """
  {"design": "grid", "metrics": ["capacity_h100e", "capacity_h100e_gray"], "parameters": [
    {"name": "seizure", "path": "$.grayMarket.channels[0].seizureProbability", "range": {"min": 0.05, "max": 0.5, "levels": 4}},
    {"path": "$.domestic.waferStarts.level", "values": [5000, 15000, 60000]}]}
  """

@Test("a sweep writes points.csv and results.csv in the documented shape")
func sweepOutputShape() throws {
  let dir = try scratch()
  let spec = try write(gridSpec, to: dir)
  let result = try runPolicySim(["sweep", tier3, "--spec", spec, "--runs", "4", "--out", dir.appendingPathComponent("out").path, "--quiet"])
  #expect(result.status == 0, "\(result.stderr)")
  let out = dir.appendingPathComponent("out")
  let points = try contents(out, "points.csv").split(separator: "\n")
  #expect(points.first == "point,seizure,$.domestic.waferStarts.level")
  #expect(points.count == 1 + 12)
  #expect(points[1] == "0,0.05,5000" && points[2] == "1,0.05,15000" && points[12] == "11,0.5,60000")
  let results = try contents(out, "results.csv").split(separator: "\n")
  #expect(results.first == "point,metric,date,mean,sd,p05,p50,p95")
  #expect(results.count == 1 + 12 * 2 * 6)  // points × metrics × (each December 2025–2030)
  #expect(results[1].hasPrefix("0,capacity_h100e,2025-12-31,"))
  #expect(results[7].hasPrefix("0,capacity_h100e_gray,2025-12-31,"))
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as! [String: Any]
  #expect(manifest["seed"] as? Int == 20250115 && manifest["runs"] as? Int == 4 && manifest["pointCount"] as? Int == 12)
  #expect((manifest["scenarioSHA256"] as? String)?.count == 64 && (manifest["specSHA256"] as? String)?.count == 64)
  #expect(manifest["toolVersion"] as? String != nil && manifest["shard"] == nil)
}

@Test("shards run as separate processes, merged, are byte-identical to the unsharded sweep")
func shardsThenMerge() throws {
  let dir = try scratch()
  let spec = try write(gridSpec, to: dir)
  let whole = dir.appendingPathComponent("whole"), shards = dir.appendingPathComponent("shards")
  let base = ["sweep", tier3, "--spec", spec, "--runs", "4", "--quiet"]
  #expect(try runPolicySim(base + ["--out", whole.path]).status == 0)
  // Shard 0 by option; shard 1 as a Slurm array task resubmitted alone (sbatch --array=1: the
  // array's minimum 1 and count 1 must not matter); shard 2 as a Kubernetes Indexed Job.
  #expect(try runPolicySim(base + ["--out", shards.path, "--shard", "0/3"]).status == 0)
  #expect(try runPolicySim(base + ["--out", shards.path, "--shards", "3"], environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "1"]).status == 0)
  #expect(try runPolicySim(base + ["--out", shards.path], environment: ["JOB_COMPLETION_INDEX": "2", "POLICYSIM_SHARDS": "3"]).status == 0)
  #expect(try FileManager.default.contentsOfDirectory(atPath: shards.path).sorted() == ["shard-0-of-3", "shard-1-of-3", "shard-2-of-3"])
  let folders = (0..<3).map { shards.appendingPathComponent("shard-\($0)-of-3").path }
  #expect(try contents(URL(fileURLWithPath: folders[1]), "points.csv").split(separator: "\n").count == 1 + 4)
  let merged = dir.appendingPathComponent("merged")
  let result = try runPolicySim(["merge"] + folders + ["--out", merged.path])
  #expect(result.status == 0, "\(result.stderr)")
  for file in outputFiles {
    #expect(try contents(whole, file) == contents(merged, file), "\(file)")
  }
}

@Test("a job environment that does not state both shard index and count is refused: exit 64, one line, nothing run",
  arguments: [
    (["SLURM_ARRAY_TASK_ID": "9223372036854775807", "SLURM_ARRAY_TASK_MIN": "-1", "SLURM_ARRAY_TASK_COUNT": "4"], [String](),
     "SLURM_ARRAY_TASK_ID=9223372036854775807 gives the shard index but not the shard count: pass --shards N (N = the number of shards, e.g. 8 for --array=0-7) or set POLICYSIM_SHARDS"),
    (["SLURM_ARRAY_TASK_ID": "9223372036854775807"], ["--shards", "4"],
     "SLURM_ARRAY_TASK_ID=9223372036854775807 is outside the 4 shards of --shards 4 (indices 0 to 3)"),
    (["SLURM_ARRAY_TASK_ID": "99999999999999999999"], ["--shards", "4"], "SLURM_ARRAY_TASK_ID: expected a whole number, found \"99999999999999999999\""),
    (["JOB_COMPLETION_INDEX": "-1", "POLICYSIM_SHARDS": "4"], [], "JOB_COMPLETION_INDEX=-1 is outside the 4 shards of POLICYSIM_SHARDS=4 (indices 0 to 3)"),
    (["POLICYSIM_SHARDS": "0", "JOB_COMPLETION_INDEX": "0"], [], "POLICYSIM_SHARDS=0: expected a shard count >= 1"),
    ([:], ["--shards", "4"],
     "--shards 4 gives the shard count but nothing gives the index: expected SLURM_ARRAY_TASK_ID (a Slurm array task) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); to run one shard by hand use --shard K/N"),
    ([:], ["--shard", "1/4", "--shards", "4"], "--shard 1/4 already gives the shard count; drop --shards"),
  ])
func shardEnvironmentRefused(environment: [String: String], options: [String], message: String) throws {
  let dir = try scratch()
  let spec = try write(gridSpec, to: dir)
  let out = dir.appendingPathComponent("out")
  let result = try runPolicySim(["sweep", tier3, "--spec", spec, "--runs", "2", "--out", out.path, "--quiet"] + options, environment: environment)
  #expect(result.status == 64)
  #expect(result.stderr == "Error: \(message)\n")
  #expect(!FileManager.default.fileExists(atPath: out.path))
}

@Test("merge refuses missing points, a shard given twice, and shards of different sweeps")
func mergeRefusals() throws {
  let dir = try scratch()
  let spec = try write(gridSpec, to: dir)
  let base = ["sweep", tier3, "--spec", spec, "--quiet"]
  for (runs, shard) in [("4", "0/2"), ("4", "1/2"), ("5", "1/2")] {
    #expect(try runPolicySim(base + ["--runs", runs, "--shard", shard, "--out", dir.appendingPathComponent(runs).path]).status == 0)
  }
  let zero = dir.appendingPathComponent("4/shard-0-of-2").path, one = dir.appendingPathComponent("4/shard-1-of-2").path
  let other = dir.appendingPathComponent("5/shard-1-of-2").path
  let out = dir.appendingPathComponent("merged").path

  let missing = try runPolicySim(["merge", zero, "--out", out])
  #expect(missing.status == 65)
  #expect(missing.stderr == "merge: error: 6 of 12 points missing (1, 3, 5, 7, 9, 11); was every shard passed and finished?\n")
  let twice = try runPolicySim(["merge", zero, one, zero, "--out", out])
  #expect(twice.status == 65)
  #expect(twice.stderr == "merge: error: point 0 is in both \(zero) and \(zero); pass each shard once\n")
  let mixed = try runPolicySim(["merge", zero, other, "--out", out])
  #expect(mixed.status == 65)
  #expect(mixed.stderr == "\(other)/manifest.json: error: from a different sweep than \(zero): runs is 5 here, 4 there\n")
  #expect(!FileManager.default.fileExists(atPath: out))
}

@Test("a sweep killed with SIGKILL and rerun equals an uninterrupted one, no point run twice")
func killAndResume() throws {
  let dir = try scratch()
  let spec = try write("""
    {"design": "lhs", "points": 24, "metrics": ["capacity_h100e"], "parameters": [
      {"path": "$.grayMarket.channels[0].lotsPerMonth", "values": [1, 2, 3, 4, 5, 6]},
      {"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1}}]}
    """, to: dir)
  let arguments = ["sweep", tier3, "--spec", spec, "--runs", "10", "--threads", "1", "--quiet"]
  let whole = dir.appendingPathComponent("whole"), resumed = dir.appendingPathComponent("resumed")
  #expect(try runPolicySim(arguments + ["--out", whole.path]).status == 0)

  let journal = resumed.appendingPathComponent("journal.jsonl")
  let process = Process()
  process.executableURL = policySimBinary()
  process.arguments = arguments + ["--out", resumed.path]
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  func journalled() -> Int {
    ((try? String(contentsOf: journal, encoding: .utf8)) ?? "").split(separator: "\n").count - 1
  }
  let deadline = Date().addingTimeInterval(60)
  while journalled() < 3, process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
  kill(process.processIdentifier, SIGKILL)
  process.waitUntilExit()
  let atKill = journalled()
  #expect(process.terminationReason == .uncaughtSignal, "the sweep finished before it could be killed")
  #expect((3..<24).contains(atKill))
  #expect(!FileManager.default.fileExists(atPath: resumed.appendingPathComponent("results.csv").path))

  let rerun = try runPolicySim(arguments + ["--out", resumed.path])
  #expect(rerun.status == 0, "\(rerun.stderr)")
  for file in outputFiles {
    #expect(try contents(whole, file) == contents(resumed, file), "\(file)")
  }
  let points = try contents(resumed, "journal.jsonl").split(separator: "\n").dropFirst().map { line in
    (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["point"] as! Int
  }
  #expect(points.count == 24 && Set(points) == Set(0..<24), "journal points: \(points)")
}

@Test("rerunning into a folder holding another sweep's journal is refused")
func journalOfAnotherSweep() throws {
  let dir = try scratch()
  let spec = try write(gridSpec, to: dir)
  let out = dir.appendingPathComponent("out").path
  #expect(try runPolicySim(["sweep", tier3, "--spec", spec, "--runs", "2", "--out", out, "--quiet"]).status == 0)
  let again = try runPolicySim(["sweep", tier3, "--spec", spec, "--runs", "3", "--out", out, "--quiet"])
  #expect(again.status == 65)
  #expect(again.stderr == "\(out)/journal.jsonl: error: the journal belongs to a different sweep (runs is 2 there, 3 now); use another --out or delete the folder to start afresh\n")
}

@Test("a bad spec exits 65 with one line per problem (unknown path, empty range, n = 0) and writes nothing")
func badSpec() throws {
  let dir = try scratch()
  let spec = try write("""
    {"design": "sobol", "points": 0, "metrics": ["capacity_h100"], "parameters": [
      {"path": "$.grayMarket.chanels[0].seizureProbability", "range": {"min": 0.05, "max": 0.5}},
      {"path": "$.domestic.waferStarts.level", "range": {"min": 60000, "max": 60000}},
      {"path": "$.fleet.failureRatePerYear", "values": [0.01, 1.5]}]}
    """, to: dir)
  let out = dir.appendingPathComponent("out")
  let result = try runPolicySim(["sweep", tier3, "--spec", spec, "--out", out.path])
  #expect(result.status == 65)
  #expect(result.stderr == """
    \(spec): error: at $.points: expected a whole number of points >= 1, found 0
    \(spec): error: at $.parameters[0].path: $.grayMarket.chanels[0].seizureProbability is not in the scenario (\(tier3)): at $.grayMarket.chanels: no such key (keys here: channels)
    \(spec): error: at $.parameters[1].range: expected max > min, found an empty range (min 60000, max 60000)
    \(spec): error: at $.parameters[2].values[1]: the scenario rejects 1.5: at $.fleet.failureRatePerYear: expected a fraction per year in [0, 1], found 1.5
    \(spec): error: at $.metrics[0]: expected an outcome name of the scenario, found "capacity_h100"; did you mean "capacity_h100e"?

    """)
  #expect(!FileManager.default.fileExists(atPath: out.path))
}

@Test("analyze writes sensitivity.csv for a saltelli sweep and tornado.csv for a grid")
func analyzeFiles() throws {
  let dir = try scratch()
  let saltelli = try write("""
    {"design": "saltelli", "points": 4, "metrics": ["capacity_h100e"], "dates": ["2027-12-31"], "parameters": [
      {"name": "seizure", "path": "$.grayMarket.channels[0].seizureProbability", "range": {"min": 0.05, "max": 0.5}},
      {"name": "lots", "path": "$.grayMarket.channels[0].lotsPerMonth", "range": {"min": 1, "max": 6}}]}
    """, to: dir, "saltelli.json")
  let grid = try write(gridSpec, to: dir, "grid.json")
  let s = dir.appendingPathComponent("s"), g = dir.appendingPathComponent("g")
  #expect(try runPolicySim(["sweep", tier3, "--spec", saltelli, "--runs", "3", "--out", s.path, "--quiet"]).status == 0)
  #expect(try runPolicySim(["sweep", tier3, "--spec", grid, "--runs", "3", "--out", g.path, "--quiet"]).status == 0)

  let sobol = try runPolicySim(["analyze", s.path, "--metric", "capacity_h100e", "--date", "2027-12-31", "--resamples", "50"])
  #expect(sobol.status == 0, "\(sobol.stderr)")
  let sensitivity = try contents(s, "sensitivity.csv").split(separator: "\n")
  #expect(sensitivity.first == "metric,date,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high")
  #expect(sensitivity.dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == ["capacity_h100e,2027-12-31,seizure", "capacity_h100e,2027-12-31,lots"])
  #expect(sensitivity.dropFirst().allSatisfy { $0.split(separator: ",").count == 9 })

  let tornado = try runPolicySim(["analyze", g.path, "--metric", "capacity_h100e_gray", "--date", "2030-12-31"])
  #expect(tornado.status == 0, "\(tornado.stderr)")
  let rows = try contents(g, "tornado.csv").split(separator: "\n")
  #expect(rows.first == "metric,date,parameter,low_value,high_value,output_at_low,output_at_high,swing")
  #expect(rows.count == 3)
  // Seizing more smuggled chips leaves fewer: the gray-market capacity falls across the range.
  let seizure = try #require(rows.first { $0.contains(",seizure,") }).split(separator: ",")
  #expect(seizure[3] == "0.05" && seizure[4] == "0.5" && Double(seizure[5])! > Double(seizure[6])!)

  let wrong = try runPolicySim(["analyze", g.path, "--metric", "capacity_h100", "--date", "2030-12-31"])
  #expect(wrong.status == 65)
  #expect(wrong.stderr == "\(g.path)/results.csv: error: --metric capacity_h100 is not in the sweep's results; did you mean \"capacity_h100e\"?\n")
}
