import CGSL

/// Finite values with weights, preprocessed into a GSL alias table (`gsl_ran_discrete_preproc`)
/// so each draw costs O(1).
///
/// The table is immutable after construction and `gsl_ran_discrete` only reads it, so it is
/// safe to share across threads.
public final class DiscreteTable: @unchecked Sendable, Equatable {
  /// The values, in the order given.
  public let values: [Double]
  /// The weights, normalised to sum to 1.
  public let probabilities: [Double]
  private let table: OpaquePointer

  /// Builds the table; requires at least one value, matching counts and weights ≥ 0 with a
  /// positive sum.
  public init(values: [Double], weights: [Double]) throws {
    _ = GSLRuntime.prepared
    guard !values.isEmpty else {
      throw DistributionError(parameter: "values", expected: "at least one value", found: "[]")
    }
    guard values.count == weights.count else {
      throw DistributionError(
        parameter: "weights", expected: "\(values.count) weights, one per value",
        found: "\(weights.count)")
    }
    if let bad = weights.first(where: { !($0 >= 0) || !$0.isFinite }) {
      throw DistributionError(parameter: "weights", expected: "weights >= 0", found: "\(bad)")
    }
    let total = weights.reduce(0, +)
    guard total > 0 else {
      throw DistributionError(parameter: "weights", expected: "a positive sum", found: "0")
    }
    guard let table = weights.withUnsafeBufferPointer({
      gsl_ran_discrete_preproc(values.count, $0.baseAddress)
    }) else {
      throw GSLError(code: Int32(GSL_ENOMEM), function: "gsl_ran_discrete_preproc")
    }
    self.values = values
    self.probabilities = weights.map { $0 / total }
    self.table = OpaquePointer(table)
  }

  deinit { gsl_ran_discrete_free(UnsafeMutablePointer(table)) }

  /// The index of a value drawn with its probability. Samples `gsl_ran_discrete`.
  public func sampleIndex(using stream: RandomStream) -> Int {
    gsl_ran_discrete(stream.generator, UnsafePointer(table))
  }

  public static func == (lhs: DiscreteTable, rhs: DiscreteTable) -> Bool {
    lhs.values == rhs.values && lhs.probabilities == rhs.probabilities
  }
}
