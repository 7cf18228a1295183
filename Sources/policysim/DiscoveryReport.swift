import Experiments
import Foundation
import PolicySimIO

/// What discover prints: the base rate, the peeling trajectory and the chosen box with each
/// restricted parameter's bounds, data range and source.
struct DiscoveryReport {
  let discovery: Discovery

  var text: String {
    let data = discovery.data, manifest = data.manifest
    var lines = [
      String(format: "PRIM over %d drawn parameters of %@ (%d runs, seed %@): %@ in %d runs (%.1f%%)",
        data.parameters.count, manifest.scenarioName, manifest.runs, String(manifest.seed), discovery.condition.description,
        data.interesting.lazy.filter { $0 }.count, 100 * data.baseRate),
      "Peeling trajectory (peel alpha \(discovery.options.peelAlpha), minimum mass \(discovery.options.minimumMass)):",
      "point  coverage  density   mass  restricted",
    ]
    for (point, box) in discovery.trajectory.enumerated() {
      lines.append(String(format: "%5d  %8.3f  %7.3f  %5.3f  %10d", point, box.coverage, box.density, box.mass, box.restricted.count))
    }
    guard let selected = discovery.selected, let box = discovery.box else {
      let best = discovery.trajectory.indices.max { discovery.trajectory[$0].density < discovery.trajectory[$1].density }!
      if case .densityThreshold(let threshold) = discovery.choice {
        lines.append(String(format: "No box reaches density %@ (the highest is %.3f, at point %d); choose one with --box N.", CSVTable.number(threshold), discovery.trajectory[best].density, best))
      }
      return lines.joined(separator: "\n")
    }
    let why: String
    switch discovery.choice {
    case .densityThreshold(let threshold): why = "the first with density >= \(CSVTable.number(threshold))"
    case .point: why = "chosen with --box"
    }
    lines.append("Box \(selected), \(why)\(discovery.pasted == nil ? "" : ", pasted"): " + Self.summary(box))
    let rows = zip(box.restricted, discovery.quasiPValues).map { parameter, quasiP -> [String] in
      let values = data.values[parameter]
      let source = discovery.source(of: parameter).map { "\($0.path): \($0.text)" } ?? "no source given"
      return [
        data.parameters[parameter], Self.bounds(box, parameter, data: (values.min()!, values.max()!)),
        "\(Self.number(values.min()!)) to \(Self.number(values.max()!))", String(format: "%.2g", quasiP),
        source.count > 90 ? source.prefix(89) + "…" : source,
      ]
    }
    let header = ["parameter", "in the box", "in all runs", "quasi-p", "source"]
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
    for row in [header] + rows {
      let padded = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
      lines.append("  " + padded.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
    }
    return lines.joined(separator: "\n")
  }

  private static func summary(_ box: PRIM.Box) -> String {
    String(format: "coverage %.3f, density %.3f, mass %.3f; %d restricted parameters", box.coverage, box.density, box.mass, box.restricted.count)
  }

  /// ">= 1.2", "<= 3.4" or "1.2 to 3.4": only the bounds that restrict.
  private static func bounds(_ box: PRIM.Box, _ parameter: Int, data: (lower: Double, upper: Double)) -> String {
    let lower = box.lower[parameter] > data.lower, upper = box.upper[parameter] < data.upper
    switch (lower, upper) {
    case (true, false): return ">= " + number(box.lower[parameter])
    case (false, true): return "<= " + number(box.upper[parameter])
    default: return number(box.lower[parameter]) + " to " + number(box.upper[parameter])
    }
  }

  private static func number(_ value: Double) -> String { String(format: "%.4g", value) }
}
