import ArgumentParser

/// The inputs `score` and `condition` share: a results folder with per-run outcomes and a
/// targets file.
struct ScoringInput: ParsableArguments {
  @Argument(help: ArgumentHelp("A results folder written by policysim run --per-run.", valueName: "dir"))
  var folder: String

  @Option(help: ArgumentHelp("The targets file (JSON).", valueName: "file.json"))
  var targets: String
}
