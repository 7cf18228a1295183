import Experiments
import Foundation

/// A run's replications weighted by how well they reproduce independent published figures:
/// each figure is the model's value over the target's window times a lognormal error
/// (``LognormalError``), so a lone target weighs a replication by
/// `exp(-(ln published - ln value)^2 / (2 sigma^2))`. Sigma is the target's stated one, else
/// `ln(high / low) / 3.29` from its published range (read as a 90% interval) or a default,
/// combined with its conversion's spread; targets of one error group share that conversion
/// part (a joint lognormal). Targets that calibrated an input never enter.
public struct Conditioning: Sendable {
  /// One published figure the weights rest on.
  public struct Observation: Sendable {
    public let score: TargetScore
    /// The sd of the figure's own log error and of its conversion's (shared within its error group).
    public let ownSigma: Double, conversionSigma: Double
    /// Where the own part came from: "stated", "range" or "default" (and "and conversion").
    public let sigmaSource: String

    /// The sd of the whole log error.
    public var sigma: Double { (ownSigma * ownSigma + conversionSigma * conversionSigma).squareRoot() }
    /// The error group: the target's, or its id when it stands alone.
    public var group: String { score.target.comparison?.errorGroup ?? "id \(score.target.id)" }
  }

  public let run: RunManifest
  public let results: PerRunValues
  public let observations: [Observation]
  /// Independent targets the model speaks to but that were left out: why in a few words
  /// ("not covered", "not in results", "after the cut-off"), and in full.
  public let skipped: [(id: String, why: String, reason: String)]
  public let weights: ImportanceWeights
  /// The last day a target's window may reach to be used.
  public let cutoff: String
  /// The results folder (or what stands for it), for messages.
  public let location: String

  /// Weights the replications in `folder` (which must hold runs.csv) by the independent targets
  /// of `targets` whose windows the run covers and that end by `cutoff`; only those in `ids`
  /// when given. Targets without a range get `defaultSigma`.
  /// - Throws: ``ResultsError`` for unreadable results, an id that is unknown, an input or not
  ///   usable, no usable target, or no replication compatible with the figures.
  public init(folder: URL, targets: ValidationTargets, ids: [String]?, cutoff: String, defaultSigma: Double) throws {
    let run = try RunManifest(folder: folder)
    try run.verifyRecorded([PerRunValues.fileName, "draws.csv"])
    let results = try PerRunValues.read(folder: folder)
    guard results.runs == run.runs else {
      throw ResultsError(folder.appendingPathComponent(PerRunValues.fileName).path, "holds \(results.runs) runs, but manifest.json says \(run.runs): the folder mixes two runs")
    }
    try self.init(run: run, results: results, targets: targets, ids: ids, cutoff: cutoff, defaultSigma: defaultSigma, location: folder.path)
  }

  /// Weights `results` (of the run `run` describes) as ``init(folder:targets:ids:cutoff:defaultSigma:)``
  /// does; errors name `location`.
  public init(
    run: RunManifest, results: PerRunValues, targets: ValidationTargets, ids: [String]?, cutoff: String, defaultSigma: Double,
    location: String
  ) throws {
    for id in ids ?? [] {
      guard let target = targets.target(id) else {
        let hint = suggestion(for: id, among: targets.targets.map(\.id)).map { "; did you mean \"\($0)\"?" } ?? ""
        throw ResultsError(targets.file, "no target \"\(id)\"\(hint)")
      }
      if let calibrates = target.calibrates {
        throw ResultsError(targets.file, "\(id) calibrated an input (\(calibrates)); conditioning on it would count it twice")
      }
    }
    var observations: [Observation] = [], skipped: [(id: String, why: String, reason: String)] = []
    for target in targets.targets where !target.isInput && (ids?.contains(target.id) ?? true) {
      guard let comparison = target.comparison else {
        if ids != nil { throw ResultsError(targets.file, "\(target.id) cannot be used: the model does not speak to it") }
        continue
      }
      let score = TargetScore(target, results: results, firstDay: run.firstDay, formerNames: targets.formerNames)
      let why: (String, String)? =
        !score.isCompared ? (score.verdict.rawValue, score.detail)
        : comparison.window.end > cutoff ? ("after the cut-off", "its window ends \(comparison.window.end), after the cut-off \(cutoff)") : nil
      if let (short, reason) = why {
        if ids != nil { throw ResultsError(targets.file, "\(target.id) cannot be used: \(short): \(reason)") }
        skipped.append((target.id, short, reason))
        continue
      }
      let (own, conversion, source) = comparison.errorSigma(default: defaultSigma)
      observations.append(Observation(score: score, ownSigma: own, conversionSigma: conversion, sigmaSource: source))
    }
    guard !observations.isEmpty else {
      throw ResultsError(location, "no independent target is covered by this run and ends by \(cutoff)"
        + (skipped.isEmpty ? "" : " (" + skipped.map { "\($0.id): \($0.why)" }.joined(separator: "; ") + ")"))
    }
    let groups = observations.reduce(into: [String]()) { if !$0.contains($1.group) { $0.append($1.group) } }.map { group in
      let members = observations.filter { $0.group == group }
      let error = LognormalError(
        observed: members.map { $0.score.target.comparison!.published.central }, ownSigma: members.map(\.ownSigma),
        sharedSigma: members[0].conversionSigma)
      return (members, error)
    }
    let logLikelihoods = (0..<results.runs).map { run in
      groups.reduce(0.0) { sum, group in sum + group.1.logLikelihood(of: group.0.map { $0.score.values[run] }) }
    }
    guard let weights = ImportanceWeights(logLikelihoods: logLikelihoods) else {
      throw ResultsError(location, "no replication can produce the published figures: every run has a value <= 0 for one of \(observations.map(\.score.target.id).joined(separator: ", "))")
    }
    self.run = run
    self.results = results
    self.observations = observations
    self.skipped = skipped
    self.weights = weights
    self.cutoff = cutoff
    self.location = location
  }

  /// Weighted statistics of every metric at every report date, date-major, computed on up to
  /// `threads` threads (the result does not depend on it). With equal weights they equal the
  /// run's summary.csv.
  public func summary(weighted: Bool = true, threads: Int) -> [(date: String, metric: String, statistics: OutcomeStatistics)] {
    let results = self.results, weights = weighted ? self.weights.weights : Array(repeating: 1, count: results.runs)
    let metrics = results.metrics.count
    let statistics = parallelMap(results.dates.count * metrics, threads: threads) { cell in
      let values = (0..<results.runs).map { results.value(run: $0, date: cell / metrics, metric: cell % metrics) }
      return OutcomeStatistics(values, weights: weights)
    }
    return statistics.enumerated().map { cell, s in (results.dates[cell / metrics], results.metrics[cell % metrics], s) }
  }

  /// For each drawn parameter, its distribution over all runs and over the weighted runs (nil
  /// when every run that drew it has weight 0).
  public func parameters(_ draws: DrawnParameterValues) -> [(parameter: String, prior: OutcomeStatistics, conditioned: OutcomeStatistics?)] {
    zip(draws.parameters, draws.draws).map { name, drawn in
      let values = drawn.map(\.value), runWeights = drawn.map { weights.weights[$0.run] }
      return (name, OutcomeStatistics(values), runWeights.contains { $0 > 0 } ? OutcomeStatistics(values, weights: runWeights) : nil)
    }
  }
}
