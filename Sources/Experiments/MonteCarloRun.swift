import Foundation
import PolicyModel

/// Runs replications of a scenario in parallel and gathers them in replication order.
///
/// Replication `i` draws from streams derived from (seed, i, stream name) only, and results are
/// stored by index, so the output is identical whatever the thread count or completion order.
/// Workers take small blocks of replications in index order from a shared counter, so
/// replications finish roughly in order (what a streaming consumer needs) and progress moves
/// smoothly. Memory holds every replication's monthly outcomes (runs × months × outcomes
/// doubles, about 14 KB per replication of a 6-year scenario), which exact quantiles need.
public struct MonteCarloRun: Sendable {
  public let scenario: SupplyScenario
  public let seed: UInt64
  public let runs: Int
  public let threads: Int

  /// `threads` is clamped to 1 ... `runs`.
  public init(scenario: SupplyScenario, seed: UInt64, runs: Int, threads: Int) {
    self.scenario = scenario
    self.seed = seed
    self.runs = max(0, runs)
    self.threads = max(1, min(threads, runs))
  }

  /// Runs every replication.
  /// - Parameters:
  ///   - progress: called (from worker threads) with the count done after each replication.
  ///   - each: called (from worker threads) with each replication's index and result as it
  ///     finishes; an error it throws stops the run and is rethrown.
  /// - Throws: the error of the lowest-indexed failing replication (a ``ReplicationError``, or
  ///   the error of `each`); after a failure no new replications start, and every earlier one
  ///   has already started, so the one reported does not depend on the thread count.
  public func run(
    progress: @Sendable (Int) -> Void = { _ in },
    each: (@Sendable (Int, ReplicationResult) throws -> Void)? = nil
  ) throws -> [ReplicationResult] {
    let slots = IndexedSlots<ReplicationResult>(count: runs)
    let scenario = self.scenario, seed = self.seed
    try parallelForEach(runs, threads: threads, progress: progress) { replication in
      let result = try Self.replication(replication, of: scenario, seed: seed)
      try each?(replication, result)
      slots.store(result, at: replication)
    }
    return slots.values()
  }

  /// Replication `replication` of `scenario`, its error wrapped with its index; a signal
  /// handler can name it while it runs (``ReplicationInProgress``).
  /// - Throws: ``ReplicationError``.
  public static func replication(_ replication: Int, of scenario: SupplyScenario, seed: UInt64) throws -> ReplicationResult {
    ReplicationInProgress.set(replication)
    defer { ReplicationInProgress.set(nil) }
    TestTrap.check(replication)
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

/// A test hook of debug builds: `POLICYSIM_TEST_TRAP_REPLICATION=N` makes replication N trap, as
/// a defect in the model would, so a test can check what the user sees. Compiled out of release
/// builds.
enum TestTrap {
  #if DEBUG
    private static let replication = ProcessInfo.processInfo.environment["POLICYSIM_TEST_TRAP_REPLICATION"].flatMap { Int($0) }
  #endif

  static func check(_ replication: Int) {
    #if DEBUG
      if replication == self.replication { fatalError("POLICYSIM_TEST_TRAP_REPLICATION") }
    #endif
  }
}
