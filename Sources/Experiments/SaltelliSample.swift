import Stochastic

/// Saltelli's sample for first-order and total Sobol indices (Saltelli et al. 2010), laid out as
/// SALib lays it out without second-order terms: for each base row j, the points
/// A_j, AB_j^1 … AB_j^d, B_j, where A and B are two independent quasi-random matrices and
/// AB^i is A with column i taken from B. A and B are the first and last d coordinates of GSL's
/// Sobol sequence in 2d dimensions, after skipping its first max(16, 2^⌈log2 N⌉) points as
/// SALib does (the sequence's first point is 0.5 in every coordinate, which would make A = B).
public struct SaltelliSample: Sendable, Equatable {
  /// The number of base rows N.
  public let base: Int
  /// The number of parameters d.
  public let parameters: Int

  public init(base: Int, parameters: Int) {
    self.base = base
    self.parameters = parameters
  }

  /// The most parameters the 40-dimensional Sobol tables allow.
  public static let maximumParameters = SobolSequence.maximumDimension / 2

  /// N (d + 2) points.
  public var pointCount: Int { base * (parameters + 2) }

  /// The index of A_j.
  public func pointA(_ row: Int) -> Int { row * (parameters + 2) }
  /// The index of AB_j^i: A_j with parameter i from B_j.
  public func pointAB(_ row: Int, parameter: Int) -> Int { row * (parameters + 2) + 1 + parameter }
  /// The index of B_j.
  public func pointB(_ row: Int) -> Int { row * (parameters + 2) + parameters + 1 }

  /// The points in the unit hypercube, in the layout above.
  public func unitPoints() throws -> [[Double]] {
    let sequence = try SobolSequence(dimension: 2 * parameters)
    var skip = 16
    while skip < base { skip *= 2 }
    for _ in 1..<skip { _ = sequence.next() }  // GSL has already left out the all-zero point
    return (0..<base).flatMap { _ -> [[Double]] in
      let both = sequence.next()
      let a = Array(both[..<parameters]), b = Array(both[parameters...])
      let mixed = (0..<parameters).map { i -> [Double] in
        var row = a
        row[i] = b[i]
        return row
      }
      return [a] + mixed + [b]
    }
  }
}
