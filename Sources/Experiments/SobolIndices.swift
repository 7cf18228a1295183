import Stochastic

/// First-order and total Sobol sensitivity indices of one parameter, with bootstrap confidence
/// intervals.
public struct SobolIndices: Sendable, Equatable {
  /// First-order index S1 (share of output variance due to the parameter alone).
  public let firstOrder: Double
  /// The confidence interval of S1 (NaN when S1 is).
  public let firstOrderLow, firstOrderHigh: Double
  /// Total index ST (share including every interaction the parameter takes part in).
  public let total: Double
  /// The confidence interval of ST (NaN when ST is).
  public let totalLow, totalHigh: Double

  /// Estimates every parameter's indices from model outputs on a ``SaltelliSample``, in its
  /// point order: S1 by Saltelli et al. (2010), ST by Jansen (1999), both normalised by the
  /// variance of the A and B outputs together. The S1 estimator uses f(B) − mean, which leaves
  /// its expectation unchanged and keeps its variance from growing with the output's level (a
  /// capacity of millions of H100e). Intervals are percentile intervals of `resamples`
  /// bootstrap resamples of the base rows, drawn from the stream "bootstrap" of `seed`.
  /// Indices are NaN when the output does not vary.
  /// - Complexity: O(resamples × N × d).
  public static func estimate(
    outputs: [Double], sample: SaltelliSample, resamples: Int = 1_000, confidence: Double = 0.95,
    seed: UInt64
  ) -> [SobolIndices] {
    precondition(outputs.count == sample.pointCount, "expected \(sample.pointCount) outputs, found \(outputs.count)")
    let rows = Array(0..<sample.base)
    let stream = RandomStream(master: seed, replication: 0, stream: "bootstrap")
    let replicates = (0..<resamples).map { _ in
      estimates(outputs, sample, rows: rows.map { _ in stream.uniformInteger(below: sample.base) })
    }
    let point = estimates(outputs, sample, rows: rows)
    let tail = (1 - confidence) / 2
    func interval(_ values: [Double]) -> (Double, Double) {
      guard !values.contains(where: \.isNaN) else { return (.nan, .nan) }
      let bounds = Quantiles.of(values, at: [tail, 1 - tail])
      return (bounds[0], bounds[1])
    }
    return (0..<sample.parameters).map { i in
      let first = interval(replicates.map { $0[i].first }), total = interval(replicates.map { $0[i].total })
      return SobolIndices(
        firstOrder: point[i].first, firstOrderLow: first.0, firstOrderHigh: first.1,
        total: point[i].total, totalLow: total.0, totalHigh: total.1)
    }
  }

  /// (S1, ST) of each parameter from the base rows `rows` (with repeats when resampled).
  private static func estimates(_ f: [Double], _ sample: SaltelliSample, rows: [Int]) -> [(first: Double, total: Double)] {
    let n = Double(rows.count)
    let ab = rows.flatMap { [f[sample.pointA($0)], f[sample.pointB($0)]] }
    let mean = ab.reduce(0, +) / (2 * n)
    let variance = ab.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (2 * n)
    return (0..<sample.parameters).map { i in
      var first = 0.0, total = 0.0
      for row in rows {
        let a = f[sample.pointA(row)], b = f[sample.pointB(row)], mixed = f[sample.pointAB(row, parameter: i)]
        first += (b - mean) * (mixed - a)
        total += (a - mixed) * (a - mixed)
      }
      guard variance > 0 else { return (.nan, .nan) }
      return (first / n / variance, total / (2 * n) / variance)
    }
  }
}
