import Foundation

/// A scenario file read from disk with its `extends` chain resolved: the JSON every later
/// step (overrides, validation, decoding, hashing) works on.
public struct ScenarioDocument: Sendable {
  /// The file as the user named it.
  public let file: String
  /// The files read, the named file first, then each base it extends.
  public let chain: [String]
  /// The merged JSON, without the `extends` key.
  public var json: JSONValue
  /// The keys of the named file's own `sources` table (a base's table may cite paths the
  /// extending file replaced; only the file's own citations must resolve).
  public let ownSourceKeys: [String]

  /// Reads `file` and merges it over its bases: `"extends": "baseline.json"` names a file
  /// relative to the extending one, and the extending file's content is applied to the base
  /// as a JSON Merge Patch (RFC 7396).
  /// - Throws: ``IOFailure`` when `file` cannot be read; ``ScenarioIssue`` for an unreadable
  ///   base, a syntax error (with line:column), a non-string `extends`, or a cycle.
  public init(contentsOf file: String) throws {
    var chain: [String] = []
    self.json = try Self.load(file, shownAs: file, chain: &chain)
    self.file = file
    let own = FileManager.default.contents(atPath: file).flatMap { try? JSONValue.parse($0) }
    if case .object(let members)? = own, case .object(let sources)? = members["sources"] {
      ownSourceKeys = sources.keys.sorted()
    } else {
      ownSourceKeys = []
    }
    self.chain = chain
  }

  private static func load(_ path: String, shownAs shown: String, chain: inout [String]) throws -> JSONValue {
    let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
    if chain.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == canonical }) {
      throw ScenarioIssue(
        file: chain.last ?? shown, path: JSONPath.root.appending("extends"),
        message: "expected a base scenario, found a cycle: \((chain + [shown]).joined(separator: " -> "))")
    }
    chain.append(shown)
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      if chain.count > 1 {
        throw ScenarioIssue(
          file: chain[chain.count - 2], path: JSONPath.root.appending("extends"),
          message: "expected a readable base scenario, found \"\(shown)\" (missing or not readable)")
      }
      throw IOFailure("read", shown, error: error)
    }
    var document: JSONValue
    do {
      document = try JSONValue.parse(data)
    } catch let error as JSONSyntaxError {
      throw ScenarioIssue(file: "\(shown):\(error.line):\(error.column)", path: nil, message: "invalid JSON: \(error.message)")
    }
    guard case .object(var members) = document else {
      throw ScenarioIssue(file: shown, path: .root, message: "expected an object, found \(document.summary)")
    }
    guard let base = members.removeValue(forKey: "extends") else { return document }
    guard case .string(let baseName) = base else {
      throw ScenarioIssue(file: shown, path: JSONPath.root.appending("extends"), message: "expected a file name, found \(base.summary)")
    }
    document = .object(members)
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    let isAbsolute = baseName.hasPrefix("/")
    let basePath = isAbsolute ? baseName : directory.appendingPathComponent(baseName).path
    let baseShown = isAbsolute ? baseName
      : URL(fileURLWithPath: shown).deletingLastPathComponent().appendingPathComponent(baseName).relativePath
    let baseDocument = try load(
      basePath, shownAs: shown.contains("/") || isAbsolute ? baseShown : baseName, chain: &chain)
    return baseDocument.merged(with: document)
  }
}
