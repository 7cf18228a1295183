import ArgumentParser
import Foundation
import PolicySimIO

extension PolicySim {
  /// Draws SVG charts of run results.
  struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw SVG charts of run results: fan charts, capacity by source, depletion dates.",
      discussion: """
        With no --metric and no --compare, writes capacity.svg (fan chart of capacity_h100e), \
        capacity-by-source.svg (median capacity stacked by source) and depletion.svg \
        (histogram of the quarter imported chips ran out) into <dir>, as run --plot does.

        With --metric, writes a fan chart (median line, 50% and 90% bands) of each metric, \
        named <metric>.svg. With --compare, every folder's fan chart shares the axes \
        (default metric capacity_h100e), named compare-<metric>.svg. --out names the file \
        when there is one chart, else the folder. Every file is written atomically.

        Every results file read is first checked against the size and SHA-256 that \
        manifest.json records.

        Exit status: 0 success; 64 bad arguments; 65 a file or metric is missing, malformed \
        or damaged (one line naming it); 66 a folder is missing; 74 a chart cannot be written.

        Example: policysim plot results/tier3 --compare results/baseline --out docs/tier3-vs-baseline.svg
        """)

    @Argument(help: ArgumentHelp("A results folder written by policysim run.", valueName: "dir"), completion: .directory)
    var folder: String

    @Option(name: .customLong("metric"), help: ArgumentHelp("A metric of summary.csv to draw as a fan chart. Repeatable.", valueName: "metric"), completion: MetricCompletion.kind)
    var metrics: [String] = []

    @Option(name: .customLong("compare"), parsing: .upToNextOption, help: ArgumentHelp("Other results folders to draw on the same axes.", valueName: "dir"), completion: .directory)
    var others: [String] = []

    @Option(help: ArgumentHelp("Output file (one chart) or folder (several); default: <dir>.", valueName: "file.svg|folder"), completion: .file(extensions: ["svg"]))
    var out: String?

    func run() throws {
      try withFailureReport { try draw() }
    }

    private func draw() throws {
      let primary = try RunResults(folder: URL(fileURLWithPath: folder))
      let compared = try others.map { try RunResults(folder: URL(fileURLWithPath: $0)) }
      let charts = try self.charts(primary: primary, compared: compared)
      let files: [URL]
      if let out, out.hasSuffix(".svg") {
        guard charts.count == 1 else {
          throw ValidationError("--out \(out) names one file, but there are \(charts.count) charts (\(charts.map(\.name).joined(separator: ", "))); give a folder")
        }
        files = [URL(fileURLWithPath: out)]
      } else {
        let target = out.map { URL(fileURLWithPath: $0) } ?? primary.folder
        files = charts.map { target.appendingPathComponent($0.name) }
      }
      for (chart, file) in zip(charts, files) { try AtomicFile.write(chart.svg, to: file) }
      print("Wrote " + files.map(\.path).joined(separator: ", "))
    }

    private func charts(primary: RunResults, compared: [RunResults]) throws -> [(name: String, svg: String)] {
      if compared.isEmpty && metrics.isEmpty {
        return try ResultCharts.defaults(for: primary)
      }
      let prefix = compared.isEmpty ? "" : "compare-"
      return try (metrics.isEmpty ? ["capacity_h100e"] : metrics).map { metric in
        ("\(prefix)\(metric).svg", try ResultCharts.fan(of: metric, for: [primary] + compared).svg)
      }
    }
  }
}
