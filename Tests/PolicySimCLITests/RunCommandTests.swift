import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let tier3 = root.appendingPathComponent("Scenarios/tier3.json").path

/// The outcomes of the output contract (docs/scenario-format.md, "Outcomes").
/// Metrics of tier3: the fixed outcomes, 2 vendors × 4 and 4 products × 6.
private let outcomeCount = 46 + 8 + 24

private func scratch() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-run-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

private func contents(_ folder: URL, _ name: String) throws -> String {
  try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
}

@Test("run writes the output contract, byte-identical at 1 and 2 threads")
func runIsDeterministicAcrossThreads() throws {
  let dir = try scratch()
  let one = dir.appendingPathComponent("one"), two = dir.appendingPathComponent("two")
  let a = try runPolicySim(["run", tier3, "--runs", "40", "--threads", "1", "--out", one.path, "--quiet", "--per-run"])
  let b = try runPolicySim(["run", tier3, "--runs", "40", "--threads", "2", "--out", two.path, "--quiet", "--per-run"])
  #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
  for file in ["summary.csv", "scalars.csv", "draws.csv", "runs.csv"] {
    #expect(try contents(one, file) == contents(two, file), "\(file)")
  }
  let summary = try contents(one, "summary.csv").split(separator: "\n")
  #expect(summary.first == "scenario,date,metric,mean,sd,p05,p25,p50,p75,p95")
  #expect(summary.count == 1 + 72 * outcomeCount)  // 72 monthly reports × every outcome
  #expect(summary[1].hasPrefix("tier3,2025-01-31,capacity_h100e,"))
  #expect(try contents(one, "scalars.csv").split(separator: "\n").count == 1 + 40 * 4)
  #expect(try contents(one, "runs.csv").split(separator: "\n").count == 1 + 40 * 72 * outcomeCount)
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: one.appendingPathComponent("manifest.json"))) as! [String: Any]
  #expect(manifest["seed"] as? Int == 20250115 && manifest["runs"] as? Int == 40)
  #expect((manifest["scenarioSHA256"] as? String)?.count == 64)
}

@Test("--set changes the resolved scenario and its hash; a bad path is refused")
func setOverrides() throws {
  let dir = try scratch()
  _ = try runPolicySim(["run", tier3, "--runs", "2", "--out", dir.appendingPathComponent("a").path, "--quiet"])
  let set = try runPolicySim(["run", tier3, "--runs", "2", "--out", dir.appendingPathComponent("b").path, "--quiet", "--set", "$.grayMarket.channels[0].lotsPerMonth=6"])
  #expect(set.status == 0)
  let hash = { (name: String) throws -> String in
    let data = try Data(contentsOf: dir.appendingPathComponent(name).appendingPathComponent("manifest.json"))
    return (try JSONSerialization.jsonObject(with: data) as! [String: Any])["scenarioSHA256"] as! String
  }
  #expect(try hash("a") != hash("b"))
  let bad = try runPolicySim(["run", tier3, "--out", dir.appendingPathComponent("c").path, "--set", "$.grayMarket.chanels[0].lotsPerMonth=6"])
  #expect(bad.status == 65)
  #expect(bad.stderr == "\(tier3): error: --set at $.grayMarket.chanels: no such key (keys here: channels)\n")
  #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c").path))
}

