import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let targetsFile = root.appendingPathComponent("Validation/targets.json").path

/// A fresh 40-run hindcast with per-run output, made once for every test here.
private let hindcast: URL = {
  let out = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-hindcast-\(UUID().uuidString)")
  _ = try? runPolicySim(["run", root.appendingPathComponent("Scenarios/hindcast-2024.json").path, "--runs", "40", "--per-run", "--out", out.path, "--quiet"])
  return out
}()

private func scratch() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-score-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The fields of one CSV line (RFC 4180 quoting).
private func fields(_ line: Substring) -> [String] {
  var fields: [String] = [], field = "", quoted = false, previous: Character = " "
  for character in line {
    if character == "\"" {
      if quoted { quoted = false } else { quoted = true; if previous == "\"" { field.append("\"") } }
    } else if character == ",", !quoted {
      fields.append(field)
      field = ""
    } else {
      field.append(character)
    }
    previous = character
  }
  return fields + [field]
}

/// The ids of the shipped targets file, in order.
private func targetIds() throws -> [String] {
  let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: targetsFile))) as! [String: Any]
  return (json["targets"] as! [[String: Any]]).map { $0["id"] as! String }
}

@Test("score prints every target within 100 columns, writes score.csv with a verdict for each, and ends with the count")
func scoreHindcast() throws {
  let out = try scratch()
  let result = try runPolicySim(["score", hindcast.path, "--targets", targetsFile, "--out", out.path])
  #expect(result.status == 0, "\(result.stderr)")
  let lines = result.stdout.split(separator: "\n")
  #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.filter { $0.count > 100 })")
  #expect(lines.first == "hindcast-2024: 40 runs, seed 20240101; 35 targets from \(targetsFile)")
  #expect(lines.dropLast().last?.wholeMatch(of: /\d+ of \d+ independent targets inside the 90% band/) != nil, "\(lines.suffix(2))")
  let ids = try targetIds()
  for id in ids { #expect(result.stdout.contains(id), "\(id) is printed") }
  let rows = try String(contentsOf: out.appendingPathComponent("score.csv"), encoding: .utf8).split(separator: "\n").map(fields)
  #expect(rows.first == [
    "scenario", "id", "measures", "input", "calibrates", "metric", "window", "unit", "published_low", "published_central",
    "published_high", "p05", "p25", "p50", "p75", "p95", "percentile", "verdict", "detail",
  ])
  #expect(rows.dropFirst().map { $0[1] } == ids)
  let verdicts: Set = ["inside 50%", "inside 90%", "outside", "not covered", "not in results", "not modelled"]
  for row in rows.dropFirst() {
    #expect(row.count == 19 && verdicts.contains(row[17]), "\(row)")
    let compared = ["inside 50%", "inside 90%", "outside"].contains(row[17])
    #expect(compared == (Double(row[13]) != nil && Double(row[16]) != nil), "\(row[1]): quantiles and percentile exactly when compared")
    #expect(compared || !row[18].isEmpty, "\(row[1]): a reason when not compared")
  }
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("score-manifest.json"))) as! [String: Any]
  #expect(manifest["seed"] as? Int == 20240101 && (manifest["scenarioSHA256"] as? String)?.count == 64)
  #expect((manifest["targetsSHA256"] as? String)?.count == 64 && manifest["toolVersion"] as? String == "0.1.0")
}

