import Foundation

/// Combines the outputs of a sweep's shards into the outputs of the whole sweep, byte for byte
/// what an unsharded run writes.
public enum SweepMerge {
  /// Reads each shard folder's manifest.json, points.csv and results.csv and writes the merged
  /// files into `output`.
  /// - Returns: the number of points and of folders merged.
  /// - Throws: ``SweepOutputError`` when a folder is unfinished or unreadable, the folders come
  ///   from different sweeps (the first differing manifest field is named), a point appears
  ///   twice, or points are missing.
  public static func merge(_ folders: [URL], into output: URL) throws -> (points: Int, folders: Int) {
    var identity: [String: JSONValue]?
    var firstFolder = ""
    var tables: SweepTables?
    var owner: [Int: String] = [:]
    for folder in folders {
      guard FileManager.default.fileExists(atPath: folder.path) else { throw IOFailure("read", folder.path, code: ENOENT) }
      let manifestURL = folder.appendingPathComponent(SweepTables.manifestFile)
      guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
        throw SweepOutputError("\(manifestURL.path): error: missing; the shard has not finished (rerun its sweep command: it resumes from its journal)")
      }
      guard case .object(var manifest)? = try? JSONValue.parse(data) else {
        throw SweepOutputError("\(manifestURL.path): error: expected a sweep manifest (a JSON object), found unreadable content")
      }
      do {
        try FileRecord.verify([SweepTables.pointsFile, SweepTables.resultsFile], in: folder, manifest: manifest)
      } catch let damaged as ResultsError {
        throw SweepOutputError(damaged.description)
      }
      manifest["shard"] = nil
      manifest[FileRecord.manifestKey] = nil
      if let identity {
        let keys = identifyingKeys + Set(identity.keys).union(manifest.keys).sorted()
        if let key = keys.first(where: { identity[$0] != manifest[$0] }) {
          throw SweepOutputError("\(manifestURL.path): error: from a different sweep than \(firstFolder): \(key) is \(shown(manifest[key])) here, \(shown(identity[key])) there")
        }
      } else {
        identity = manifest
        firstFolder = folder.path
      }
      let points = try SweepTables.lines(of: folder, SweepTables.pointsFile)
      let results = try SweepTables.lines(of: folder, SweepTables.resultsFile)
      if tables == nil { tables = SweepTables(pointsHeader: String(points.header)) }
      guard points.header == tables!.pointsHeader, results.header == SweepTables.resultsHeader else {
        throw SweepOutputError("\(folder.path): error: points.csv or results.csv header differs from \(firstFolder)'s")
      }
      for line in points.rows {
        guard let point = SweepTables.point(ofLine: line) else {
          throw SweepOutputError("\(folder.path)/\(SweepTables.pointsFile): error: expected a point number first, found \"\(line.prefix(40))\"")
        }
        if let other = owner[point] {
          throw SweepOutputError("merge: error: point \(point) is in both \(other) and \(folder.path); pass each shard once")
        }
        owner[point] = folder.path
        tables!.points[point] = line + "\n"
      }
      for line in results.rows {
        guard let point = SweepTables.point(ofLine: line), owner[point] == folder.path else {
          throw SweepOutputError("\(folder.path)/\(SweepTables.resultsFile): error: expected rows of this folder's points only, found \"\(line.prefix(40))\"")
        }
        tables!.results[point, default: ""] += line + "\n"
      }
    }
    guard let identity, let tables else { throw SweepOutputError("merge: error: expected at least one folder") }
    guard case .number(let expected)? = identity["pointCount"], expected == expected.rounded(), expected >= 1,
      expected <= Double(InputLimits.sweepPoints)
    else {
      throw SweepOutputError("\(firstFolder)/\(SweepTables.manifestFile): error: at $.pointCount: expected a whole number in [1, \(InputLimits.sweepPoints)], found \(identity["pointCount"]?.summary ?? "nothing")")
    }
    if let stray = owner.keys.filter({ $0 < 0 || $0 >= Int(expected) }).min() {
      throw SweepOutputError("\(owner[stray]!)/\(SweepTables.pointsFile): error: expected points 0 to \(Int(expected) - 1), found point \(stray)")
    }
    let missing = (0..<Int(expected)).filter { tables.points[$0] == nil }
    if !missing.isEmpty {
      let listed = missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
      throw SweepOutputError("merge: error: \(missing.count) of \(Int(expected)) points missing (\(listed)); was every shard passed and finished?")
    }
    try tables.write(to: output, manifest: identity)
    return (Int(expected), folders.count)
  }

  /// The manifest fields named first when two folders are from different sweeps.
  private static let identifyingKeys = ["specSHA256", "scenarioSHA256", "seed", "runs", "toolVersion"]

  private static func shown(_ value: JSONValue?) -> String {
    switch value {
    case nil: return "missing"
    case .string(let text)? where text.count == 64: return "\"" + text.prefix(12) + "…\""
    case .object?, .array?: return "different"
    case let value?: return value.summary
    }
  }
}

/// Sweep outputs could not be merged or analysed; the message is one line naming the file or point.
public struct SweepOutputError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description.oneLine }
}
