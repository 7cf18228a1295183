import ArgumentParser
import Experiments
import Foundation
import PolicySimIO

/// Runs a subcommand's body with what every subcommand shares: Ctrl-C and SIGTERM remove
/// temporaries and exit 130 or 143, a trap exits 70 with one line, and every error becomes one
/// line on stderr and its documented exit status, never a stack dump or exit 1.
func withFailureReport(seed: UInt64? = nil, _ body: () throws -> Void) throws {
  Signals.install(seed: seed)
  do {
    try body()
  } catch {
    Temporaries.shared.removeAll()
    throw reported(error)
  }
}

/// Prints `error` as one line (or one per scenario problem) and returns the exit to throw.
func reported(_ error: any Error) -> any Error {
  let status: ExitCode
  switch error {
  case is ExitCode, is CleanExit, is ValidationError:
    return error
  case let failure as IOFailure:
    status = failure.isMissingInput ? ExitStatus.noInput : ExitStatus.ioError
  case is RunFolderRefusal:
    status = ExitStatus.usage
  case is ScenarioIssues, is ScenarioIssue, is ResultsError, is SweepOutputError, is SweepJournalError:
    status = ExitStatus.invalidInput
  case let failure as PairedComparison.ReplicationFailure:
    printError(failure.description.oneLine)
    return ExitStatus.runtimeFailure
  case let failure as ReplicationError:
    let seed = Signals.seed.map { " (seed \($0))" } ?? ""
    printError("policysim: replication \(failure.replication)\(seed) failed: \(failure.underlying)".oneLine)
    return ExitStatus.runtimeFailure
  default:
    printError("policysim: internal error (a bug; please report this line): \(error)".oneLine)
    return ExitStatus.runtimeFailure
  }
  printError("\(error)")
  return status
}
