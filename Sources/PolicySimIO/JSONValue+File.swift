import Foundation

extension JSONValue {
  /// The JSON document in `file` (a spec or targets file; scenarios add `extends`, see
  /// ``ScenarioDocument``).
  /// - Throws: ``ScenarioIssues`` with one line for an unreadable file or a syntax error (with
  ///   its line and column).
  static func read(file: String) throws -> JSONValue {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ScenarioIssues(issues: [ScenarioIssue(file: file, path: nil, message: "cannot read the file (missing or not readable)")])
    }
    do {
      return try JSONValue.parse(data)
    } catch let error as JSONSyntaxError {
      throw ScenarioIssues(issues: [ScenarioIssue(file: "\(file):\(error.line):\(error.column)", path: nil, message: "invalid JSON: \(error.message)")])
    }
  }
}
