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

@Test("run --plot writes three well-formed SVG charts with titles naming the scenario and run count")
func runWritesDefaultCharts() throws {
  let folder = try results("tier3", extra: ["--plot"])
  for name in ["capacity.svg", "capacity-by-source.svg", "depletion.svg"] {
    let svg = try SVGInspection(file: folder.appendingPathComponent(name))
    expectInsideViewBox(svg, name)
    #expect(svg.texts(class: "title").first?.contains("tier3, 30 runs") == true, "\(name): \(svg.texts(class: "title"))")
    #expect(svg.texts(class: "axis-title").count == 1, "\(name) has a unit on the value axis")
    #expect(svg.texts(class: "tick").contains("2027"), "\(name) labels years")
  }
  let fan = try SVGInspection(file: folder.appendingPathComponent("capacity.svg"))
  #expect(fan.groupLabels(class: "series") == ["tier3, 30 runs", "tier3, 30 runs"])  // bands group, median group
  #expect(fan.texts(class: "axis-title") == ["H100-equivalents"])
  let bySource = try SVGInspection(file: folder.appendingPathComponent("capacity-by-source.svg"))
  #expect(bySource.groupLabels(class: "layer") == ["Nvidia, legal imports", "Domestic (SMIC / Huawei)", "Gray market"])
  #expect(bySource.groupLabels(class: "overlay") == ["Total (median)"])
  let depletion = try SVGInspection(file: folder.appendingPathComponent("depletion.svg"))
  #expect(depletion.elements(class: "bar").count > 3)
}

@Test("the median line lies between the 90% band's edges at every date")
func medianInsideBand() throws {
  let folder = try results("tier3", extra: ["--plot"])
  let svg = try SVGInspection(file: folder.appendingPathComponent("capacity.svg"))
  let median = svg.points(class: "median", inGroup: "tier3, 30 runs")
  let band = svg.points(class: "band90", inGroup: "tier3, 30 runs")
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
  #expect(svg.texts(class: "legend") == ["tier3", "baseline"])
  #expect(svg.texts(class: "title") == ["Compute capacity: tier3 vs baseline, 30 runs each"])
  #expect(Set(svg.groupLabels(class: "series")) == ["tier3", "baseline"])
}

@Test("plot --metric draws any metric of summary.csv, one file each, named after it")
func metricCharts() throws {
  let folder = try results("tier3")
  let plot = try runPolicySim(["plot", folder.path, "--metric", "unmet_demand_h100e", "--metric", "domestic_yield"])
  #expect(plot.status == 0, "\(plot.stderr)")
  for (metric, unit) in [("unmet_demand_h100e", "H100-equivalents"), ("domestic_yield", "fraction of dies good")] {
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
