import Experiments
import Foundation

/// Scenarios compared with a reference replication by replication: replication i of every
/// scenario uses the same seed (common random numbers), so the difference of two scenarios in
/// replication i is the policy's effect under one draw of everything uncertain.
///
/// Memory is bounded by scenarios × report cells, not by runs: replications run (or are read
/// from runs.csv) in blocks, each one's differences go to a ``CellStore`` on disk, and the
/// exact statistics are computed from it one block of cells at a time.
public struct PairedComparison: Sendable {
  /// One scenario against the reference: the metrics both have, where each is in a
  /// replication's values, and where its cells start in the store.
  struct Pair: Sendable {
    let scenario: Int
    let metrics: [String]
    let columns: [Int], referenceColumns: [Int]
    let offset: Int
  }

  public let inputs: [ComparisonInput]
  /// The index of the reference among ``inputs``.
  public let reference: Int
  public let seed: UInt64
  public let runs: Int
  /// The report dates every input shares.
  public let dates: [String]
  let pairs: [Pair]
  /// The number of metrics in each input's replication values.
  let widths: [Int]

  /// Replications run or read per block.
  static let blockRuns = 512

  /// Checks that the inputs can be paired and settles the seed and run count: those of the
  /// results folders (which must agree with each other and with `seed` and `runs` when given),
  /// else `seed` and `runs`, else the reference scenario's.
  /// - Throws: ``ResultsError`` naming the input and what differs (names, seeds, runs, report
  ///   dates) or shares no metric with the reference.
  public init(inputs: [ComparisonInput], reference: Int, seed: UInt64?, runs: Int?) throws {
    for (index, input) in inputs.enumerated() {
      if let other = inputs[..<index].first(where: { $0.name == input.name }) {
        throw ResultsError(input.location, "named \"\(input.name)\" like \(other.location); effects.csv tells scenarios apart by name")
      }
    }
    let folders = inputs.compactMap { input -> (location: String, manifest: RunManifest)? in
      if case .results(_, let manifest, _, _) = input { (input.location, manifest) } else { nil }
    }
    if let first = folders.first {
      for other in folders.dropFirst() {
        for (what, mine, theirs) in [("seed", String(other.manifest.seed), String(first.manifest.seed)), ("runs", String(other.manifest.runs), String(first.manifest.runs))] where mine != theirs {
          throw ResultsError(other.location, "\(what) \(mine) differs from \(first.location)'s \(theirs); paired differences need the same seed and runs")
        }
      }
      if let seed, seed != first.manifest.seed {
        throw ResultsError(first.location, "was run with seed \(first.manifest.seed), not --seed \(seed)")
      }
      if let runs, runs != first.manifest.runs {
        throw ResultsError(first.location, "holds \(first.manifest.runs) runs, not --runs \(runs)")
      }
      (self.seed, self.runs) = (first.manifest.seed, first.manifest.runs)
    } else {
      (self.seed, self.runs) = (seed ?? inputs[reference].ownSeed, runs ?? inputs[reference].ownRuns)
    }
    dates = inputs[reference].dates
    for input in inputs where input.dates != dates {
      throw ResultsError(input.location, "reports on \(Self.span(input.dates)), \(inputs[reference].name) on \(Self.span(dates)); paired differences need the same report dates")
    }
    var pairs: [Pair] = [], offset = 0
    let referenceMetrics = inputs[reference].metrics
    for (index, input) in inputs.enumerated() where index != reference {
      let metrics = referenceMetrics.filter(input.metrics.contains)
      guard !metrics.isEmpty else { throw ResultsError(input.location, "shares no metric with \(inputs[reference].name)") }
      pairs.append(Pair(
        scenario: index, metrics: metrics, columns: metrics.map { input.metrics.firstIndex(of: $0)! },
        referenceColumns: metrics.map { referenceMetrics.firstIndex(of: $0)! }, offset: offset))
      offset += dates.count * metrics.count
    }
    (self.inputs, self.reference, self.pairs) = (inputs, reference, pairs)
    widths = inputs.map(\.metrics.count)
  }

  /// "72 dates from 2025-01-31 to 2030-12-31".
  private static func span(_ dates: [String]) -> String {
    "\(dates.count) dates from \(dates.first ?? "-") to \(dates.last ?? "-")"
  }

  /// - Throws: ``ResultsError`` naming the reference's metrics (and the nearest) unless some
  ///   scenario is compared on `metric`.
  public func checkMetric(_ metric: String) throws {
    guard pairs.contains(where: { $0.metrics.contains(metric) }) else {
      throw ResultsError.unknownMetric(metric, in: inputs[reference].location, among: inputs[reference].metrics)
    }
  }

  /// The number of (scenario, date, metric) cells compared.
  public var cells: Int { pairs.reduce(0) { $0 + dates.count * $1.metrics.count } }

  /// What the manifest records of the inputs, in order.
  public var manifestInputs: JSONValue { .array(inputs.map(\.manifestEntry)) }
}
