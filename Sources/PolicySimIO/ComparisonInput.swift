import Foundation

/// One scenario of a comparison: a scenario file to run, or a results folder written by
/// `policysim run --per-run` whose runs are read back.
public enum ComparisonInput: Sendable {
  /// A loaded scenario, run in-process with the comparison's seed.
  case scenario(LoadedScenario)
  /// A results folder: its manifest, and the dates and metrics of its runs.csv.
  case results(folder: URL, manifest: RunManifest, dates: [String], metrics: [String])

  /// Reads `folder`'s manifest and the first run of its runs.csv.
  /// - Throws: ``ResultsError`` when either is missing or malformed.
  public static func results(_ folder: URL) throws -> ComparisonInput {
    let manifest = try RunManifest(folder: folder)
    try manifest.verifyRecorded([PerRunValues.fileName])
    let table = try RunsTable.open(folder)
    return .results(folder: folder, manifest: manifest, dates: table.dates, metrics: table.metrics)
  }

  /// The scenario's name, which labels its rows in effects.csv.
  public var name: String {
    switch self {
    case .scenario(let loaded): loaded.name
    case .results(_, let manifest, _, _): manifest.scenarioName
    }
  }

  /// The file or folder given.
  public var location: String {
    switch self {
    case .scenario(let loaded): loaded.file
    case .results(let folder, _, _, _): folder.path
    }
  }

  /// The seed in the scenario file, or the one the folder was run with.
  public var ownSeed: UInt64 {
    switch self {
    case .scenario(let loaded): loaded.seed
    case .results(_, let manifest, _, _): manifest.seed
    }
  }

  /// The runs in the scenario file, or those the folder holds.
  public var ownRuns: Int {
    switch self {
    case .scenario(let loaded): loaded.runs
    case .results(_, let manifest, _, _): manifest.runs
    }
  }

  /// The report dates.
  public var dates: [String] {
    switch self {
    case .scenario(let loaded): loaded.reportDates
    case .results(_, _, let dates, _): dates
    }
  }

  /// The metrics of a replication, in the order of its values.
  public var metrics: [String] {
    switch self {
    case .scenario(let loaded): loaded.metricNames
    case .results(_, _, _, let metrics): metrics
    }
  }

  /// What the manifest records of it: name, where it came from, hash and resolved document.
  var manifestEntry: JSONValue {
    switch self {
    case .scenario(let loaded):
      .object([
        "name": .string(loaded.name), "scenarioFile": .string(loaded.file),
        "scenarioSHA256": .string(loaded.sha256), "resolvedScenario": loaded.resolved,
      ])
    case .results(let folder, let manifest, _, _):
      .object([
        "name": .string(manifest.scenarioName), "resultsFolder": .string(folder.path),
        "scenarioSHA256": .string(manifest.scenarioSHA256), "resolvedScenario": manifest.resolvedScenario,
        "toolVersion": .string(manifest.toolVersion),
      ])
    }
  }
}
