import ArgumentParser

/// The `policysim` command: export-control and supply-chain scenarios for China's AI compute.
@main
struct PolicySim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policysim",
    abstract: "Simulate China's AI compute under US export-control scenarios.",
    version: "0.1.0",
    subcommands: [Run.self, Validate.self, Chips.self, Sweep.self, Merge.self, Analyze.self]
  )
}