@Test("score without runs.csv, or with a bad targets file, exits 65 with one line per problem and writes nothing")
func scoreRefusals() throws {
  let out = try scratch()
  let plain = out.appendingPathComponent("plain")
  _ = try runPolicySim(["run", root.appendingPathComponent("Scenarios/hindcast-2024.json").path, "--runs", "2", "--out", plain.path, "--quiet"])
  let noRuns = try runPolicySim(["score", plain.path, "--targets", targetsFile])
  #expect(noRuns.status == 65)
  #expect(noRuns.stderr == "\(plain.path): error: no runs.csv here (write it with: policysim run SCENARIO --per-run --out \(plain.path))\n")
  let bad = out.appendingPathComponent("bad.json")
  try Data(#"{"schemaVersion": 1, "targets": [{"id": "A", "measures": "m", "published": {"text": "t"}, "source": "s", "input": "no", "reason": "r", "extra": 1}]}"#.utf8).write(to: bad)
  let invalid = try runPolicySim(["score", hindcast.path, "--targets", bad.path, "--out", out.path])
  #expect(invalid.status == 65)
  #expect(invalid.stderr == """
    \(bad.path): error: at $.targets[0]: unknown key "extra"
    \(bad.path): error: at $.targets[0].input: expected true or false, found "no"

    """)
  #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("score.csv").path))
}

@Test("condition writes weighted summaries shaped like summary.csv, parameters, weights and a two-series chart, and warns on a small sample")
func conditionHindcast() throws {
  let out = try scratch()
  let result = try runPolicySim(["condition", hindcast.path, "--targets", targetsFile, "--out", out.path, "--metric", "capacity_h100e"])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.contains("Effective sample size (Kish): "))
  #expect(result.stderr.hasPrefix("warning: the effective sample size ("), "40 runs are always below 200")
  let summary = try String(contentsOf: hindcast.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
  let conditioned = try String(contentsOf: out.appendingPathComponent("summary-conditioned.csv"), encoding: .utf8).split(separator: "\n")
  #expect(conditioned.count == summary.count && conditioned.first == summary.first)
  #expect(conditioned.map { $0.split(separator: ",").prefix(3) } == summary.map { $0.split(separator: ",").prefix(3) }, "same scenario, dates and metrics in the same order")
  let weights = try String(contentsOf: out.appendingPathComponent("weights.csv"), encoding: .utf8).split(separator: "\n")
  #expect(weights.count == 41 && weights.first == "run,weight")
  #expect(abs(weights.dropFirst().compactMap { Double($0.split(separator: ",")[1]) }.reduce(0, +) - 1) < 1e-9)
  let parameters = try String(contentsOf: out.appendingPathComponent("parameters-conditioned.csv"), encoding: .utf8).split(separator: "\n")
  let drawn = Set(try String(contentsOf: hindcast.appendingPathComponent("draws.csv"), encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
  #expect(parameters.count == 1 + drawn.count)
  let svg = try SVGInspection(file: out.appendingPathComponent("conditioned-capacity_h100e.svg"))
  #expect(svg.groupLabels(class: "series").count == 4, "bands and median of prior and conditioned")
  #expect(svg.groupLabels(class: "series").first == "Prior: all 40 runs")
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("conditioned-manifest.json"))) as! [String: Any]
  #expect((manifest["observations"] as? [[String: Any]])?.isEmpty == false && manifest["cutoff"] as? String == "2025-12-31")
  let oneThread = try scratch()
  let single = try runPolicySim(["condition", hindcast.path, "--targets", targetsFile, "--out", oneThread.path, "--metric", "capacity_h100e", "--threads", "1"])
  #expect(single.status == 0 && single.stdout.split(separator: "\n").dropLast() == result.stdout.split(separator: "\n").dropLast())
  for name in ["summary-conditioned.csv", "parameters-conditioned.csv", "weights.csv", "conditioned-capacity_h100e.svg", "conditioned-manifest.json"] {
    #expect(try Data(contentsOf: oneThread.appendingPathComponent(name)) == Data(contentsOf: out.appendingPathComponent(name)), "\(name) at 1 thread")
  }
}

@Test("condition refuses an input target, an unknown id and a cut-off that leaves nothing, with one line each")
func conditionRefusals() throws {
  let cases: [([String], String)] = [
    (["--ids", "V1"], "\(targetsFile): error: V1 calibrated an input (hindcast-2024 $.legalImports[0].monthlyUnits (H20 Apr-Dec 2024, mean 100k/month); the baseline's $.stockpile (H20 ~1M)); conditioning on it would count it twice\n"),
    (["--ids", "V6-unit"], "\(targetsFile): error: no target \"V6-unit\"; did you mean \"V6-units\"?\n"),
    (["--ids", "V11"], "\(targetsFile): error: V11 cannot be used: the model does not speak to it\n"),
  ]
  for (arguments, message) in cases {
    let result = try runPolicySim(["condition", hindcast.path, "--targets", targetsFile, "--out", try scratch().path] + arguments)
    #expect(result.status == 65 && result.stderr == message, "\(arguments)")
  }
  let early = try runPolicySim(["condition", hindcast.path, "--targets", targetsFile, "--cutoff", "2024-06-30", "--out", try scratch().path])
  #expect(early.status == 65 && early.stderr.hasPrefix("\(hindcast.path): error: no independent target is covered by this run and ends by 2024-06-30"))
  #expect(early.stderr.split(separator: "\n").count == 1)
  let badDate = try runPolicySim(["condition", hindcast.path, "--targets", targetsFile, "--cutoff", "2024-13-01"])
  #expect(badDate.status == 64)
}

/// docs/hindcast.md is `policysim score --markdown` on a fresh run of the hindcast with the
/// run count and seed the document states (make hindcast writes it). Rerun `make hindcast`
/// after a change to the model, the scenario or the targets, and review the diff.
@Test("docs/hindcast.md is exactly what make hindcast generates today")
func hindcastDocumentIsCurrent() throws {
  let document = try String(contentsOf: root.appendingPathComponent("docs/hindcast.md"), encoding: .utf8)
  let stated = try #require(document.firstMatch(of: /`Scenarios\/hindcast-2024.json`, ([0-9,]+) replications, seed ([0-9]+)/), "the document states its run")
  let out = try scratch()
  let run = try runPolicySim(
    ["run", "Scenarios/hindcast-2024.json", "--runs", String(stated.1).replacingOccurrences(of: ",", with: ""), "--seed", String(stated.2), "--per-run", "--out", out.path, "--quiet"],
    directory: root)
  #expect(run.status == 0, "\(run.stderr)")
  let score = try runPolicySim(["score", out.path, "--targets", "Validation/targets.json", "--markdown", out.appendingPathComponent("hindcast.md").path], directory: root)
  #expect(score.status == 0, "\(score.stderr)")
  let generated = try String(contentsOf: out.appendingPathComponent("hindcast.md"), encoding: .utf8)
  #expect(generated == document, "docs/hindcast.md is stale: run make hindcast and review the diff")
  try? FileManager.default.removeItem(at: out)
}
