import ArgumentParser
import Foundation
import PolicySimIO

/// Exit statuses shared by every subcommand (documented in README and `policysim --help`),
/// after sysexits.h.
enum ExitStatus {
  /// A bad argument or option (EX_USAGE); ArgumentParser's own for `ValidationError`.
  static let usage = ExitCode(64)
  /// The scenario, a spec or a results folder is invalid or damaged (EX_DATAERR); every
  /// problem was printed.
  static let invalidInput = ExitCode(65)
  /// An input file or folder is missing or cannot be opened (EX_NOINPUT).
  static let noInput = ExitCode(66)
  /// A replication failed, or an internal error (EX_SOFTWARE).
  static let runtimeFailure = ExitCode(70)
  /// An output could not be written: full disk, read-only folder, --out naming a file (EX_IOERR).
  static let ioError = ExitCode(74)
  /// Ended by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal number.
  static let interrupted: Int32 = 130, terminated: Int32 = 143
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
/// each, and exits with ``ExitStatus/invalidInput`` (or ``ExitStatus/noInput`` when the file
/// cannot be read).
func loadScenario(_ file: String, overrides: [(JSONPath, JSONValue)] = []) throws -> LoadedScenario {
  do {
    return try LoadedScenario(file: file, overrides: overrides)
  } catch {
    throw reported(error)
  }
}

/// Writes one or more lines to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
