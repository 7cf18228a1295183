import ArgumentParser
import Experiments
import Foundation
import PolicyModel
import PolicySimIO

extension PolicySim {
  /// Runs Monte Carlo replications of one scenario and writes the output files.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run Monte Carlo replications of a scenario and write CSV results.",
      discussion: """
        Writes summary.csv, scalars.csv, draws.csv (and runs.csv or runs.csv.gz with \
        --per-run) and manifest.json into --out; --plot adds the SVG charts of policysim plot. \
        The folder is replaced as a whole: the files are written into .NAME.partial beside it \
        and swapped into place in one rename, so it always holds a complete result, the \
        previous one until the new one is complete; a second run into the same folder is \
        refused while one is writing. Results are identical for a given seed whatever \
        --threads is.

        Before starting, the run's memory and output size are estimated; above 8 GiB of memory \
        or 16 GiB of files it is refused unless --force.

        Exit status: 0 success; 64 bad arguments or --out; 65 invalid scenario (every problem \
        is printed, one line each, and nothing is written); 66 the scenario cannot be read; \
        70 a replication failed; 74 an output could not be written; 130 interrupted (143 on \
        SIGTERM): the previous result is left as it was.

        Example: policysim run Scenarios/tier3.json --runs 2000 --set '$.grayMarket.channels[0].lotsPerMonth=6'
        """)

    @Argument(help: "The scenario file (JSON).", completion: .file(extensions: ["json"]))
    var scenario: String

    @Option(help: "Number of replications, 1 to 10,000,000 (default: the scenario's runs).")
    var runs: Int?

    @Option(help: "Master seed, 0 to 2^53 - 1 (default: the scenario's seed).")
    var seed: UInt64?

    @Option(help: "Worker threads, 1 to 256 (default: the number of cores).")
    var threads: Int?

    @Option(help: "Output folder (default: results/<scenario name>).", completion: .directory)
    var out: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value by JSON path, e.g. '$.fleet.failureRatePerYear=0.05'. Repeatable.", valueName: "path=value"))
    var overrides: [String] = []

    @Flag(help: "Also write runs.csv with every replication's monthly outcomes, streamed to disk as replications finish.")
    var perRun = false

    @Flag(help: "With --per-run, write runs.csv.gz (gzip, about 7x smaller) instead of runs.csv.")
    var gzip = false

    @Flag(help: "Also draw capacity.svg, capacity-by-source.svg and depletion.svg into the output folder.")
    var plot = false

    @Flag(help: "Run even when the estimated memory or output size is above the limits.")
    var force = false

    @Option(help: "How to print the summary on stdout: table, csv or json.")
    var format: SummaryFormat = .table

    @Flag(help: "No progress display and no summary.")
    var quiet = false

    func validate() throws {
      try checkRuns(runs)
      try checkSeed(seed)
      if let threads, !(1...InputLimits.threads).contains(threads) {
        throw ValidationError("--threads: expected a number in [1, \(InputLimits.threads)], found \(threads)")
      }
      if gzip && !perRun { throw ValidationError("--gzip compresses runs.csv; add --per-run") }
      _ = try parseOverrides(overrides)
    }

    func run() throws {
      try withFailureReport(seed: seed) { try execute() }
    }

    private func execute() throws {
      let progress = ProgressBar(enabled: !quiet)
      defer { progress.finish() }
      progress.start("loading")
      let loaded = try loadScenario(scenario, overrides: parseOverrides(overrides))
      let seed = self.seed ?? loaded.seed
      Signals.setSeed(seed)
      let runCount = runs ?? loaded.runs
      let threads = min(self.threads ?? ProcessInfo.processInfo.activeProcessorCount, InputLimits.threads)
      try checkEstimate(loaded, runs: runCount)
      let folderName = out ?? "results/\(loaded.folderName)"
      let folder = try RunFolder(URL(fileURLWithPath: folderName), replacing: RunOutputs.fileNames)
      let outputs: RunOutputs, files: [String]
      do {
        (outputs, files) = try simulate(loaded, seed: seed, runs: runCount, threads: threads, into: folder, progress: progress)
      } catch let failure as IOFailure {
        throw folder.naming(failure)
      }
      progress.finish()
      if !quiet { print(SummaryTable(outputs: outputs, folder: folderName, files: files).text(format)) }
    }

    /// Runs the replications, writing runs.csv as they finish, then the other files, and
    /// commits the folder.
    private func simulate(
      _ loaded: LoadedScenario, seed: UInt64, runs runCount: Int, threads: Int, into folder: RunFolder, progress: ProgressBar
    ) throws -> (RunOutputs, [String]) {
      let perRunName = gzip ? PerRunWriter.compressedName : PerRunWriter.plainName
      if perRun { folder.willWrite(perRunName) }
      let writer = try perRun
        ? PerRunWriter(url: folder.file(perRunName), compressed: gzip, dates: loaded.reportDates, metrics: loaded.metricNames) : nil
      let started = Date()
      progress.start("simulating", total: runCount, unit: "runs")
      var each: (@Sendable (Int, ReplicationResult) throws -> Void)?
      if let writer { each = { try writer.add($0, $1) } }
      let results = try MonteCarloRun(scenario: loaded.model, seed: seed, runs: runCount, threads: threads)
        .run(progress: { progress.update($0) }, each: each)
      progress.start("statistics", total: RunOutputs.cellCount(of: loaded), unit: "cells")
      let outputs = RunOutputs(scenario: loaded, seed: seed, results: results, threads: threads, progress: { progress.update($0) })
      progress.start("writing")
      if perRun { progress.note("\(perRunName) (flushing to disk)") }
      let perRunRecord = try writer?.finish()
      try outputs.write(into: folder, perRun: perRunRecord, manifest: [
        "toolVersion": .string(PolicySim.configuration.version),
        "threads": .number(Double(threads)),
        "wallSeconds": .number((Date().timeIntervalSince(started) * 1000).rounded() / 1000),
        "started": .string(ISO8601DateFormatter().string(from: started)),
        "platform": .string("\(ProcessInfo.processInfo.operatingSystemVersionString); \(ProcessInfo.processInfo.activeProcessorCount) cores"),
      ], progress: progress.note)
      var files: [String] = ["summary.csv", "scalars.csv", "draws.csv"] + (perRun ? [perRunName] : []) + ["manifest.json"]
      if plot {
        progress.note("charts")
        files += try writeCharts(into: folder)
      }
      progress.note("committing")
      try folder.commit()
      return (outputs, files)
    }

    /// Refuses a run whose estimated memory or output is above the limits, unless --force.
    private func checkEstimate(_ loaded: LoadedScenario, runs: Int) throws {
      let estimate = ResourceEstimate.run(
        runs: runs, months: loaded.model.months, metrics: loaded.metricNames.count, perRun: perRun, compressed: gzip)
      guard !force, let excess = estimate.excess else { return }
      if self.runs != nil {
        throw ValidationError("--runs \(runs): \(excess); use fewer runs or --force")
      }
      throw ScenarioIssue(file: scenario, path: JSONPath.root.appending("runs"), message: "\(runs) runs: \(excess); use fewer runs (--runs) or --force")
    }

    /// Draws the default charts from the files just written, into the partial folder.
    private func writeCharts(into folder: RunFolder) throws -> [String] {
      let charts = try ResultCharts.defaults(for: RunResults(folder: folder.staging))
      for chart in charts {
        folder.willWrite(chart.name)
        try AtomicFile.write(chart.svg, to: folder.file(chart.name))
      }
      return charts.map(\.name)
    }
  }
}

/// `--runs` within 1 ... ``InputLimits/runs``.
func checkRuns(_ runs: Int?) throws {
  if let runs, !(1...InputLimits.runs).contains(runs) {
    throw ValidationError("--runs: expected a number in [1, \(InputLimits.runs)], found \(runs)")
  }
}

/// `--seed` at most 2^53 - 1, which the manifest's JSON number holds exactly.
func checkSeed(_ seed: UInt64?) throws {
  if let seed, seed > 9_007_199_254_740_991 {
    throw ValidationError("--seed: expected a number in [0, 9007199254740991] (2^53 - 1, which JSON holds exactly), found \(seed)")
  }
}

