import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// Runs `scenario` (a file in Scenarios/) with 30 replications into a new temporary folder.
private func results(_ scenario: String, extra: [String] = []) throws -> URL {
  let out = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-plot-\(UUID().uuidString)/\(scenario)")
  let run = try runPolicySim(["run", root.appendingPathComponent("Scenarios/\(scenario).json").path, "--runs", "30", "--out", out.path, "--quiet"] + extra)
  #expect(run.status == 0, "\(run.stderr)")
  return out
}

/// Every coordinate lies inside the viewBox.
private func expectInsideViewBox(_ svg: SVGInspection, _ name: String) {
  let outside = svg.allPoints.filter { $0.x < 0 || $0.y < 0 || $0.x > svg.viewBox.width || $0.y > svg.viewBox.height }
  #expect(outside.isEmpty, "\(name): \(outside.count) points outside the viewBox, e.g. \(outside.prefix(3))")
  #expect(svg.allPoints.count > 50, "\(name) draws something")
}

@Test("run --plot writes three well-formed SVG charts titled by scenario, credited with version, runs, seed and date")
func runWritesDefaultCharts() throws {
  let folder = try results("h200-case-by-case", extra: ["--plot"])
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as! [String: Any]
  let credit = "policysim \(manifest["toolVersion"]!) · 30 runs · seed 20260115 · run \((manifest["started"] as! String).prefix(10))"
  for name in ["capacity.svg", "capacity-by-source.svg", "depletion.svg"] {
    let svg = try SVGInspection(file: folder.appendingPathComponent(name))
    expectInsideViewBox(svg, name)
    #expect(svg.texts(class: "title").joined(separator: " ").hasSuffix(": Rules as enacted through January 2026"), "\(name): \(svg.texts(class: "title"))")
    #expect(svg.texts(class: "credit") == [credit], "\(name)")
    #expect(svg.texts(class: "axis-title").count == 1, "\(name) has a unit on the value axis")
    #expect(svg.texts(class: "tick").contains("2027"), "\(name) labels years")
  }
  let fan = try SVGInspection(file: folder.appendingPathComponent("capacity.svg"))
  #expect(fan.groupLabels(class: "series") == ["Rules as enacted through January 2026", "Rules as enacted through January 2026"])  // bands, median
  #expect(fan.texts(class: "axis-title") == ["H100-equivalents"])
  #expect(fan.texts(class: "subtitle").joined(separator: " ").contains("H100-equivalents: each chip counted as its dense FP16 compute divided by an Nvidia H100's (989 TFLOP/s)"))
  let bySource = try SVGInspection(file: folder.appendingPathComponent("capacity-by-source.svg"))
  #expect(bySource.groupLabels(class: "layer") == [
    "Stockpile (held at the start)", "Legal imports", "Gray market", "Converted gaming cards", "Domestic (Huawei, Cambricon)",
  ])
  #expect(bySource.groupLabels(class: "overlay") == ["Total (median)"])
  let depletion = try SVGInspection(file: folder.appendingPathComponent("depletion.svg"))
  #expect(depletion.elements(class: "bar").count > 3)
}

@Test("the median line lies between the 90% band's edges at every date")
func medianInsideBand() throws {
  let folder = try results("tier3", extra: ["--plot"])
  let svg = try SVGInspection(file: folder.appendingPathComponent("capacity.svg"))
  let title = "The January 2025 AI Diffusion rule, had it stayed in force"
  let median = svg.points(class: "median", inGroup: title)
  let band = svg.points(class: "band90", inGroup: title)
  #expect(median.count == 72 && band.count == 144)
  let upper = band.prefix(72), lower = band.suffix(72).reversed()
  for (index, (point, (top, bottom))) in zip(median, zip(upper, lower)).enumerated() {
    #expect(point.x == top.x && point.x == bottom.x, "date \(index)")
    #expect(top.y <= point.y + 0.05 && point.y <= bottom.y + 0.05, "date \(index): \(top.y) ≤ \(point.y) ≤ \(bottom.y)")
  }
}

