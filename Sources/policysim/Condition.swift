import ArgumentParser
import Foundation
import PolicyModel
import PolicySimIO

extension PolicySim {
  /// Weights a run's replications by published figures.
  struct Condition: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Weight a run's replications by how well they reproduce independent published figures.",
      discussion: """
        Error model: each published central value is the model's value over the target's \
        window times exp(e), e ~ Normal(0, sigma^2). Sigma is the target's stated sigma, else \
        ln(high/low)/3.29 from its published range read as a 90% interval, else \
        --default-sigma. A replication's weight is the product of its likelihoods over the \
        targets used: the independent targets (never calibration inputs) whose windows the \
        run covers and end by --cutoff, or only those named by --ids (an error if one cannot \
        be used).

        Writes into --out, each file atomically and the manifest last: \
        summary-conditioned.csv (summary.csv's columns, weighted mean, sd and quantiles; \
        quantiles as Hmisc's wtd.quantile with weights normalised to the run count, equal \
        to type 7 for equal weights), parameters-conditioned.csv (each drawn parameter's \
        mean, sd and quantiles before and after weighting), weights.csv, \
        conditioned-<metric>.svg (prior vs conditioned fan chart of each --metric) and \
        conditioned-manifest.json. Prints Kish's effective sample size and warns when it is \
        below 200. Needs runs.csv (policysim run --per-run). See docs/validation.md.

        Exit status: 0 success; 64 bad arguments; 65 an invalid targets file, a missing, \
        malformed or damaged results file, or no usable target (one line naming it); 66 the \
        targets file or folder is missing; 74 a file could not be written.

        Example: policysim condition results/hindcast-2024 --targets Validation/targets.json
        """)

    @OptionGroup var input: ScoringInput

    @Option(help: ArgumentHelp("Use only these targets (comma-separated ids).", valueName: "id,id"))
    var ids: String?

    @Option(help: ArgumentHelp("Use targets whose windows end on or before this date.", valueName: "YYYY-MM-DD"))
    var cutoff: String = "2025-12-31"

    @Option(help: "Log-scale sigma for a target that gives neither a sigma nor a range (0.42: a factor 2 either side at 90%).")
    var defaultSigma: Double = 0.42

    @Option(name: .customLong("metric"), help: ArgumentHelp("Draw this metric's prior vs conditioned fan chart (default: the first metric of runs.csv). Repeatable.", valueName: "metric"))
    var metrics: [String] = []

    @Option(help: ArgumentHelp("Folder for the outputs (default: <dir>).", valueName: "dir"))
    var out: String?

    @Option(help: "Worker threads, 1 to 256 (default: the number of cores).")
    var threads: Int?

    func validate() throws {
      guard ISODate.parse(cutoff) != nil else { throw ValidationError("--cutoff: expected a date YYYY-MM-DD, found \"\(cutoff)\"") }
      guard defaultSigma > 0, defaultSigma <= 5 else { throw ValidationError("--default-sigma: expected a number in (0, 5], found \(defaultSigma)") }
      if let threads, !(1...InputLimits.threads).contains(threads) {
        throw ValidationError("--threads: expected a number in [1, \(InputLimits.threads)], found \(threads)")
      }
      if let ids, ids.split(separator: ",").isEmpty { throw ValidationError("--ids: expected comma-separated target ids, found \"\(ids)\"") }
    }

    func run() throws {
      try withFailureReport { try condition() }
    }

    private func condition() throws {
      let targets = try loadTargets(input.targets)
      let folder = URL(fileURLWithPath: input.folder)
      let destination = URL(fileURLWithPath: out ?? input.folder)
      let conditioning = try Conditioning(
        folder: folder, targets: targets, ids: ids.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
        cutoff: cutoff, defaultSigma: defaultSigma)
      let draws = try DrawnParameterValues(folder: folder, runs: conditioning.run.runs)
      let outputs = ConditionedOutputs(
        conditioning, draws: draws, targets: targets, defaultSigma: defaultSigma,
        threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
      let charts = metrics.isEmpty ? Array(conditioning.results.metrics.prefix(1)) : metrics
      let written = try outputs.write(to: destination, charts: charts, toolVersion: PolicySim.configuration.version)
      print(outputs.report)
      if outputs.effectiveSampleSize < ConditionedOutputs.fewRuns {
        printError(String(format: "warning: the effective sample size (%.1f) is below %.0f: the conditioned statistics rest on few runs; run more replications or use fewer or looser targets", outputs.effectiveSampleSize, ConditionedOutputs.fewRuns))
      }
      print("Wrote \(out ?? input.folder)/" + written.joined(separator: ", "))
    }
  }
}
