/// One-at-a-time effects read off a full-factorial grid, for a tornado chart: for each parameter,
/// the output at its lowest and highest grid value with every other parameter held at its
/// central grid value (the lower middle one when a parameter has an even number of values).
public struct OneAtATimeEffect: Sendable, Equatable {
  public let parameter: Int
  public let lowValue, highValue: Double
  public let outputAtLow, outputAtHigh: Double
  /// |output at high − output at low|.
  public var swing: Double { abs(outputAtHigh - outputAtLow) }

  /// The effects of every parameter, largest swing first (ties by parameter order), from grid
  /// `points` (one value per parameter) and their `outputs`.
  /// - Returns: nil when the points are not a full grid (a needed combination is missing).
  public static func tornado(points: [[Double]], outputs: [Double]) -> [OneAtATimeEffect]? {
    guard let first = points.first else { return [] }
    let levels = first.indices.map { i in Array(Set(points.map { $0[i] })).sorted() }
    let central = levels.map { $0[($0.count - 1) / 2] }
    var output: [[Double]: Double] = [:]
    for (point, value) in zip(points, outputs) { output[point] = value }
    var effects: [OneAtATimeEffect] = []
    for i in levels.indices {
      var low = central, high = central
      low[i] = levels[i].first!
      high[i] = levels[i].last!
      guard let atLow = output[low], let atHigh = output[high] else { return nil }
      effects.append(OneAtATimeEffect(parameter: i, lowValue: low[i], highValue: high[i], outputAtLow: atLow, outputAtHigh: atHigh))
    }
    return effects.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
  }
}
