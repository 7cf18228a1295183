import Charts
import Experiments
import Foundation

/// Scenario discovery on a results folder: PRIM over the runs' drawn parameters, with the runs
/// meeting a condition as the runs of interest; the peeling trajectory, the box chosen on it
/// (optionally pasted), and the files that record them.
public struct Discovery: Sendable {
  /// How the box is chosen on the peeling trajectory.
  public enum BoxChoice: Sendable, Equatable {
    /// The box with the largest coverage whose density reaches this share.
    case densityThreshold(Double)
    /// The box at this point of the trajectory (0 is the box spanning every run).
    case point(Int)
  }

  /// `--box N` names a point the trajectory does not have.
  public struct PointOutOfRange: Error, CustomStringConvertible {
    public let point: Int, count: Int
    public var description: String { "--box: expected a trajectory point from 0 to \(count - 1), found \(point)" }
  }

  public let data: DiscoveryData
  public let condition: OutcomeCondition
  public let options: PRIM.Options
  public let choice: BoxChoice
  public let trajectory: [PRIM.Box]
  /// The chosen point of the trajectory; nil when no box reaches the density threshold.
  public let selected: Int?
  /// The chosen box widened by pasting, when pasting was asked for and a box was chosen.
  public let pasted: PRIM.Box?
  /// The quasi-p-value of each restriction of ``box``, in `box.restricted` order (empty when
  /// no box is chosen); see `PRIM.quasiPValues(of:)`.
  public let quasiPValues: [Double]

  /// Peels `data`, chooses a box and, when `paste` is true, pastes it.
  /// - Throws: ``PointOutOfRange`` for a `.point` past the trajectory's end.
  public init(data: DiscoveryData, condition: OutcomeCondition, options: PRIM.Options, choice: BoxChoice, paste: Bool) throws {
    let prim = PRIM(values: data.values, interesting: data.interesting, options: options)
    let trajectory = prim.peelingTrajectory()
    let selected: Int?
    switch choice {
    case .densityThreshold(let threshold):
      selected = PRIM.selection(in: trajectory, threshold: threshold)
    case .point(let point):
      guard trajectory.indices.contains(point) else { throw PointOutOfRange(point: point, count: trajectory.count) }
      selected = point
    }
    let pasted = paste ? selected.map { prim.pasted(trajectory[$0]) } : nil
    quasiPValues = (pasted ?? selected.map { trajectory[$0] }).map(prim.quasiPValues) ?? []
    self.pasted = pasted
    (self.data, self.condition, self.options, self.choice) = (data, condition, options, choice)
    (self.trajectory, self.selected) = (trajectory, selected)
  }

  /// The box reported: the pasted box when there is one, else the chosen point's.
  public var box: PRIM.Box? { pasted ?? selected.map { trajectory[$0] } }

  /// The `sources` entry of the resolved scenario for `parameter` (an index of
  /// `data.parameters`): the entry keyed by its JSON path or, failing that, its nearest ancestor.
  public func source(of parameter: Int) -> (path: String, text: String)? {
    let sources = data.manifest.sources
    let normalised = Dictionary(sources.map { (JSONPath(parsing: $0.key)?.description ?? $0.key, $0.value) }) { first, _ in first }
    let name = data.parameters[parameter]
    guard let path = JSONPath(parsing: name) else { return normalised[name].map { (name, $0) } }
    for length in stride(from: path.components.count, through: 0, by: -1) {
      let key = JSONPath(components: Array(path.components.prefix(length))).description
      if let text = normalised[key] { return (key, text) }
    }
    return nil
  }

  /// The file names discovery writes.
  public static let files = (table: "discovery.csv", chart: "discovery.svg", manifest: "discovery.json")

