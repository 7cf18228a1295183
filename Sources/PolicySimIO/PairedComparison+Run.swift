import Experiments
import Foundation

extension PairedComparison {
  /// A replication of one input failed or gave a difference that is not a number.
  public struct ReplicationFailure: Error, CustomStringConvertible {
    /// The scenario file or results folder.
    public let location: String
    public let message: String
    public var description: String { "\(location): error: \(message)" }
  }

  /// Runs (or reads) every replication of every input, in blocks of ``blockRuns``, and
  /// summarises each cell's paired differences exactly. Results do not depend on `threads`.
  /// - Parameters:
  ///   - scratch: the folder for the temporary store of differences, which needs
  ///     `CellStore.fileBytes(cells: cells, rows: runs)` bytes while the comparison runs.
  ///   - progress: called from worker threads with the number of replications done.
  /// - Throws: ``ReplicationFailure``; ``ResultsError`` for a runs.csv that is malformed or
  ///   holds a different number of runs than its manifest; `POSIXError` for the temporary file.
  public func run(threads: Int, scratch: URL, progress: @Sendable (Int) -> Void = { _ in }) throws -> Effects {
    let store = try CellStore(cells: cells, rows: runs, in: scratch)
    let tables = try inputs.map { input -> RunsTable? in
      if case .results(let folder, _, _, _) = input { try RunsTable.open(folder) } else { nil }
    }
    for first in stride(from: 0, to: runs, by: Self.blockRuns) {
      let count = min(Self.blockRuns, runs - first)
      let folderRuns = try tables.map { table in try table.map { try nextRuns(count, from: $0) } }
      try parallelForEach(count, threads: threads, progress: { progress(first + $0) }) { offset in
        let replication = first + offset
        let values = try inputs.indices.map { try folderRuns[$0]?[offset] ?? run(replication, of: $0) }
        try store.write(row: replication, differences(values, replication: replication))
      }
    }
    for table in tables.compactMap({ $0 }) where try table.nextRun() != nil {
      throw ResultsError(table.file.path, "holds more runs than its manifest's \(runs)")
    }
    let statistics = try store.mapCells(threads: threads) { EffectStatistics(differences: $0) }
    return Effects(
      reference: inputs[reference].name, seed: seed, runs: runs, dates: dates,
      comparisons: pairs.map { pair in
        Effects.Comparison(
          scenario: inputs[pair.scenario].name, metrics: pair.metrics,
          statistics: Array(statistics[pair.offset..<(pair.offset + dates.count * pair.metrics.count)]))
      })
  }

  /// The next `count` runs of `table`.
  private func nextRuns(_ count: Int, from table: RunsTable) throws -> [[Double]] {
    try (0..<count).map { _ in
      guard let values = try table.nextRun() else { throw ResultsError(table.file.path, "holds fewer runs than its manifest's \(runs)") }
      return values
    }
  }

  /// Replication `replication` of scenario input `input`, its values date by date.
  private func run(_ replication: Int, of input: Int) throws -> [Double] {
    guard case .scenario(let loaded) = inputs[input] else { preconditionFailure("results folders are read, not run") }
    do {
      return try MonteCarloRun.replication(replication, of: loaded.model, seed: seed).values.flatMap { $0 }
    } catch {
      throw ReplicationFailure(location: loaded.file, message: "\(error)")
    }
  }

  /// Every pair's scenario − reference values in one replication, in store order.
  private func differences(_ values: [[Double]], replication: Int) throws -> [Double] {
    var differences = [Double](repeating: 0, count: cells)
    let base = values[reference], baseWidth = widths[reference]
    for pair in pairs {
      let own = values[pair.scenario], width = widths[pair.scenario]
      for date in dates.indices {
        for (metric, (column, referenceColumn)) in zip(pair.columns, pair.referenceColumns).enumerated() {
          let difference = EffectStatistics.difference(own[date * width + column], from: base[date * baseWidth + referenceColumn])
          guard !difference.isNaN else {
            throw ReplicationFailure(
              location: inputs[pair.scenario].location,
              message: "replication \(replication): the difference from \(inputs[reference].name) in \(pair.metrics[metric]) at \(dates[date]) is not a number")
          }
          differences[pair.offset + date * pair.metrics.count + metric] = difference
        }
      }
    }
    return differences
  }
}
