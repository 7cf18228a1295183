import ArgumentParser
import Foundation
import PolicySimIO

extension PolicySim {
  /// Sensitivity indices of a finished sweep.
  struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Sobol sensitivity indices (saltelli sweep) or a tornado table (grid sweep).",
      discussion: """
        Works on the mean over replications at each point, from results.csv. For a saltelli \
        sweep: first-order (Saltelli 2010) and total (Jansen) Sobol indices with 95% bootstrap \
        percentile intervals, written to DIR/sensitivity.csv. For a grid: each parameter's \
        output at its lowest and highest value with the others at their central value, largest \
        swing first, written to DIR/tornado.csv.

        Exit status: 0 success; 64 bad arguments; 65 the folder is not a finished saltelli or \
        grid sweep, is damaged (its files differ from what manifest.json records), or has no \
        such metric or date; 66 the folder is missing; 74 the result cannot be written.

        Example: policysim analyze results/tier3-sweep --metric capacity_h100e --date 2027-12-31
        """)

    @Argument(help: "A finished (or merged) sweep folder.", completion: .directory)
    var folder: String

    @Option(help: "Outcome to analyse (default: every outcome in results.csv).", completion: MetricCompletion.kind)
    var metric: String?

    @Option(help: "Report date YYYY-MM-DD (default: every date in results.csv).")
    var date: String?

    @Option(help: "Bootstrap resamples for the Sobol confidence intervals, 1 to 100,000.")
    var resamples: Int = 1_000

    func validate() throws {
      if !(1...100_000).contains(resamples) { throw ValidationError("--resamples: expected a number in [1, 100000], found \(resamples)") }
    }

    func run() throws {
      try withFailureReport { try analyse() }
    }

    private func analyse() throws {
      let report = try SensitivityReport(folder: URL(fileURLWithPath: folder), metric: metric, date: date, resamples: resamples)
      let widths = report.header.indices.map { column in
        ([report.header] + report.table).map { display($0[column]).count }.max() ?? 0
      }
      for row in [report.header] + report.table {
        print(zip(row, widths).map { display($0).padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
      }
      print("Wrote \(report.file.path)")
    }

    /// Numbers to 4 significant digits for the terminal; the file keeps full precision.
    private func display(_ field: String) -> String {
      guard let value = Double(field), field.contains(where: { $0 == "." || $0 == "e" }) else { return field }
      return String(format: "%.4g", value)
    }
  }
}
