import Foundation

/// A targets file read and checked: published estimates with the model outcome each maps to
/// (format in docs/validation.md; the shipped one is Validation/targets.json).
public struct ValidationTargets: Sendable {
  /// The newest targets-file format this tool reads.
  public static let schemaVersion = 1

  /// The file as the user named it.
  public let file: String
  /// SHA-256 of the file's JSON in canonical form (sorted keys, no whitespace).
  public let sha256: String
  public let description: String
  /// Earlier names of metrics (current name → name in results written before the rename),
  /// so results folders of older versions can still be scored.
  public let formerNames: [String: String]
  /// The targets in file order.
  public let targets: [ValidationTarget]

  /// Reads and checks `file`.
  /// - Throws: ``ScenarioIssues`` listing every problem, one line each, in the same style as
  ///   scenario errors (file, JSON path, expected, found).
  public init(file: String) throws {
    let json = try JSONValue.read(file: file)
    try self.init(file: file, json: json)
  }

  /// Checks targets already parsed from JSON; problems are reported against `file`.
  /// - Throws: ``ScenarioIssues`` listing every problem.
  public init(file: String, json: JSONValue) throws {
    var reader = ScenarioReader(file: file)
    let decoded = Self.decode(json, reader: &reader)
    guard reader.issues.isEmpty, let decoded else { throw ScenarioIssues(issues: reader.issues) }
    self.file = file
    sha256 = SHA256Digest.hex(of: canonicalJSON(json))
    (description, formerNames, targets) = decoded
  }

  /// The target with this id.
  public func target(_ id: String) -> ValidationTarget? { targets.first { $0.id == id } }
}
