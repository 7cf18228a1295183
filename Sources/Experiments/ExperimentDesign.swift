import Stochastic

/// How design points are placed in parameter space. Points are a pure function of the design,
/// the parameter domains and the seed.
public enum ExperimentDesign: Sendable, Equatable {
  /// Full factorial over each parameter's grid values; the last parameter varies fastest.
  case grid
  /// A Latin hypercube of `points` points (see ``LatinHypercube``).
  case latinHypercube(points: Int)
  /// The first `points` points of GSL's Sobol sequence (balanced when a power of two).
  case sobol(points: Int)
  /// Saltelli's sample for Sobol indices with `base` base rows (see ``SaltelliSample``).
  case saltelli(base: Int)

  /// The design points in point order, one value per parameter each.
  /// - Precondition: every domain has grid values for `grid`; at most 40 parameters for
  ///   `sobol` and 20 for `saltelli` (the spec reader checks both).
  public func points(over domains: [ParameterDomain], seed: UInt64) throws -> [[Double]] {
    let unit: [[Double]]
    switch self {
    case .grid:
      let levels = domains.map { domain -> [Double] in
        guard let values = domain.gridValues else { preconditionFailure("a grid needs levels for every interval") }
        return values
      }
      return levels.reduce([[]]) { partial, values in partial.flatMap { prefix in values.map { prefix + [$0] } } }
    case .latinHypercube(let points):
      unit = LatinHypercube.unitPoints(count: points, dimension: domains.count, stream: RandomStream(master: seed, replication: 0, stream: "latin-hypercube"))
    case .sobol(let points):
      let sequence = try SobolSequence(dimension: domains.count)
      unit = (0..<points).map { _ in sequence.next() }
    case .saltelli(let base):
      unit = try SaltelliSample(base: base, parameters: domains.count).unitPoints()
    }
    return unit.map { row in zip(domains, row).map { domain, u in domain.value(atUnit: u) } }
  }
}
