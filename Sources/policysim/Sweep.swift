import ArgumentParser
import Experiments
import Foundation
import PolicySimIO

extension PolicySim {
  /// Runs a scenario at every point of a sweep design (or one shard of them).
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a scenario at each point of a grid, Latin hypercube, Sobol or Saltelli design.",
      discussion: """
        The spec (JSON) names parameters by the same JSON paths as --set, each with a list of \
        values or a range, and a design; see docs/sweeps.md. Each point runs --runs \
        replications with the same seeds (common random numbers across points). Writes \
        points.csv, results.csv and manifest.json into --out, each atomically.

        Every finished point is appended to --out/journal.jsonl: rerunning the same command \
        after a crash or kill resumes where it stopped, and the output equals an uninterrupted \
        run. With --shard K/N (0-based K), or with --shards N (or POLICYSIM_SHARDS) and the \
        index K from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX, only shard K's points run, \
        into --out/shard-K-of-N; combine the shards with policysim merge. A Slurm array job \
        script ships in cluster/sweep.sbatch (see docs/sweeps.md).

        Designs are limited to 1,000,000 points; a sweep whose estimated memory is above 8 GiB \
        or whose files are above 16 GiB is refused unless --force.

        Exit status: 0 success; 64 bad arguments; 65 invalid scenario or spec (every problem \
        printed, one line each), an --out holding another sweep's journal, or a damaged \
        journal; 66 the scenario or spec cannot be read; 70 a point failed; 74 an output could \
        not be written; 130 interrupted, 143 on SIGTERM (finished points are kept in the journal).

        Example: policysim sweep Scenarios/tier3.json --spec Scenarios/sweeps/seizure-by-wafers.json --runs 200
        """)

    @Argument(help: "The scenario file (JSON).", completion: .file(extensions: ["json"]))
    var scenario: String

    @Option(help: "The sweep spec file (JSON).", completion: .file(extensions: ["json"]))
    var spec: String

    @Option(help: "Replications per point, 1 to 10,000,000 (default: the spec's runs, else the scenario's).")
    var runs: Int?

    @Option(help: "Master seed, 0 to 2^53 - 1 (default: the spec's seed, else the scenario's).")
    var seed: UInt64?

    @Option(help: "Output folder (default: results/<scenario name>-sweep).", completion: .directory)
    var out: String?

    @Option(help: ArgumentHelp("Run only shard K of N (0-based), e.g. 0/4.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("The number of shards, when the shard index comes from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX (default: POLICYSIM_SHARDS).", valueName: "N"))
    var shards: Int?

    @Option(help: "Worker threads, 1 to 256 (default: the number of cores).")
    var threads: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value for every point, as with run. Repeatable.", valueName: "path=value"))
    var overrides: [String] = []

    @Flag(help: "Run even when the estimated memory or output size is above the limits.")
    var force = false

    @Flag(help: "No progress bar and no summary line.")
    var quiet = false

    func validate() throws {
      try checkRuns(runs)
      try checkSeed(seed)
      if let threads, !(1...InputLimits.threads).contains(threads) {
        throw ValidationError("--threads: expected a number in [1, \(InputLimits.threads)], found \(threads)")
      }
      _ = try resolvedShard()
      _ = try parseOverrides(overrides)
    }

    /// The shard to run.
    /// - Throws: `ValidationError` (one line, exit 64) when options and environment do not
    ///   determine one.
    private func resolvedShard() throws -> Shard {
      do {
        return try ShardAssignment.resolve(option: shard, shards: shards, environment: ProcessInfo.processInfo.environment)
      } catch {
        throw ValidationError("\(error)")
      }
    }

    func run() throws {
      try withFailureReport(seed: seed) { try sweep() }
    }

    private func sweep() throws {
      let shard = try resolvedShard()
      let threads = self.threads ?? min(ProcessInfo.processInfo.activeProcessorCount, InputLimits.threads)
      let overrides = try parseOverrides(self.overrides)
      let loaded = try loadScenario(scenario, overrides: overrides)
      let sweepSpec = try SweepSpec(file: spec, scenario: loaded)
      sweepSpec.warnings.forEach(printError)
      let plan = try SweepPlan(spec: sweepSpec, scenario: loaded, seed: seed, runs: runs, toolVersion: PolicySim.configuration.version)
      Signals.setSeed(plan.seed)
      let estimate = ResourceEstimate.sweep(
        points: plan.points.count, parameters: sweepSpec.parameters.count, runs: plan.runs, months: loaded.model.months,
        metrics: loaded.metricNames.count, rows: sweepSpec.metrics.count * sweepSpec.dates.count)
      if !force, let excess = estimate.excess {
        throw ValidationError("sweep of \(plan.points.count) points x \(plan.runs) runs: \(excess); use fewer points or runs, or --force")
      }
      var folder = URL(fileURLWithPath: out ?? "results/\(loaded.folderName)-sweep")
      if shard != .whole { folder.appendPathComponent("shard-\(shard.index)-of-\(shard.count)") }
      let progress = ProgressBar(enabled: !quiet)
      defer { progress.finish() }
      progress.start("sweeping", total: shard.points(among: plan.points.count).count, unit: "points")
      let started = Date()
      let counts: (resumed: Int, ran: Int)
      do {
        counts = try plan.run(shard: shard, into: folder, threads: threads) { done, _ in progress.update(done) }
      } catch let error as SweepPointError {
        progress.finish()
        if let failure = error.underlying as? IOFailure { throw failure }
        printError("\(scenario): error: \(error)")
        throw error.isInvalidInput ? ExitStatus.invalidInput : ExitStatus.runtimeFailure
      }
      progress.finish()
      guard !quiet else { return }
      let seconds = Date().timeIntervalSince(started)
      let total = counts.resumed + counts.ran
      let which = shard == .whole ? "\(total) points" : "shard \(shard): \(total) of \(plan.points.count) points"
      let resumed = counts.resumed > 0 ? "; \(counts.resumed) resumed from the journal" : ""
      print(String(format: "%@ sweep, %@ x %d runs: %d run in %.1f s (%.2f points/s)%@", loaded.name, which, plan.runs, counts.ran, seconds, Double(counts.ran) / max(seconds, 1e-9), resumed))
      print("Wrote \(folder.path)/points.csv, results.csv, manifest.json")
    }
  }
}
