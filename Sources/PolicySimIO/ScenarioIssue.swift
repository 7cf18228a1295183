/// One problem in a scenario file, printed in compiler style:
/// `Scenarios/x.json: error: at $.domestic.maximumYield: expected a fraction in [0, 1], found 1.7`.
public struct ScenarioIssue: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file as the user named it.
  public var file: String
  /// Where in the document; nil for file-level problems (syntax, unreadable file).
  public var path: JSONPath?
  /// The message after `at PATH: ` (`expected …, found …`, or `unknown key …`).
  public var message: String

  public init(file: String, path: JSONPath?, message: String) {
    self.file = file
    self.path = path
    self.message = message
  }

  public var description: String {
    guard let path else { return "\(file): error: \(message)".oneLine }
    return "\(file): error: at \(path): \(message)".oneLine
  }
}

/// Several scenario problems found in one pass, one line each.
public struct ScenarioIssues: Error, CustomStringConvertible, Sendable {
  public var issues: [ScenarioIssue]
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// The closest candidate to `word` by edit distance, if it is close enough to be a typo.
func suggestion(for word: String, among candidates: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
  let scored = candidates.map { ($0, distance(Array(word.lowercased()), Array($0.lowercased()))) }
  guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else {
    return nil
  }
  return best.0
}

extension String {
  /// The text with control characters (a newline, a tab, an escape…) written as `\u{…}`, so a
  /// diagnostic that quotes a key, a value or a path from the user stays on one line.
  public var oneLine: String {
    guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return self }
    return unicodeScalars.map { scalar in
      scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
        ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }.joined()
  }
}
