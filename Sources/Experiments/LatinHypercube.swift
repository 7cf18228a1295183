import Stochastic

/// Latin hypercube sampling (McKay, Beckman & Conover 1979): each coordinate's n values fall one
/// in each of the n strata [k/n, (k+1)/n), at a uniform position within the stratum, with the
/// strata of different coordinates paired by independent random permutations.
public enum LatinHypercube {
  /// `count` points in the unit hypercube of `dimension` coordinates, drawn from `stream`.
  public static func unitPoints(count: Int, dimension: Int, stream: RandomStream) -> [[Double]] {
    var points = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: count)
    for coordinate in 0..<dimension {
      var strata = Array(0..<count)
      for last in stride(from: count - 1, to: 0, by: -1) {  // Fisher–Yates
        strata.swapAt(last, stream.uniformInteger(below: last + 1))
      }
      for (point, stratum) in strata.enumerated() {
        points[point][coordinate] = (Double(stratum) + stream.uniform()) / Double(count)
      }
    }
    return points
  }
}
