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
  /// The folder read (nil for a manifest built in memory) and its top-level members.
  let folder: URL?
  let members: [String: JSONValue]

  /// A manifest from its facts (for results built in memory).
  public init(scenarioName: String, scenarioFile: String, scenarioSHA256: String, seed: UInt64, runs: Int, toolVersion: String, firstDay: String) {
    (self.scenarioName, title, self.scenarioFile, self.scenarioSHA256, self.seed, self.runs, self.toolVersion) =
      (scenarioName, scenarioName, scenarioFile, scenarioSHA256, seed, runs, toolVersion)
    resolvedScenario = .object(["start": .string(firstDay)])
    runDate = nil
    folder = nil
    members = [:]
    self.firstDay = firstDay
    start = ISODate.parse(firstDay) ?? Date(timeIntervalSince1970: 0)
  }

  /// Reads manifest.json in `folder`, checking what later arithmetic relies on: runs in
  /// [1, ``InputLimits/runs``], a whole 64-bit seed, a start within ``InputLimits/dates``.
  /// - Throws: ``ResultsError`` when it is missing, lacks a field or holds one out of range.
  public init(folder: URL) throws {
    let file = folder.appendingPathComponent("manifest.json")
    guard let data = FileManager.default.contents(atPath: file.path) else {
      throw ResultsError(folder.path, "no manifest.json here (expected the output folder of policysim run, which writes it last)")
    }
    guard case .object(let object)? = try? JSONValue.parse(data),
      case .string(let name)? = object["scenarioName"], case .number(let runs)? = object["runs"],
      case .number(let seed)? = object["seed"], case .object(let scenario)? = object["resolvedScenario"],
      case .string(let firstDay)? = scenario["start"]
    else {
      throw ResultsError(file.path, "expected JSON with scenarioName, seed, runs and resolvedScenario.start")
    }
    guard runs == runs.rounded(), runs >= 1, runs <= Double(InputLimits.runs) else {
      throw ResultsError(file.path, "at $.runs: expected a whole number in [1, \(InputLimits.runs)], found \(CSVTable.number(runs))")
    }
    guard let seedValue = UInt64(exactly: seed) else {
      throw ResultsError(file.path, "at $.seed: expected a whole number in [0, 2^64), found \(CSVTable.number(seed))")
    }
    guard let start = ISODate.parse(firstDay), InputLimits.dates.contains(firstDay) else {
      throw ResultsError(file.path, "at $.resolvedScenario.start: expected a date from \(InputLimits.dates.lowerBound) to \(InputLimits.dates.upperBound), found \"\(firstDay)\"")
    }
    func text(_ value: JSONValue?) -> String? { if case .string(let text)? = value { text } else { nil } }
    self.folder = folder
    members = object
    scenarioName = name
    title = text(scenario["title"]) ?? name
    self.runs = Int(runs)
    self.seed = seedValue
    resolvedScenario = .object(scenario)
    self.start = start
    self.firstDay = firstDay
    scenarioFile = text(object["scenarioFile"]) ?? ""
    scenarioSHA256 = text(object["scenarioSHA256"]) ?? ""
    toolVersion = text(object["toolVersion"]) ?? ""
    runDate = text(object["started"]).map { String($0.prefix(10)) }
  }

  /// True when the manifest's `files` table has a record of `name`.
  public func records(_ name: String) -> Bool {
    if case .object(let table)? = members[FileRecord.manifestKey] { return table[name] != nil }
    return false
  }

  /// Checks those of the files `names` that the manifest records against their records (a
  /// manifest of an older policysim records none): for readers that do not need every file.
  /// - Throws: ``ResultsError`` naming the first file missing or damaged.
  public func verifyRecorded(_ names: [String]) throws {
    let recorded = names.filter(records)
    if !recorded.isEmpty { try verify(recorded) }
  }

  /// Checks the files `names` of the folder against the manifest's records (size, SHA-256).
  /// - Throws: ``ResultsError`` naming the first file missing, unrecorded or damaged.
  public func verify(_ names: [String]) throws {
    guard let folder else { return }
    try FileRecord.verify(names, in: folder, manifest: members)
  }

  /// The resolved scenario's `sources` table: JSON path → source text.
  public var sources: [String: String] {
    guard case .object(let scenario) = resolvedScenario, case .object(let table)? = scenario["sources"] else { return [:] }
    return table.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
  }
}