@Test("plot --compare draws both scenarios on one chart with a legend entry each")
func compareScenarios() throws {
  let tier3 = try results("tier3"), baseline = try results("baseline")
  let out = tier3.deletingLastPathComponent().appendingPathComponent("compare.svg")
  let plot = try runPolicySim(["plot", tier3.path, "--compare", baseline.path, "--out", out.path])
  #expect(plot.status == 0, "\(plot.stderr)")
  #expect(plot.stdout == "Wrote \(out.path)\n")
  let svg = try SVGInspection(file: out)
  expectInsideViewBox(svg, "compare.svg")
  let titles = ["The January 2025 AI Diffusion rule, had it stayed in force", "US rules of January 2025, unchanged"]
  #expect(svg.texts(class: "legend") == titles)
  #expect(svg.texts(class: "title").joined(separator: " ") == "Compute capacity: \(titles[0]) vs \(titles[1])")
  #expect(svg.texts(class: "credit").first?.contains(" · 30 runs each · seeds 20250115, 20250101 · run ") == true, "\(svg.texts(class: "credit"))")
  #expect(Set(svg.groupLabels(class: "series")) == Set(titles))
}

@Test("a scenario's title names it in chart titles, legends and descriptions; the file name stays its id")
func scenarioTitles() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-titles-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  var folders: [String] = []
  for (name, title) in [("tier3", "AI Diffusion rule in force (China in Tier 3)"), ("baseline", "Rules of January 2025, unchanged"), ("h20-ban", "H20 banned outright")] {
    let file = dir.appendingPathComponent("\(name)-titled.json")
    try Data(#"{"extends": "\#(root.path)/Scenarios/\#(name).json", "title": "\#(title)"}"#.utf8).write(to: file)
    let out = dir.appendingPathComponent(name).path
    let run = try runPolicySim(["run", file.path, "--runs", "20", "--out", out, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    folders.append(out)
  }
  let single = dir.appendingPathComponent("single.svg"), three = dir.appendingPathComponent("three.svg")
  #expect(try runPolicySim(["plot", folders[0], "--out", single.path, "--metric", "capacity_h100e"]).status == 0)
  #expect(try runPolicySim(["plot", folders[0], "--compare", folders[1], folders[2], "--out", three.path]).status == 0)
  let one = try SVGInspection(file: single)
  #expect(one.texts(class: "title").joined(separator: " ") == "Compute capacity: AI Diffusion rule in force (China in Tier 3)")
  let compared = try SVGInspection(file: three)
  #expect(compared.texts(class: "title") == ["Compute capacity under 3 scenarios"])
  #expect(compared.texts(class: "legend") == ["AI Diffusion rule in force (China in Tier 3)", "Rules of January 2025, unchanged", "H20 banned outright"])
  #expect(compared.elements(class: "band90").isEmpty && compared.elements(class: "band50").count == 3)
  let description = try #require(compared.document.rootElement()?.elements(forName: "desc").first?.stringValue)
  #expect(description.hasPrefix("3 scenarios compared: H100-equivalents, Jan 2025 to Dec 2030. AI Diffusion rule in force (China in Tier 3): median "))
  let summary = try String(contentsOf: URL(fileURLWithPath: folders[0]).appendingPathComponent("summary.csv"), encoding: .utf8)
  #expect(summary.split(separator: "\n")[1].hasPrefix("tier3,"), "the scenario's name, not its title, identifies it in the CSV files")
  let invalid = dir.appendingPathComponent("bad-title.json")
  try Data(#"{"extends": "\#(root.path)/Scenarios/tier3.json", "title": ""}"#.utf8).write(to: invalid)
  let refused = try runPolicySim(["validate", invalid.path])
  #expect(refused.status == 65)
  #expect(refused.stderr.hasPrefix("\(invalid.path): error: at $.title: expected a one-line title of 1 to 80 characters, found \"\""), "\(refused.stderr)")
}

@Test("a flow's axis says per month and its subtitle which month a point counts")
func flowsPerMonth() throws {
  let folder = try results("tier3")
  #expect(try runPolicySim(["plot", folder.path, "--metric", "failed_units"]).status == 0)
  let svg = try SVGInspection(file: folder.appendingPathComponent("failed_units.svg"))
  #expect(svg.texts(class: "axis-title") == ["chips per month"])
  #expect(svg.texts(class: "subtitle").joined(separator: " ").hasSuffix("Each point counts the month ending at that date."))
}

@Test("plot --metric draws any metric of summary.csv, one file each, named after it")
func metricCharts() throws {
  let folder = try results("tier3")
  let plot = try runPolicySim(["plot", folder.path, "--metric", "unmet_demand_h100e", "--metric", "yield_ascend910c"])
  #expect(plot.status == 0, "\(plot.stderr)")
  for (metric, unit) in [("unmet_demand_h100e", "H100-equivalents"), ("yield_ascend910c", "fraction of dies good")] {
    let svg = try SVGInspection(file: folder.appendingPathComponent("\(metric).svg"))
    expectInsideViewBox(svg, metric)
    #expect(svg.texts(class: "axis-title") == [unit])
  }
}

@Test("bad input: one line naming the problem, exit 65 (66 for a missing folder), nothing written")
func plotBadInput() throws {
  let folder = try results("tier3")
  let typo = try runPolicySim(["plot", folder.path, "--metric", "capacity_h100"])
  #expect(typo.status == 65)
  #expect(typo.stderr.hasPrefix("\(folder.path)/summary.csv: error: unknown metric \"capacity_h100\"; did you mean \"capacity_h100e\"? (metrics here: capacity_h100e, "))
  #expect(typo.stderr.split(separator: "\n").count == 1)
  #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("capacity_h100.svg").path))
  let oneFileForThree = try runPolicySim(["plot", folder.path, "--out", folder.appendingPathComponent("all.svg").path])
  #expect(oneFileForThree.status == 64)
  #expect(oneFileForThree.stderr.hasPrefix("Error: --out \(folder.path)/all.svg names one file, but there are 3 charts (capacity.svg, capacity-by-source.svg, depletion.svg); give a folder\n"))
  let missing = try runPolicySim(["plot", "/nonexistent/results"])
  #expect(missing.status == 66)
  #expect(missing.stderr == "policysim: cannot read /nonexistent/results: No such file or directory\n")
  try FileManager.default.removeItem(at: folder.appendingPathComponent("summary.csv"))
  let noSummary = try runPolicySim(["plot", folder.path])
  #expect(noSummary.status == 65)
  #expect(noSummary.stderr == "\(folder.path): error: no summary.csv here, though manifest.json records it; rerun the command that wrote \(folder.path)\n")
}

@Test("export-notebook binds the notebook to the folder, relative to where it is written")
func exportNotebook() throws {
  let tier3 = try results("tier3")
  let baseline = tier3.deletingLastPathComponent().appendingPathComponent("baseline")
  _ = try runPolicySim(["run", root.appendingPathComponent("Scenarios/baseline.json").path, "--runs", "5", "--out", baseline.path, "--quiet"])
  let single = try runPolicySim(["export-notebook", tier3.path])
  #expect(single.status == 0, "\(single.stderr)")
  let compareFile = tier3.deletingLastPathComponent().appendingPathComponent("notebooks/compare.ipynb")
  let compare = try runPolicySim(["export-notebook", tier3.path, baseline.path, "--out", compareFile.path])
  #expect(compare.status == 0, "\(compare.stderr)")
  func parameters(_ file: URL) throws -> String {
    let notebook = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
    let cells = notebook["cells"] as! [[String: Any]]
    let first = cells.first { $0["cell_type"] as? String == "code" }!
    #expect((first["metadata"] as? [String: Any])?["tags"] as? [String] == ["parameters"])
    return (first["source"] as! [String]).joined()
  }
  #expect(try parameters(tier3.appendingPathComponent("run.ipynb")).hasSuffix("RESULTS = \".\""))
  #expect(try parameters(compareFile).contains("RESULTS = [\n    \"../tier3\",\n    \"../baseline\",\n]"))
  let missing = try runPolicySim(["export-notebook", "/nonexistent/results", "--kind", "sweep"])
  #expect(missing.status == 66)
  #expect(missing.stderr == "policysim: cannot read /nonexistent/results: No such file or directory\n")
  let twoForRun = try runPolicySim(["export-notebook", tier3.path, baseline.path, "--kind", "run"])
  #expect(twoForRun.status == 64)
}
