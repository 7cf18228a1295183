import Dispatch
import Experiments
import Foundation
import Stochastic
import Testing

@Test("EffectStatistics: hand-computed statistics; share negative counts only differences below zero")
func effectStatisticsByHand() {
  let effect = EffectStatistics(differences: [5, -2, 0, 1, -1])
  #expect(effect.statistics == OutcomeStatistics([5, -2, 0, 1, -1]))
  #expect(effect.statistics.mean == 0.6 && effect.statistics.p50 == 0)
  #expect(effect.shareNegative == 0.4)  // -2 and -1; a tie at zero is not lower
  #expect(EffectStatistics(differences: [0, 0]).shareNegative == 0)
}

@Test("a paired difference is exact, except that last-bit rounding of equal quantities is a tie")
func pairedDifferenceRounding() {
  let sum = [0.1, 0.2, 0.3].reduce(0, +), reordered = [0.3, 0.2, 0.1].reduce(0, +)
  #expect(sum != reordered && EffectStatistics.difference(sum, from: reordered) == 0)
  #expect(EffectStatistics.difference(2_000_000, from: 2_000_000.01) < 0, "a hundredth of a unit in millions is real")
  #expect(EffectStatistics.difference(5, from: 7) == -2 && EffectStatistics.difference(0, from: 0) == 0)
  #expect(EffectStatistics.difference(1e-12, from: 0) == 1e-12, "zero against a tiny value stays exact")
}

@Test("CellStore gives back every cell's values in row order, whatever the block size and write order",
  arguments: [1, 24, 7 * 40 * 8, 1 << 20])
func cellStoreRoundTrip(blockBytes: Int) throws {
  let rows = 40, cells = 23
  let stream = RandomStream(master: 3, replication: 0, stream: "cells")
  let table = (0..<rows).map { _ in (0..<cells).map { _ in stream.gaussian() } }
  let store = try CellStore(cells: cells, rows: rows, in: FileManager.default.temporaryDirectory, blockBytes: blockBytes)
  #expect(store.blockCells == min(cells, max(1, blockBytes / (rows * 8))))
  // Rows arrive from several threads in a scrambled order, as replications do.
  let order = (0..<rows).map { ($0 * 17) % rows }
  DispatchQueue.concurrentPerform(iterations: rows) { try! store.write(row: order[$0], table[order[$0]]) }
  let columns = try store.mapCells(threads: 3) { $0 }
  #expect(columns == (0..<cells).map { cell in table.map { $0[cell] } })
  #expect(CellStore.fileBytes(cells: cells, rows: rows) == rows * cells * 8)
}

@Test("CellStore summaries equal the in-memory statistics at any thread count")
func cellStoreStatistics() throws {
  let rows = 1_001, cells = 5
  let stream = RandomStream(master: 5, replication: 0, stream: "effects")
  let table = (0..<rows).map { _ in (0..<cells).map { _ in stream.gaussian() * 1e6 } }
  var results: [[EffectStatistics]] = []
  for threads in [1, 2, 4] {
    let store = try CellStore(cells: cells, rows: rows, in: FileManager.default.temporaryDirectory, blockBytes: 2 * rows * 8)
    for (row, values) in table.enumerated() { try store.write(row: row, values) }
    results.append(try store.mapCells(threads: threads) { EffectStatistics(differences: $0) })
  }
  #expect(results[0] == (0..<cells).map { cell in EffectStatistics(differences: table.map { $0[cell] }) })
  #expect(results[1] == results[0] && results[2] == results[0])
}

private struct Failure: Error, Equatable { let index: Int }

@Test("parallelForEach runs every index up to the lowest failing one once, no index twice, and throws that index's error", arguments: [1, 2, 5])
func parallelForEachFailures(threads: Int) {
  let lock = NSLock()
  nonisolated(unsafe) var visits = [Int](repeating: 0, count: 500)
  #expect(throws: Failure(index: 37)) {
    try parallelForEach(500, threads: threads) { index in
      lock.withLock { visits[index] += 1 }
      if index == 37 || index == 411 || index == 120 { throw Failure(index: index) }
    }
  }
  #expect(visits[...37] == [Int](repeating: 1, count: 38)[...])
  #expect(visits.allSatisfy { $0 <= 1 })
  // One worker stops after the chunk of 16 that holds the failure.
  if threads == 1 { #expect(visits[48...].allSatisfy { $0 == 0 }) }
}
