import ArgumentParser
import Foundation
import PolicySimIO

/// Exit statuses shared by every subcommand (documented in each command's help).
enum ExitStatus {
  /// The scenario (or a spec) is invalid; every problem was printed.
  static let invalidInput = ExitCode(65)
  /// A replication or an output failed while running.
  static let runtimeFailure = ExitCode(70)
}

/// Parses `--set PATH=VALUE` arguments; a value that is not JSON is taken as a string.
/// - Throws: `ValidationError` (exit 64) naming the malformed argument.
func parseOverrides(_ arguments: [String]) throws -> [(JSONPath, JSONValue)] {
  try arguments.map { text in
    guard let equals = text.firstIndex(of: "="), let path = JSONPath(parsing: String(text[..<equals])) else {
      throw ValidationError("--set: expected $.json.path=value, found \"\(text)\"")
    }
    let raw = String(text[text.index(after: equals)...])
    let value = (try? JSONValue.parse(Data(raw.utf8))) ?? .string(raw)
    return (path, value)
  }
}

/// Loads and validates a scenario; on any problem prints every issue to stderr, one line
/// each, and exits with ``ExitStatus/invalidInput``.
func loadScenario(_ file: String, overrides: [(JSONPath, JSONValue)] = []) throws -> LoadedScenario {
  do {
    return try LoadedScenario(file: file, overrides: overrides)
  } catch let issues as ScenarioIssues {
    printError(issues.description)
  } catch let issue as ScenarioIssue {
    printError(issue.description)
  }
  throw ExitStatus.invalidInput
}

/// `body`'s result; a ``ResultsError`` from it (a results folder or file that cannot be read)
/// is printed, one line, and ends the command with ``ExitStatus/invalidInput``.
func readingResults<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ResultsError {
    printError(error.description)
    throw ExitStatus.invalidInput
  }
}

/// Writes one or more lines to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
