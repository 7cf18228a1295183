import ArgumentParser
import PolicySimIO

extension PolicySim {
  /// Checks scenario files without running them.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check scenario files and print every problem, one line each.",
      discussion: """
        Resolves each file's `extends` chain, checks every key, type, range, date and SKU \
        reference, and prints all problems found in one pass, e.g.
          Scenarios/x.json: error: at $.domestic.maximumYield: expected a fraction in [0, 1], found 1.7

        Exit status: 0 when every file is valid; 65 when any is not; 66 when a file cannot be \
        read.

        Example: policysim validate Scenarios/*.json
        """)

    @Argument(help: "Scenario files (JSON).", completion: .file(extensions: ["json"]))
    var scenarios: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value by JSON path before checking, as with run. Repeatable.", valueName: "path=value"))
    var overrides: [String] = []

    func validate() throws {
      if scenarios.isEmpty { throw ValidationError("expected at least one scenario file") }
      _ = try parseOverrides(overrides)
    }

    func run() throws {
      try withFailureReport {
        let overrides = try parseOverrides(self.overrides)
        var invalid = 0, unreadable = 0
        for file in scenarios {
          do {
            let loaded = try loadScenario(file, overrides: overrides)
            print("\(file): ok (\(loaded.name), \(loaded.model.months) months)")
          } catch let exit as ExitCode where exit.rawValue == ExitStatus.noInput.rawValue {
            unreadable += 1
          } catch {
            invalid += 1
          }
        }
        if invalid + unreadable > 0 {
          printError("\(invalid + unreadable) of \(scenarios.count) scenario files invalid" + (unreadable > 0 ? " (\(unreadable) unreadable)" : ""))
          throw unreadable > 0 ? ExitStatus.noInput : ExitStatus.invalidInput
        }
      }
    }
  }
}
