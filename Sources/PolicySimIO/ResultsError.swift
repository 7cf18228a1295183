/// A results folder that cannot be read or charted, as one line naming the file and what is
/// wrong, e.g. `results/x: error: no summary.csv here (expected the output folder of policysim run)`.
public struct ResultsError: Error, CustomStringConvertible {
  /// The folder or file the problem is in.
  public let location: String
  /// What is wrong, and where possible how to fix it.
  public let message: String

  public init(_ location: String, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): error: \(message)".oneLine }

  /// "unknown metric …; did you mean …? Metrics here: …".
  static func unknownMetric(_ metric: String, in location: String, among metrics: [String]) -> ResultsError {
    let hint = suggestion(for: metric, among: metrics).map { "; did you mean \"\($0)\"?" } ?? ""
    return ResultsError(location, "unknown metric \"\(metric)\"\(hint) (metrics here: \(metrics.joined(separator: ", ")))")
  }
}
