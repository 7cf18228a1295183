import Foundation
import PolicyModel

/// The manifest.json of a `policysim run` folder, read back: what the run was (scenario name,
/// hash, resolved document, seed, runs, tool version).
public struct RunManifest: Sendable {
  /// The file read.
  public let file: URL
  public let scenarioName: String
  /// SHA-256 of the resolved scenario.
  public let scenarioSHA256: String
  /// The resolved scenario (after `extends` and `--set`), `sources` table included.
  public let resolvedScenario: JSONValue
  public let seed: UInt64
  public let runs: Int
  /// The version of policysim that wrote the folder ("" when not recorded).
  public let toolVersion: String
  /// The scenario's first day.
  public let start: Date

  /// Reads manifest.json in `folder`.
  /// - Throws: ``ResultsError`` when it is missing or lacks a field.
  public init(folder: URL) throws {
    file = folder.appendingPathComponent("manifest.json")
    guard let data = FileManager.default.contents(atPath: file.path) else {
      throw ResultsError(folder.path, "no manifest.json here (expected the output folder of policysim run, which writes it last)")
    }
    guard case .object(let object)? = try? JSONValue.parse(data),
      case .string(let name)? = object["scenarioName"], case .number(let runs)? = object["runs"],
      case .number(let seed)? = object["seed"], case .object(let scenario)? = object["resolvedScenario"],
      case .string(let start)? = scenario["start"], let startDate = ISODate.parse(start),
      let runCount = Int(exactly: runs), runCount >= 1, let seedValue = UInt64(exactly: seed)
    else {
      throw ResultsError(file.path, "expected JSON with scenarioName, seed, runs and resolvedScenario.start")
    }
    scenarioName = name
    self.runs = runCount
    self.seed = seedValue
    resolvedScenario = .object(scenario)
    self.start = startDate
    if case .string(let hash)? = object["scenarioSHA256"] { scenarioSHA256 = hash } else { scenarioSHA256 = "" }
    if case .string(let version)? = object["toolVersion"] { toolVersion = version } else { toolVersion = "" }
  }

  /// The resolved scenario's `sources` table: JSON path → source text.
  public var sources: [String: String] {
    guard case .object(let scenario) = resolvedScenario, case .object(let table)? = scenario["sources"] else { return [:] }
    return table.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
  }
}
