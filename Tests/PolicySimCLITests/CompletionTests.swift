import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let tier3 = root.appendingPathComponent("Scenarios/tier3.json").path

@Test("completion scripts offer .json files for scenarios and specs, folders for results, and ask policysim for metrics")
func completionKinds() throws {
  let bash = try runPolicySim(["--generate-completion-script", "bash"])
  #expect(bash.status == 0)
  #expect(bash.stdout.components(separatedBy: "-o plusdirs -fX '!*.@(json)'").count - 1 == 5, "run, validate, chips --scenario, sweep and --spec")
  #expect(bash.stdout.contains("__policysim_custom_complete ---completion plot -- --metric"))
  #expect(bash.stdout.contains("__policysim_custom_complete ---completion analyze -- --metric"))
  let zsh = try runPolicySim(["--generate-completion-script", "zsh"])
  #expect(zsh.stdout.contains("':scenario:_files -g '\\''*.json'\\'''") && zsh.stdout.contains("':folder:_files -/'"))
  #expect(zsh.stdout.contains("--compare[Other results folders to draw on the same axes.]:dir:_files -/"))
}

@Test("--metric completes the metrics of the results folder on the command line, read from its files")
func metricCompletion() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-complete-\(UUID().uuidString)")
  let run = dir.appendingPathComponent("run").path, sweep = dir.appendingPathComponent("sweep").path
  #expect(try runPolicySim(["run", tier3, "--runs", "5", "--out", run, "--quiet"]).status == 0)
  let spec = dir.appendingPathComponent("spec.json")
  try Data(#"{"design": "grid", "metrics": ["capacity_h100e_gray", "failed_units"], "parameters": [{"path": "$.fleet.failureRatePerYear", "values": [0.02, 0.05]}]}"#.utf8).write(to: spec)
  #expect(try runPolicySim(["sweep", tier3, "--spec", spec.path, "--runs", "2", "--out", sweep, "--quiet"]).status == 0)

  let summary = try String(contentsOf: URL(fileURLWithPath: run).appendingPathComponent("summary.csv"), encoding: .utf8)
  var inFile: [String] = []
  for line in summary.split(separator: "\n").dropFirst() {
    let metric = String(line.split(separator: ",")[2])
    if !inFile.contains(metric) { inFile.append(metric) }
  }
  let all = try runPolicySim(["---completion", "plot", "--", "--metric", "4", "0", "policysim", "plot", run, "--metric", ""])
  #expect(all.status == 0 && all.stdout.split(separator: "\n").map(String.init) == inFile)
  let prefixed = try runPolicySim(["---completion", "plot", "--", "--metric", "4", "11", "policysim", "plot", run, "--metric", "capacity_h1"])
  #expect(prefixed.stdout.split(separator: "\n").map(String.init) == inFile.filter { $0.hasPrefix("capacity_h1") })
  let analyze = try runPolicySim(["---completion", "analyze", "--", "--metric", "4", "0", "policysim", "analyze", sweep, "--metric", ""])
  #expect(analyze.stdout == "capacity_h100e_gray\nfailed_units\n")
  let nothing = try runPolicySim(["---completion", "plot", "--", "--metric", "2", "0", "policysim", "plot", "--metric", ""])
  #expect(nothing.status == 0 && nothing.stdout.isEmpty)
}

@Test("sweep --help says the thread default in words, not this machine's core count")
func threadsHelp() throws {
  let help = try runPolicySim(["sweep", "--help"])
  #expect(help.stdout.contains("--threads <threads>     Worker threads, 1 to 256 (default: the number of\n                          cores).\n"))
  #expect(!help.stdout.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"))
}
