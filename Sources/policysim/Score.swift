import ArgumentParser
import Foundation
import PolicySimIO

extension PolicySim {
  /// Holds a run against published estimates.
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare a run's per-run outcomes with published estimates (validation targets).",
      discussion: """
        For each target of the targets file (Validation/targets.json; format in \
        docs/validation.md): the model's value over the target's window in every replication \
        (a stock at a report date, or a flow summed over the months whose report dates fall \
        in the period), its median and 50% and 90% bands, the mid-rank percentile of the \
        published central value among the runs, and a verdict: inside 50%, inside 90%, \
        outside. A target whose window the run does not cover, or whose metric the results \
        lack, is reported as such; targets the model cannot speak to are listed with their \
        reason. Targets that calibrated an input are shown apart and never counted.

        Needs runs.csv (policysim run --per-run). Writes score.csv and then \
        score-manifest.json into --out, committed together, and prints a table ending with \
        "N of M independent targets inside the 90% band". --markdown also writes the report \
        as a Markdown document (docs/hindcast.md is one: make hindcast).

        Exit status: 0 success; 64 bad arguments; 65 an invalid targets file (every problem \
        printed, one line each, as for scenarios) or a missing, malformed or damaged results \
        file; 66 the targets file or folder is missing; 74 a file could not be written.

        Example: policysim score results/hindcast-2024 --targets Validation/targets.json
        """)

    @OptionGroup var input: ScoringInput

    @Option(help: ArgumentHelp("Folder for score.csv and score-manifest.json (default: <dir>).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Also write the report as Markdown to this file.", valueName: "file.md"))
    var markdown: String?

    func run() throws {
      try withFailureReport { try score() }
    }

    private func score() throws {
      let targets = try loadTargets(input.targets)
      let report = try ScoreReport(folder: URL(fileURLWithPath: input.folder), targets: targets)
      let version = PolicySim.configuration.version
      let destination = URL(fileURLWithPath: out ?? input.folder)
      try report.write(to: destination, toolVersion: version)
      if let markdown { try AtomicFile.write(report.markdown(toolVersion: version), to: URL(fileURLWithPath: markdown)) }
      print(report.table)
      print("Wrote \(out ?? input.folder)/\(ScoreReport.scoreFile), \(ScoreReport.manifestFile)" + (markdown.map { ", \($0)" } ?? ""))
    }
  }
}

/// Loads and checks a targets file.
/// - Throws: ``ScenarioIssues`` (every problem, one line each: exit 65), ``IOFailure`` (66).
func loadTargets(_ file: String) throws -> ValidationTargets {
  try ValidationTargets(file: file)
}
