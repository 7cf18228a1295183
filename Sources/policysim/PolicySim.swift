import ArgumentParser
import Foundation
import PolicySimIO

/// The `policysim` command: export-control and supply-chain scenarios for China's AI compute.
@main
struct PolicySim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policysim",
    abstract: "Simulate China's AI compute under US export-control scenarios.",
    discussion: """
      A discrete-event, Monte Carlo model of Chinese AI compute (H100-equivalents) from \
      the stockpile held at the start, legal imports, gray-market and gaming cards, and domestic production, under \
      dated export-control policies. Scenarios are JSON files (docs/scenario-format.md); the \
      mechanisms are described in docs/model.md.

      Typical use:
        policysim validate Scenarios/*.json
        policysim run Scenarios/tier3.json --runs 2000 --out results/tier3
        policysim compare Scenarios/baseline.json Scenarios/tier3.json --runs 2000
        policysim chips --date 2026-02-01

      Shell completion (scenario and spec files, results folders, the metrics of a results \
      folder): policysim --generate-completion-script bash|zsh|fish; see the README.

      Validation against published estimates: policysim score and policysim condition \
      (docs/validation.md).

      Exit status (every subcommand): 0 success; 64 bad arguments or options; 65 invalid \
      scenario, spec or results (every problem printed, one line each); 66 an input file or \
      folder missing or unreadable; 70 a replication failed (one line naming it and the seed) \
      or an internal error; 74 an output could not be written (full disk, read-only folder, \
      --out naming a file); 130 interrupted by Ctrl-C, 143 by SIGTERM. Every failure is one \
      line on stderr and leaves no temporary file.
      """,
    version: "0.1.0",
    subcommands: [
      Run.self, Validate.self, Chips.self, Compare.self, Discover.self, Sweep.self, Merge.self, Analyze.self,
      Plot.self, ExportNotebook.self, Score.self, Condition.self,
    ]
  )

  /// ArgumentParser's `main`, except that a usage error is one line, `Error: <message>` (exit
  /// 64), without the usage text that would follow it: every refusal of policysim is one line.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      if exitCode(for: error) == .validationFailure {
        printError(("Error: " + message(for: error)).oneLine)
        Foundation.exit(ExitCode.validationFailure.rawValue)
      }
      exit(withError: error)
    }
  }
}