  /// discovery.csv: one row per trajectory point and restricted parameter (one row with empty
  /// parameter fields for a point restricting none); a pasted box follows as phase "paste".
  /// `quasi_p` is given for the reported box's rows only.
  public var table: CSVTable {
    var table = CSVTable(header: [
      "point", "phase", "coverage", "density", "mass", "runs_in_box", "runs_of_interest", "restricted", "selected",
      "parameter", "lower", "upper", "data_lower", "data_upper", "quasi_p", "source_path", "source",
    ])
    let boxes = trajectory.enumerated().map { ($0.offset, "peel", $0.element, pasted == nil && $0.offset == selected) }
      + (pasted.map { [(trajectory.count, "paste", $0, true)] } ?? [])
    for (point, phase, box, isSelected) in boxes {
      let head = [String(point), phase] + [box.coverage, box.density, box.mass].map(CSVTable.number)
        + [String(box.runs), String(box.interesting), String(box.restricted.count), String(isSelected)]
      guard !box.restricted.isEmpty else {
        table.append(head + Array(repeating: "", count: 8))
        continue
      }
      for (index, parameter) in box.restricted.enumerated() {
        let source = self.source(of: parameter)
        let quasiP = isSelected ? quasiPValues[index] : nil
        table.append(head + [data.parameters[parameter]]
          + [box.lower[parameter], box.upper[parameter], data.values[parameter].min(), data.values[parameter].max(), quasiP].map(CSVTable.number)
          + [source?.path ?? "", source?.text ?? ""])
      }
    }
    return table
  }

  /// The coverage–density trade-off of the trajectory, the chosen point ringed.
  public var chart: TradeoffChart {
    let points = trajectory.map { TradeoffChart.Point(x: $0.coverage, y: $0.density, category: $0.restricted.count) }
    var threshold: (value: Double, label: String)?
    if case .densityThreshold(let value) = choice { threshold = (value, "density threshold \(CSVTable.number(value))") }
    return TradeoffChart(
      title: "Scenario discovery: \(condition), \(data.manifest.title), \(NumberLabel.grouped(data.interesting.count)) runs",
      subtitle: String(format: "PRIM peeling trajectory, one point per box; colour: parameters restricted. %.0f%% of all runs are of interest.", 100 * data.baseRate),
      xLabel: "Coverage (share of the runs of interest inside the box)", valueLabel: "Density (share of the box's runs of interest)",
      points: points, categoryText: { "\($0) restricted" }, threshold: threshold,
      highlighted: selected.map { ($0, "selected: box \($0)") }, credit: credit)
  }

  /// "policysim 0.1.0 · 1,000 runs · seed 20250101 · run 2026-11-25" of the folder searched.
  private var credit: String {
    let manifest = data.manifest
    return [
      "policysim" + (manifest.toolVersion.isEmpty ? "" : " " + manifest.toolVersion),
      "\(NumberLabel.grouped(manifest.runs)) runs", "seed \(manifest.seed)", manifest.runDate.map { "run " + $0 },
    ].compactMap { $0 }.joined(separator: " · ")
  }

  /// Writes discovery.csv, discovery.svg and discovery.json (`manifest` plus the condition,
  /// options, choice and the folder's identity) into `folder` as a whole (``OutputFolder``).
  /// - Throws: ``IOFailure``; ``RunFolderRefusal``.
  public func write(to folder: URL, manifest extra: [String: JSONValue]) throws {
    var manifest = extra
    manifest["where"] = .string(condition.description)
    manifest["peelAlpha"] = .number(options.peelAlpha)
    manifest["minimumMass"] = .number(options.minimumMass)
    manifest["pasteAlpha"] = pasted == nil ? .null : .number(options.pasteAlpha)
    switch choice {
    case .densityThreshold(let value): manifest["densityThreshold"] = .number(value)
    case .point(let point): manifest["chosenPoint"] = .number(Double(point))
    }
    manifest["selectedPoint"] = selected.map { .number(Double($0)) } ?? .null
    manifest["baseRate"] = .number(data.baseRate)
    manifest["scenarioName"] = .string(data.manifest.scenarioName)
    manifest["scenarioSHA256"] = .string(data.manifest.scenarioSHA256)
    manifest["seed"] = .number(Double(data.manifest.seed))
    manifest["runs"] = .number(Double(data.manifest.runs))
    try OutputFolder.commit(
      [(Self.files.table, table.content), (Self.files.chart, chart.svg), (Self.files.manifest, canonicalJSON(.object(manifest)) + "\n")],
      into: folder, owned: [Self.files.manifest])
  }
}