@Test("an invalid scenario exits 65 with one line per problem and writes nothing")
func invalidScenario() throws {
  let dir = try scratch()
  let file = dir.appendingPathComponent("bad.json")
  try Data(#"{"extends": "\#(tier3)", "runs": 0, "fleet": {"failureRatePerYear": 1.5}}"#.utf8).write(to: file)
  let result = try runPolicySim(["run", file.path, "--out", dir.appendingPathComponent("out").path])
  #expect(result.status == 65)
  #expect(result.stderr == """
    \(file.path): error: at $.runs: expected a whole number of runs in [1, 10000000], found 0
    \(file.path): error: at $.fleet.failureRatePerYear: expected a fraction per year in [0, 1], found 1.5

    """)
  #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
}

@Test("SIGINT during a long run exits 130 and leaves no complete-looking output")
func interrupt() throws {
  let dir = try scratch()
  let out = dir.appendingPathComponent("out")
  let process = Process()
  process.executableURL = root.appendingPathComponent(".build/debug/policysim")
  process.arguments = ["run", tier3, "--runs", "50000", "--out", out.path, "--quiet"]
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  Thread.sleep(forTimeInterval: 1.5)
  process.interrupt()
  process.waitUntilExit()
  #expect(process.terminationStatus == 130)
  #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.csv").path))
  #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
}

@Test("the terminal summary fits 100 columns; --format csv and json print the same cells for scripts")
func summaryFormats() throws {
  let dir = try scratch()
  let table = try runPolicySim(["run", tier3, "--runs", "20", "--out", dir.appendingPathComponent("t").path])
  #expect(table.status == 0, "\(table.stderr)")
  let lines = table.stdout.split(separator: "\n")
  #expect(lines.count == 12 && lines.filter { !$0.hasPrefix("  in ") }.allSatisfy { $0.count <= 100 }, "\(table.stdout)")
  #expect(lines[1].hasPrefix("date        total                 legal                 gray                  domestic"))
  #expect(lines[8].hasPrefix("Stockpile out with demand unmet in "))
  let csv = try runPolicySim(["run", tier3, "--runs", "20", "--out", dir.appendingPathComponent("c").path, "--format", "csv"])
  let rows = csv.stdout.split(separator: "\n")
  #expect(rows.first == "date,metric,p05,p50,p95" && rows.count == 1 + 6 * 4)
  #expect(rows[1].hasPrefix("2025-12-31,capacity_h100e,"))
  let json = try runPolicySim(["run", tier3, "--runs", "20", "--out", dir.appendingPathComponent("j").path, "--format", "json"])
  let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
  #expect(object["runs"] as? Int == 20 && (object["rows"] as? [Any])?.count == 24)
  #expect((object["files"] as? [String]) == ["summary.csv", "scalars.csv", "draws.csv", "manifest.json"])
  #expect((object["stockpileDepleted"] as? [String: Any])?["median"] is String)
}

@Test("out-of-range options are refused in one line with exit 64, before anything runs")
func optionLimits() throws {
  let dir = try scratch()
  for (options, message) in [
    (["--threads", "9223372036854775807"], "Error: --threads: expected a number in [1, 256], found 9223372036854775807\n"),
    (["--runs", "0"], "Error: --runs: expected a number in [1, 10000000], found 0\n"),
    (["--seed", "9007199254740992"], "Error: --seed: expected a number in [0, 9007199254740991] (2^53 - 1, which JSON holds exactly), found 9007199254740992\n"),
    (["--gzip"], "Error: --gzip compresses runs.csv; add --per-run\n"),
    (["--runs", "2000000"], "Error: --runs 2000000: needs about 152.1 GiB of memory, above the limit of 8 GiB; use fewer runs or --force\n"),
    (["--runs", "100000", "--per-run"], "Error: --runs 100000: writes about 24.3 GiB of files, above the limit of 16 GiB; use fewer runs or --force\n"),
  ] {
    let result = try runPolicySim(["run", tier3, "--out", dir.appendingPathComponent("o").path] + options)
    #expect(result.status == 64 && result.stderr == message, "\(options)")
  }
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
}

@Test("runs.csv.gz holds exactly runs.csv, and is byte-identical at 1 and 2 threads")
func compressedRunsDeterministic() throws {
  let dir = try scratch()
  var files: [Data] = []
  for (threads, gzip) in [("1", true), ("2", true), ("2", false)] {
    let out = dir.appendingPathComponent("t\(threads)\(gzip)")
    let result = try runPolicySim(["run", tier3, "--runs", "30", "--threads", threads, "--out", out.path, "--quiet", "--per-run"] + (gzip ? ["--gzip"] : []))
    #expect(result.status == 0, "\(result.stderr)")
    files.append(try Data(contentsOf: out.appendingPathComponent(gzip ? "runs.csv.gz" : "runs.csv")))
  }
  #expect(files[0] == files[1])
  #expect(files[0].prefix(2) == Data([0x1F, 0x8B]))
  let unzipped = dir.appendingPathComponent("unzipped.csv")
  try files[0].write(to: dir.appendingPathComponent("runs.csv.gz"))
  let gunzip = Process()
  gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
  gunzip.arguments = ["-c", "gzip -dc '\(dir.path)/runs.csv.gz' > '\(unzipped.path)'"]
  try gunzip.run()
  gunzip.waitUntilExit()
  #expect(try Data(contentsOf: unzipped) == files[2])
}
