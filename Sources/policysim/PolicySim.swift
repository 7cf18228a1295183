import ArgumentParser

/// The `policysim` command: export-control and supply-chain scenarios for China's AI compute.
@main
struct PolicySim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policysim",
    abstract: "Simulate China's AI compute under US export-control scenarios.",
    discussion: """
      A discrete-event, Monte Carlo model of Chinese AI compute (H100-equivalents) from \
      Nvidia stockpiles, legal imports, gray-market imports and domestic production, under \
      dated export-control policies. Scenarios are JSON files (docs/scenario-format.md); the \
      mechanisms are described in docs/model.md.

      Typical use:
        policysim validate Scenarios/*.json
        policysim run Scenarios/tier3.json --runs 2000 --out results/tier3
        policysim compare Scenarios/baseline.json Scenarios/tier3.json --runs 2000
        policysim chips --date 2026-02-01

      Exit status (every subcommand): 0 success; 64 bad arguments; 65 invalid scenario; \
      70 a run failed; 130 interrupted.
      """,
    version: "0.1.0",
    subcommands: [
      Run.self, Validate.self, Chips.self, Compare.self, Discover.self, Sweep.self, Merge.self, Analyze.self,
      Plot.self, ExportNotebook.self,
    ]
  )
}
