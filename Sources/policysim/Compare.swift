import ArgumentParser
import Experiments
import Foundation
import PolicySimIO

extension PolicySim {
  /// Policy effects: scenarios against a reference, replication by replication.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compute each scenario's effect against a reference from paired replications.",
      discussion: """
        Replication i of every scenario runs with the same seed (common random numbers), so \
        scenario − reference in replication i is the policy's effect under one draw of \
        everything uncertain. For every scenario, report date and metric it shares with the \
        reference, effects.csv gives the mean, sd and type-7 quantiles (p05 … p95) of these \
        paired differences and share_negative, the fraction of runs whose difference is below \
        zero. Also writes effect-<metric>.svg (the differences over time, with 50% and 90% \
        bands and a zero line) and manifest.json, committed together.

        An input is a scenario file, run here, or a results folder of policysim run --per-run, \
        whose runs.csv is read; folders must share the seed, the runs and the report dates \
        (the scenarios run with that seed and those runs). Memory stays bounded by scenarios \
        × dates × metrics: the differences wait in a temporary file in $TMPDIR of \
        runs × cells × 8 bytes (about 230 MB for 10,000 runs of three scenarios).

        Exit status: 0 success; 64 bad arguments, an unknown --reference or an --out that is \
        neither new nor an earlier comparison (checked before anything runs); 65 an invalid \
        scenario, or folders that cannot be paired (one line naming the folder and what \
        differs) or a damaged results file; 66 an input missing; 70 a replication failed; 74 a \
        file could not be written (or no room for the temporary file); 130 interrupted, 143 \
        terminated. The output folder is replaced as a whole, as a run's is.

        Example: policysim compare Scenarios/baseline.json Scenarios/tier3.json Scenarios/h200-case-by-case.json --runs 1000
        """)

    @Argument(help: ArgumentHelp("Scenario files (JSON) or results folders written with run --per-run.", valueName: "scenario.json|dir"))
    var inputs: [String]

    @Option(help: "The scenario others are compared with, by name (default: the first input).")
    var reference: String?

    @Option(help: "Paired replications (default: the folders' runs, else the reference scenario's).")
    var runs: Int?

    @Option(help: "Master seed of every scenario (default: the folders' seed, else the reference scenario's).")
    var seed: UInt64?

    @Option(help: "Worker threads, 1 to 256 (default: the number of cores).")
    var threads: Int?

    @Option(help: "Output folder (default: results/effects-vs-<reference>).")
    var out: String?

    @Option(help: "The metric of the terminal table and the chart.")
    var metric = "capacity_h100e"

    @Flag(help: "No progress bar and no table.")
    var quiet = false

    func validate() throws {
      if inputs.count < 2 { throw ValidationError("expected at least two scenarios (a reference and one to compare), found \(inputs.count)") }
      try checkRuns(runs)
      try checkSeed(seed)
      if let threads, !(1...InputLimits.threads).contains(threads) {
        throw ValidationError("--threads: expected a number in [1, \(InputLimits.threads)], found \(threads)")
      }
    }

    func run() throws {
      try withFailureReport(seed: seed) { try compare() }
    }

    private func compare() throws {
      let started = Date()
      let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
      let loaded = try inputs.map(Self.input)
      let names = loaded.map(\.name)
      var referenceIndex = 0
      if let reference {
        guard let index = names.firstIndex(of: reference) else {
          throw ValidationError("--reference: no scenario is named \"\(reference)\" (names: \(names.joined(separator: ", ")))")
        }
        referenceIndex = index
      }
      let comparison = try PairedComparison(inputs: loaded, reference: referenceIndex, seed: seed, runs: runs)
      try comparison.checkMetric(metric)
      Signals.setSeed(comparison.seed)
      let folderURL = URL(fileURLWithPath: out ?? "results/effects-vs-\(LoadedScenario.folderName(for: names[referenceIndex]))")
      let chart = "effect-\(metric).svg"
      let folder = try Effects.openFolder(folderURL, charts: [chart])  // refused before any replication runs
      let scratch = FileManager.default.temporaryDirectory
      try Self.checkSpace(CellStore.fileBytes(cells: comparison.cells, rows: comparison.runs), in: scratch)
      let progress = ProgressBar(enabled: !quiet)
      defer { progress.finish() }
      progress.start("comparing", total: comparison.runs, unit: "runs")
      let effects: Effects
      do {
        effects = try comparison.run(threads: threads, scratch: scratch, progress: progress.update)
      } catch let error as POSIXError {
        throw IOFailure("write", scratch.path + " (the temporary store of differences)", code: error.code.rawValue)
      }
      progress.finish()
      try effects.write(
        to: folder, charts: [(chart, try ResultCharts.effect(of: metric, in: effects, toolVersion: PolicySim.configuration.version).svg)], inputs: comparison.manifestInputs,
        manifest: [
          "toolVersion": .string(PolicySim.configuration.version),
          "threads": .number(Double(threads)),
          "wallSeconds": .number((Date().timeIntervalSince(started) * 1000).rounded() / 1000),
          "started": .string(ISO8601DateFormatter().string(from: started)),
          "platform": .string("\(ProcessInfo.processInfo.operatingSystemVersionString); \(ProcessInfo.processInfo.activeProcessorCount) cores"),
        ])
      guard !quiet else { return }
      print(EffectTable(effects: effects, metric: metric).text)
      print("Wrote \(folderURL.path)/\(Effects.fileName), \(chart), manifest.json")
    }

    /// A results folder when `path` is a folder, else a scenario file (loaded and validated).
    private static func input(_ path: String) throws -> ComparisonInput {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
        return .scenario(try loadScenario(path))
      }
      return try ComparisonInput.results(URL(fileURLWithPath: path))
    }

    /// Refuses to start when the temporary file would not fit in `folder`'s file system.
    private static func checkSpace(_ bytes: Int, in folder: URL) throws {
      let attributes = try? FileManager.default.attributesOfFileSystem(forPath: folder.path)
      guard let free = (attributes?[.systemFreeSize] as? NSNumber)?.int64Value, free < Int64(bytes) + (64 << 20) else { return }
      printError(String(format: "%@: error: the paired differences need %.1f GB of temporary space here, %.1f GB is free (set TMPDIR to another folder, or use fewer --runs)", folder.path, Double(bytes) / 1e9, Double(free) / 1e9))
      throw ExitStatus.ioError
    }
  }
}
