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
        Writes summary.csv, scalars.csv, draws.csv (and runs.csv with --per-run) and \
        manifest.json into --out, each file atomically; --plot adds the SVG charts of \
        policysim plot. Results are identical for a given \
        seed whatever --threads is.

        Exit status: 0 success; 64 bad arguments; 65 invalid scenario (every problem is \
        printed, one line each, and nothing is written); 70 a replication failed; 130 \
        interrupted (no complete-looking file is left).

        Example: policysim run Scenarios/tier3.json --runs 2000 --set '$.grayMarket.channels[0].lotsPerMonth=6'
        """)

    @Argument(help: "The scenario file (JSON).", completion: .file(extensions: ["json"]))
    var scenario: String

    @Option(help: "Number of replications (default: the scenario's runs).")
    var runs: Int?

    @Option(help: "Master seed (default: the scenario's seed).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: the number of cores).")
    var threads: Int?

    @Option(help: "Output folder (default: results/<scenario name>).", completion: .directory)
    var out: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value by JSON path, e.g. '$.fleet.failureRatePerYear=0.05'. Repeatable.", valueName: "path=value"))
    var overrides: [String] = []

    @Flag(help: "Also write runs.csv with every replication's monthly outcomes.")
    var perRun = false

    @Flag(help: "Also draw capacity.svg, capacity-by-source.svg and depletion.svg into the output folder.")
    var plot = false

    @Flag(help: "No progress bar and no summary table.")
    var quiet = false

    func validate() throws {
      if let runs, runs < 1 { throw ValidationError("--runs: expected a number >= 1, found \(runs)") }
      if let threads, threads < 1 { throw ValidationError("--threads: expected a number >= 1, found \(threads)") }
      _ = try parseOverrides(overrides)
    }

    /// Ctrl-C ends the process with status 130 at once: outputs are written atomically, so
    /// nothing half-written can remain. SIGINT is unblocked first, since a parent may have
    /// spawned us with it blocked.
    static func exitOnInterrupt() {
      signal(SIGINT) { _ in _exit(130) }
      var interrupt = sigset_t()
      sigemptyset(&interrupt)
      sigaddset(&interrupt, SIGINT)
      pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    func run() throws {
      Self.exitOnInterrupt()
      let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
      let loaded = try loadScenario(scenario, overrides: parseOverrides(overrides))
      let seed = self.seed ?? loaded.seed
      let runCount = runs ?? loaded.runs
      let folderName = out ?? "results/\(loaded.name)"
      let folder = URL(fileURLWithPath: folderName)
      let progress = ProgressBar(total: runCount, enabled: !quiet && isatty(STDERR_FILENO) == 1)
      let started = Date()
      let results: [ReplicationResult]
      do {
        results = try MonteCarloRun(scenario: loaded.model, seed: seed, runs: runCount, threads: threads)
          .run(progress: progress.update)
      } catch {
        printError("\(scenario): error: \(error)")
        throw ExitStatus.runtimeFailure
      }
      progress.finish()
      let outputs = RunOutputs(scenario: loaded, seed: seed, results: results, threads: threads)
      try outputs.write(to: folder, perRun: perRun, manifest: [
        "toolVersion": .string(PolicySim.configuration.version),
        "threads": .number(Double(threads)),
        "wallSeconds": .number((Date().timeIntervalSince(started) * 1000).rounded() / 1000),
        "started": .string(ISO8601DateFormatter().string(from: started)),
        "platform": .string("\(ProcessInfo.processInfo.operatingSystemVersionString); \(ProcessInfo.processInfo.activeProcessorCount) cores"),
      ])
      if !quiet { print(SummaryTable(outputs: outputs, folder: folderName).text) }
      if plot { try writeCharts(into: folder) }
    }

    /// Draws the default charts from the files just written (see `policysim plot`).
    private func writeCharts(into folder: URL) throws {
      do {
        let charts = try ResultCharts.defaults(for: RunResults(folder: folder))
        for chart in charts { try AtomicFile.write(chart.svg, to: folder.appendingPathComponent(chart.name)) }
        if !quiet { print("Wrote " + charts.map(\.name).joined(separator: ", ")) }
      } catch let error as ResultsError {
        printError(error.description)
        throw ExitStatus.runtimeFailure
      }
    }
  }
}
