/// A published central value and, when the source gives one, its range (both in the metric's
/// unit): all positive, `low < central < high` when a range is given.
public struct PublishedFigure: Sendable, Equatable {
  public let central: Double
  public let range: ClosedRange<Double>?

  public init(central: Double, range: ClosedRange<Double>?) {
    self.central = central
    self.range = range
  }
}
