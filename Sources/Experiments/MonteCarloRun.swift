import PolicyModel

/// Runs replications of a scenario in parallel and gathers them in replication order.
///
/// Replication `i` draws from streams derived from (seed, i, stream name) only, and results are
/// stored by index, so the output is identical whatever the thread count or completion order.
/// Memory holds every replication's monthly outcomes (runs × months × outcomes doubles, about
/// 9 KB per replication of a 6-year scenario), which exact quantiles need.
public struct MonteCarloRun: Sendable {
  public let scenario: SupplyScenario
  public let seed: UInt64
  public let runs: Int
  public let threads: Int

  public init(scenario: SupplyScenario, seed: UInt64, runs: Int, threads: Int) {
    self.scenario = scenario
    self.seed = seed
    self.runs = runs
    self.threads = max(1, threads)
  }

  /// Runs every replication; `progress` is called (from worker threads) with the count done.
  /// - Throws: the first replication error in replication order, with its index.
  public func run(progress: @Sendable (Int) -> Void = { _ in }) throws -> [ReplicationResult] {
    let slots = IndexedSlots<ReplicationResult>(count: runs)
    let scenario = self.scenario, seed = self.seed
    try parallelForEach(runs, threads: threads, progress: progress) { replication in
      slots.store(try Self.replication(replication, of: scenario, seed: seed), at: replication)
    }
    return slots.values()
  }

  /// Replication `replication` of `scenario`, its error wrapped with its index.
  /// - Throws: ``ReplicationError``.
  public static func replication(_ replication: Int, of scenario: SupplyScenario, seed: UInt64) throws -> ReplicationResult {
    do {
      return try scenario.runReplication(seed: seed, replication: replication)
    } catch {
      throw ReplicationError(replication: replication, underlying: error)
    }
  }
}

/// A replication failed; names its index so it can be replayed alone.
public struct ReplicationError: Error, CustomStringConvertible {
  public let replication: Int
  public let underlying: any Error
  public var description: String { "replication \(replication): \(underlying)" }
}
