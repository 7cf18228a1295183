import Foundation

extension JSONValue {
  /// The JSON document in `file` (a spec or targets file; scenarios add `extends`, see
  /// ``ScenarioDocument``).
  /// - Throws: ``IOFailure`` for a file that cannot be read (exit 66 when missing);
  ///   ``ScenarioIssues`` with one line for a syntax error (with its line and column).
  static func read(file: String) throws -> JSONValue {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw IOFailure("read", file, error: error)
    }
    do {
      return try JSONValue.parse(data)
    } catch let error as JSONSyntaxError {
      throw ScenarioIssues(issues: [ScenarioIssue(file: "\(file):\(error.line):\(error.column)", path: nil, message: "invalid JSON: \(error.message)")])
    }
  }
}
