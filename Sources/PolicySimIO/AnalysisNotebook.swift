import Foundation

/// The notebooks `policysim export-notebook` writes and `Notebooks-export/` ships: pandas reads
/// the CSV outputs, matplotlib plots them. The first code cell is tagged `parameters` and
/// binds the results folder(s), so papermill or Quarto can point a notebook elsewhere.
///
/// This is the single source of the notebooks: the shipped files are its output for
/// ``defaultResults`` and a test keeps them equal.
public enum AnalysisNotebook: String, CaseIterable, Sendable {
  /// One run: fan charts of every metric, capacity by source, stockpile depletion date.
  case run
  /// Several runs on shared axes (fan charts, final values, depletion) and the paired effects
  /// of a `policysim compare` folder.
  case compare
  /// A parameter sweep: results by parameter, Sobol indices and tornado when analysed.
  case sweep

  /// The folders the shipped notebooks read, relative to `Notebooks-export/`.
  public var defaultResults: [String] {
    switch self {
    case .run: ["../results/tier3"]
    case .compare: ["../results/tier3", "../results/baseline"]
    case .sweep: ["../results/sweep"]
    }
  }

  /// The `policysim compare` folder the shipped compare notebook reads, relative to
  /// `Notebooks-export/`; nil for the other notebooks.
  public var defaultEffects: String? {
    switch self {
    case .compare: "../results/effects-vs-baseline"
    case .run, .sweep: nil
    }
  }

  /// The notebook bound to `results` (run or sweep folders) and, for compare, to `effects` (a
  /// `policysim compare` folder), as paths relative to the notebook or absolute.
  /// - Precondition: a folder to read: one of `results`, or for compare `effects` alone.
  public func notebook(results: [String], effects: String? = nil) -> Notebook {
    precondition(!results.isEmpty || (self == .compare && effects != nil), "at least one results folder")
    switch self {
    case .run: return Notebook(idPrefix: rawValue, cells: Self.runCells(parameters: "RESULTS = \(Self.literal(results[0]))"))
    case .compare:
      let list = results.isEmpty ? "[]" : "[\n    " + results.map(Self.literal).joined(separator: ",\n    ") + ",\n]"
      let parameters = "RESULTS = \(list)\nEFFECTS = \(effects.map(Self.literal) ?? "None")"
      return Notebook(idPrefix: rawValue, cells: Self.compareCells(parameters: parameters))
    case .sweep: return Notebook(idPrefix: rawValue, cells: Self.sweepCells(parameters: "RESULTS = \(Self.literal(results[0]))"))
    }
  }

  /// The Python function that draws one fan (bands, then the median line) on an axes.
  static let fanFunction = """
    def fan(ax, rows, label, color):
        ax.fill_between(rows["date"], rows["p05"], rows["p95"], color=color, alpha=0.15, linewidth=0)
        ax.fill_between(rows["date"], rows["p25"], rows["p75"], color=color, alpha=0.3, linewidth=0)
        ax.plot(rows["date"], rows["p50"], color=color, linewidth=2, label=label)
        ax.yaxis.set_major_formatter(mticker.EngFormatter())
    """

  /// A Python string literal (JSON string syntax is valid Python).
  static func literal(_ text: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  }
}
