import Foundation
import PolicyModel

/// The manifest.json of a `policysim run` folder, read back: what the run was (scenario name,
/// title, hash, resolved document, seed, runs, tool version, date). Every derived output
/// (charts, scores, conditioned statistics, effects) repeats these so it can be traced back.
public struct RunManifest: Sendable {
  public let scenarioName: String
  /// The scenario's plain-words title (its name when it has none).
  public let title: String
  /// The scenario file as the user named it to `policysim run`.
  public let scenarioFile: String
  /// SHA-256 of the resolved scenario.
  public let scenarioSHA256: String
  /// The resolved scenario (after `extends` and `--set`), `sources` table included.
  public let resolvedScenario: JSONValue
  public let seed: UInt64
  public let runs: Int
  /// The version of policysim that wrote the folder ("" when not recorded).
  public let toolVersion: String
  /// The day the run started, `YYYY-MM-DD` (nil when not recorded).
  public let runDate: String?
  /// The scenario's first day, as a date and as written (`YYYY-MM-DD`).
  public let start: Date
  public let firstDay: String

  /// A manifest from its facts (for results built in memory).
  public init(scenarioName: String, scenarioFile: String, scenarioSHA256: String, seed: UInt64, runs: Int, toolVersion: String, firstDay: String) {
    (self.scenarioName, title, self.scenarioFile, self.scenarioSHA256, self.seed, self.runs, self.toolVersion) =
      (scenarioName, scenarioName, scenarioFile, scenarioSHA256, seed, runs, toolVersion)
    resolvedScenario = .object(["start": .string(firstDay)])
    runDate = nil
    self.firstDay = firstDay
    start = ISODate.parse(firstDay) ?? Date(timeIntervalSince1970: 0)
  }

  /// Reads manifest.json in `folder`.
  /// - Throws: ``ResultsError`` when it is missing or lacks a field.
  public init(folder: URL) throws {
    let file = folder.appendingPathComponent("manifest.json")
    guard let data = FileManager.default.contents(atPath: file.path) else {
      throw ResultsError(folder.path, "no manifest.json here (expected the output folder of policysim run, which writes it last)")
    }
    guard case .object(let object)? = try? JSONValue.parse(data),
      case .string(let name)? = object["scenarioName"], case .number(let runs)? = object["runs"],
      case .number(let seed)? = object["seed"], case .object(let scenario)? = object["resolvedScenario"],
      case .string(let firstDay)? = scenario["start"], let start = ISODate.parse(firstDay),
      let runCount = Int(exactly: runs), runCount >= 1, let seedValue = UInt64(exactly: seed)
    else {
      throw ResultsError(file.path, "expected JSON with scenarioName, seed, runs and resolvedScenario.start")
    }
    func text(_ value: JSONValue?) -> String? { if case .string(let text)? = value { text } else { nil } }
    scenarioName = name
    title = text(scenario["title"]) ?? name
    self.runs = runCount
    self.seed = seedValue
    resolvedScenario = .object(scenario)
    self.start = start
    self.firstDay = firstDay
    scenarioFile = text(object["scenarioFile"]) ?? ""
    scenarioSHA256 = text(object["scenarioSHA256"]) ?? ""
    toolVersion = text(object["toolVersion"]) ?? ""
    runDate = text(object["started"]).map { String($0.prefix(10)) }
  }

  /// The resolved scenario's `sources` table: JSON path → source text.
  public var sources: [String: String] {
    guard case .object(let scenario) = resolvedScenario, case .object(let table)? = scenario["sources"] else { return [:] }
    return table.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
  }
}
