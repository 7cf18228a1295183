import ArgumentParser
import Experiments
import Foundation
import PolicySimIO

extension PolicySim {
  /// Scenario discovery: under which drawn parameters an outcome happens.
  struct Discover: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the ranges of drawn parameters where an outcome happens (PRIM scenario discovery).",
      discussion: """
        Marks each run of a results folder as of interest when it meets --where, then runs \
        PRIM (Friedman & Fisher 1999, as in EMA Workbench) over the parameters drawn in each \
        run (draws.csv): peeling removes --peel-alpha of the box's runs at a time along one \
        parameter, keeping the peel that raises the density of runs of interest most per run \
        removed, until the box would hold less than --min-mass of the runs. Prints the peeling \
        trajectory (coverage, density, restricted parameters) and the chosen box: the first \
        with density >= --threshold, or trajectory point --box; --paste widens it again where \
        that raises its density. Each bound is named by its JSON path and the scenario's \
        source for it (or its nearest ancestor path).

        --where is METRIC@YYYY-MM-DD OP NUMBER for an outcome at a report date (needs runs.csv, \
        from run --per-run) or METRIC OP NUMBER for a scalar of scalars.csv, OP < or >. A \
        scalar never reached (an empty value: the stockpile never ran out) counts as +infinity.

        Writes discovery.csv (one row per trajectory point and restricted parameter), \
        discovery.svg (coverage against density) and discovery.json into --out, committed \
        together (the folder's other files are kept).

        Exit status: 0 success (also when no box reaches the threshold); 64 bad arguments or \
        --where expression; 65 a missing or malformed file, metric or date, or a condition no \
        run or every run meets, or a damaged results file; 66 the folder is missing; 74 a file \
        could not be written.

        Example: policysim discover results/tier3 --where 'capacity_h100e@2027-12-31 > 2000000'
        """)

    @Argument(help: ArgumentHelp("A results folder written by policysim run.", valueName: "dir"))
    var folder: String

    @Option(name: .customLong("where"), help: ArgumentHelp("Which runs are of interest.", valueName: "METRIC@DATE<N|METRIC@DATE>N|METRIC<N|METRIC>N"))
    var condition: String

    @Option(help: "Share of the box's runs each peel removes.")
    var peelAlpha = 0.05

    @Option(help: "Smallest share of all runs a box may hold.")
    var minMass = 0.05

    @Option(help: "Choose the box with the largest coverage whose density is at least this.")
    var threshold = 0.8

    @Option(help: ArgumentHelp("Choose trajectory point N instead (0 is the box spanning every run).", valueName: "N"))
    var box: Int?

    @Flag(help: "Widen the chosen box by pasting while that raises its density.")
    var paste = false

    @Option(help: "Share of the candidate runs each paste adds.")
    var pasteAlpha = 0.05

    @Option(help: ArgumentHelp("Output folder (default: the results folder).", valueName: "dir"))
    var out: String?

    func validate() throws {
      guard OutcomeCondition(parsing: condition) != nil else {
        throw ValidationError("--where: expected \(OutcomeCondition.grammar), found \"\(condition)\"")
      }
      if !(peelAlpha > 0 && peelAlpha < 0.5) { throw ValidationError("--peel-alpha: expected a share in (0, 0.5), found \(peelAlpha)") }
      if !(minMass > 0 && minMass < 1) { throw ValidationError("--min-mass: expected a share in (0, 1), found \(minMass)") }
      if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold: expected a density in (0, 1], found \(threshold)") }
      if !(pasteAlpha > 0 && pasteAlpha < 1) { throw ValidationError("--paste-alpha: expected a share in (0, 1), found \(pasteAlpha)") }
      if let box, box < 0 { throw ValidationError("--box: expected a trajectory point >= 0, found \(box)") }
    }

    func run() throws {
      try withFailureReport { try discover() }
    }

    private func discover() throws {
      let condition = OutcomeCondition(parsing: self.condition)!
      let results = URL(fileURLWithPath: folder)
      let data = try DiscoveryData(folder: results, condition: condition)
      let hits = data.interesting.lazy.filter { $0 }.count
      guard hits > 0, hits < data.interesting.count else {
        printError("\(folder): error: \(hits == 0 ? "no" : "every") run meets \(condition) (\(hits) of \(data.interesting.count)); nothing to tell apart")
        throw ExitStatus.invalidInput
      }
      let discovery: Discovery
      do {
        discovery = try Discovery(
          data: data, condition: condition, options: PRIM.Options(peelAlpha: peelAlpha, pasteAlpha: pasteAlpha, minimumMass: minMass),
          choice: box.map { .point($0) } ?? .densityThreshold(threshold), paste: paste)
      } catch let error as Discovery.PointOutOfRange {
        throw ValidationError(error.description)
      }
      let target = out.map { URL(fileURLWithPath: $0) } ?? results
      try discovery.write(to: target, manifest: [
        "toolVersion": .string(PolicySim.configuration.version), "resultsFolder": .string(results.path),
      ])
      print(DiscoveryReport(discovery: discovery).text)
      print("Wrote \(target.path)/\(Discovery.files.table), \(Discovery.files.chart), \(Discovery.files.manifest)")
    }
  }
}
