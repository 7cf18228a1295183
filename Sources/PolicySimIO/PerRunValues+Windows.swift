/// Why a target's window is not inside a run.
public struct UncoveredWindow: Error, Sendable {
  public let reason: String
}

extension PerRunValues {
  /// The report indices a window covers: the report on a stock's date, or every report date in
  /// a flow's `from...to`. Fails when the run does not cover the whole window (`firstDay` is
  /// the run's first day).
  public func reports(in window: TargetWindow, firstDay: String) -> Result<[Int], UncoveredWindow> {
    guard let first = dates.first, let last = dates.last else { return .failure(UncoveredWindow(reason: "the results have no report dates")) }
    switch window {
    case .stock(_, let date):
      if let index = dates.firstIndex(of: date) { return .success([index]) }
      if date < first { return .failure(UncoveredWindow(reason: "the date \(date) is before the run's first report (\(first))")) }
      if date > last { return .failure(UncoveredWindow(reason: "the date \(date) is after the run's last report (\(last))")) }
      return .failure(UncoveredWindow(reason: "no report is dated \(date) (reports are month ends from \(first) to \(last))"))
    case .flow(_, let from, let to):
      if from < firstDay { return .failure(UncoveredWindow(reason: "the window starts \(from), before the run starts (\(firstDay))")) }
      if to > last { return .failure(UncoveredWindow(reason: "the window ends \(to), after the run's last report (\(last))")) }
      let inside = dates.indices.filter { from <= dates[$0] && dates[$0] <= to }
      if inside.isEmpty { return .failure(UncoveredWindow(reason: "no report date falls in \(from)..\(to)")) }
      return .success(inside)
    }
  }
}
