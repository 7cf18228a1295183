import Foundation
import PolicyModel

/// What a results folder's manifest.json says about the run that wrote it: the facts every
/// derived output (charts, scores, conditioned statistics) repeats so it can be traced back.
public struct RunManifest: Sendable {
  public let scenarioName: String
  /// The scenario file as the user named it to `policysim run`.
  public let scenarioFile: String
  /// SHA-256 of the resolved scenario.
  public let scenarioSHA256: String
  public let seed: UInt64
  public let runs: Int
  /// The policysim version that ran the scenario.
  public let toolVersion: String
  /// The scenario's first day.
  public let start: Date
  /// The scenario's first day as written, `YYYY-MM-DD`.
  public let firstDay: String

  /// A manifest from its facts (for results built in memory).
  public init(scenarioName: String, scenarioFile: String, scenarioSHA256: String, seed: UInt64, runs: Int, toolVersion: String, firstDay: String) {
    (self.scenarioName, self.scenarioFile, self.scenarioSHA256, self.seed, self.runs, self.toolVersion) =
      (scenarioName, scenarioFile, scenarioSHA256, seed, runs, toolVersion)
    self.firstDay = firstDay
    start = ISODate.parse(firstDay) ?? Date(timeIntervalSince1970: 0)
  }

  /// Reads `folder`/manifest.json.
  /// - Throws: ``ResultsError`` when it is missing or lacks a field.
  public init(folder: URL) throws {
    let file = folder.appendingPathComponent("manifest.json")
    guard let data = FileManager.default.contents(atPath: file.path) else {
      throw ResultsError(folder.path, "no manifest.json here (expected the output folder of policysim run, which writes it last)")
    }
    guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      let name = object["scenarioName"] as? String, let runs = object["runs"] as? Int,
      let scenario = object["resolvedScenario"] as? [String: Any],
      let firstDay = scenario["start"] as? String, let start = ISODate.parse(firstDay)
    else {
      throw ResultsError(file.path, "expected JSON with scenarioName, runs and resolvedScenario.start")
    }
    scenarioName = name
    self.runs = runs
    self.start = start
    self.firstDay = firstDay
    scenarioFile = object["scenarioFile"] as? String ?? ""
    scenarioSHA256 = object["scenarioSHA256"] as? String ?? ""
    seed = (object["seed"] as? NSNumber)?.uint64Value ?? 0
    toolVersion = object["toolVersion"] as? String ?? ""
  }
}
