import Foundation

/// Every target of a targets file scored against one results folder (see ``TargetScore``):
/// score.csv, the terminal table, and the count of independent targets inside the 90% band.
public struct ScoreReport: Sendable {
  public static let scoreFile = "score.csv"
  public static let manifestFile = "score-manifest.json"

  public let run: RunManifest
  public let targets: ValidationTargets
  /// One score per target, in file order.
  public let scores: [TargetScore]

  /// Scores `targets` against the results in `folder` (which must hold runs.csv).
  /// - Throws: ``ResultsError`` for a missing or malformed results file.
  public init(folder: URL, targets: ValidationTargets) throws {
    let run = try RunManifest(folder: folder)
    try run.verifyRecorded([PerRunValues.fileName])
    let wanted = Set(targets.targets.flatMap { $0.comparison?.window.metrics ?? [] }.flatMap { [$0, targets.formerNames[$0]].compactMap { $0 } })
    let results = try PerRunValues.read(folder: folder, keeping: wanted)
    guard results.runs == run.runs else {
      throw ResultsError(folder.appendingPathComponent(PerRunValues.fileName).path, "holds \(results.runs) runs, but manifest.json says \(run.runs): the folder mixes two runs")
    }
    self.run = run
    self.targets = targets
    scores = targets.targets.map { TargetScore($0, results: results, firstDay: run.firstDay, formerNames: targets.formerNames) }
  }

  /// Independent (non-input) targets that were compared, and those inside the 90% band.
  public var independent: (compared: Int, inside90: Int) {
    let compared = scores.filter { $0.isCompared && !$0.target.isInput }
    return (compared.count, compared.filter { $0.verdict == .inside50 || $0.verdict == .inside90 }.count)
  }

  /// "N of M independent targets inside the 90% band".
  public var headline: String {
    let (compared, inside) = independent
    return "\(inside) of \(compared) independent targets inside the 90% band"
  }

  /// score.csv: one row per target, in file order.
  public var csv: String {
    var table = CSVTable(header: [
      "scenario", "id", "measures", "input", "calibrates", "metric", "window", "unit", "published_low", "published_central",
      "published_high", "p05", "p25", "p50", "p75", "p95", "percentile", "verdict", "detail",
    ])
    for score in scores {
      let target = score.target, comparison = target.comparison, s = score.statistics
      table.append([
        run.scenarioName, target.id, target.measures, String(target.isInput), target.calibrates ?? "",
        comparison?.window.metrics.joined(separator: "+") ?? "", comparison?.window.text ?? "", comparison.map(Self.unit) ?? "",
        CSVTable.number(comparison?.published.range?.lowerBound), CSVTable.number(comparison?.published.central),
        CSVTable.number(comparison?.published.range?.upperBound),
        CSVTable.number(s?.p05), CSVTable.number(s?.p25), CSVTable.number(s?.p50), CSVTable.number(s?.p75), CSVTable.number(s?.p95),
        CSVTable.number(score.percentile), score.verdict.rawValue, score.detail,
      ])
    }
    return table.content
  }

  /// The unit with its normalisation: "H100e (paper, 8-bit)".
  static func unit(_ comparison: ValidationTarget.Comparison) -> String {
    comparison.unit + (comparison.normalisation.map { " (\($0.words))" } ?? "")
  }

  /// The terminal table, at most 100 columns wide: compared targets (independent, then
  /// inputs), those not compared and why, the ids of those not modelled, and the headline.
  public var table: String {
    var lines = ["\(run.scenarioName): \(run.runs) runs, seed \(run.seed); \(scores.count) targets from \(targets.file)"]
    let row = { (id: String, measures: String, rest: String) in
      (Self.fit(id, 14) + Self.fit(measures, 30) + rest).trimmingCharacters(in: .whitespaces)
    }
    let header = Self.fit("published", 10) + Self.fit("model median [5%, 95%]", 28) + Self.fit("pct", 5) + "verdict"
    for (title, inputs) in [("Independent targets", false), ("Calibration inputs (never evidence)", true)] {
      let group = scores.filter { $0.isCompared && $0.target.isInput == inputs }
      guard !group.isEmpty else { continue }
      lines.append(Self.fit(title, 44) + header)
      for score in group {
        let s = score.statistics!, central = score.target.comparison!.published.central
        lines.append(row(score.target.id, score.target.measures,
          Self.fit(QuantityText.short(central), 10) + Self.fit(QuantityText.band(s.p50, s.p05, s.p95), 28)
            + Self.fit(String(format: "%.0f", score.percentile!), 5) + score.verdict.rawValue))
      }
    }
    let skipped = scores.filter { !$0.isCompared && $0.verdict != .notModelled }
    if !skipped.isEmpty {
      lines.append("Not compared (full reasons in \(Self.scoreFile))")
      for score in skipped {
        lines.append(row(score.target.id, score.target.measures, Self.fit("\(score.verdict.rawValue): \(score.detail)", 56)))
      }
    }
    let unmodelled = scores.filter { $0.verdict == .notModelled }.map(\.target.id)
    if !unmodelled.isEmpty { lines += Self.wrapped("Not modelled (reasons in \(Self.scoreFile)):", unmodelled) }
    lines.append(headline)
    return lines.joined(separator: "\n")
  }

  /// score-manifest.json: where the scores came from, for reproducibility.
  public func manifest(toolVersion: String) -> String {
    let (compared, inside) = independent
    var counts: [String: JSONValue] = [:]
    for verdict in TargetScore.Verdict.allCases { counts[verdict.rawValue] = .number(Double(scores.filter { $0.verdict == verdict }.count)) }
    let manifest: JSONValue = .object([
      "toolVersion": .string(toolVersion),
      "scenarioName": .string(run.scenarioName), "scenarioFile": .string(run.scenarioFile),
      "scenarioSHA256": .string(run.scenarioSHA256), "seed": .number(Double(run.seed)), "runs": .number(Double(run.runs)),
      "runToolVersion": .string(run.toolVersion),
      "targetsFile": .string(targets.file), "targetsSHA256": .string(targets.sha256),
      "verdicts": .object(counts),
      "independentCompared": .number(Double(compared)), "independentInside90": .number(Double(inside)),
    ])
    return canonicalJSON(manifest) + "\n"
  }

  /// Writes score.csv, then score-manifest.json, into `folder`.
  public func write(to folder: URL, toolVersion: String) throws {
    try OutputFolder.commit([(Self.scoreFile, csv), (Self.manifestFile, manifest(toolVersion: toolVersion))], into: folder, owned: [Self.manifestFile])
  }

  /// `title` followed by `ids`, wrapped at 100 columns.
  static func wrapped(_ title: String, _ ids: [String]) -> [String] {
    var lines: [String] = [], line = title
    for id in ids {
      if line.count + id.count + 1 > 100 {
        lines.append(line)
        line = " "
      }
      line += " \(id)"
    }
    return lines + [line]
  }

  /// `text` cut or padded to `width` columns (a cut ends in "…" and keeps a space before the next column).
  static func fit(_ text: String, _ width: Int) -> String {
    text.count < width ? text.padding(toLength: width, withPad: " ", startingAt: 0) : String(text.prefix(width - 2)) + "… "
  }
}
