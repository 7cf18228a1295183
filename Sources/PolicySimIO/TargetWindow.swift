/// The span of the model's output a target compares with.
public enum TargetWindow: Sendable, Equatable {
  /// The sum of the metrics at one report date (stocks are at the report date).
  case stock(metrics: [String], date: String)
  /// The sum of the metrics' monthly values over the months whose report dates fall in
  /// `from...to` (flows are for the month ending at the report date).
  case flow(metrics: [String], from: String, to: String)

  /// The metrics summed.
  public var metrics: [String] {
    switch self {
    case .stock(let metrics, _), .flow(let metrics, _, _): metrics
    }
  }

  /// The last day the window reaches.
  public var end: String {
    switch self {
    case .stock(_, let date): date
    case .flow(_, _, let to): to
    }
  }

  /// "stock 2025-12-31" or "flow 2025-01-01..2025-12-31".
  public var text: String {
    switch self {
    case .stock(_, let date): "stock \(date)"
    case .flow(_, let from, let to): "flow \(from)..\(to)"
    }
  }
}
