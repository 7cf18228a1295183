import Dispatch
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
  /// - Throws: the error of `each`, else the failure of the lowest-indexed failing replication
  ///   as a ``ReplicationError`` (after a failure no new replications start; every earlier one
  ///   has already started, so the one reported does not depend on the thread count).
  public func run(
    progress: @Sendable (Int) -> Void = { _ in },
    each: (@Sendable (Int, ReplicationResult) throws -> Void)? = nil
  ) throws -> [ReplicationResult] {
    let slots = ResultSlots(count: runs)
    let scenario = self.scenario, seed = self.seed, runs = self.runs
    let block = max(1, min(16, runs / (threads * 8)))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let range = slots.take(block) {
        for replication in range {
          ReplicationInProgress.set(replication)
          TestTrap.check(replication)
          let result = Result { try scenario.runReplication(seed: seed, replication: replication) }
            .mapError { ReplicationError(replication: replication, underlying: $0) }
          ReplicationInProgress.set(nil)
          if case .success(let value) = result, let each {
            do { try each(replication, value) } catch { slots.stop(with: error) }
          }
          progress(slots.store(replication, result))
        }
      }
    }
    return try slots.results()
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
