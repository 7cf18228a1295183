import CGSL

/// Sobol's low-discrepancy sequence in the unit hypercube, owning one GSL quasi-random
/// generator (`gsl_qrng` of type `gsl_qrng_sobol`).
///
/// GSL's sequence starts after the all-zero point: in two dimensions the first points are
/// (0.5, 0.5), (0.75, 0.25), (0.25, 0.75), (0.375, 0.375). Its balance properties hold for
/// runs of 2^k points. Like ``RandomStream`` it has mutable state and is not `Sendable`.
public final class SobolSequence {
  /// GSL's Sobol tables stop at 40 dimensions.
  public static let maximumDimension = 40

  private let generator: UnsafeMutablePointer<gsl_qrng>
  /// The number of coordinates of each point.
  public let dimension: Int

  /// Creates the sequence in `dimension` dimensions.
  /// - Throws: ``SobolSequenceError`` when `dimension` is outside 1...40.
  public init(dimension: Int) throws {
    _ = GSLRuntime.prepared
    guard (1...Self.maximumDimension).contains(dimension) else {
      throw SobolSequenceError(dimension: dimension)
    }
    guard let generator = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimension)) else {
      fatalError("gsl_qrng_alloc: out of memory")
    }
    self.generator = generator
    self.dimension = dimension
  }

  deinit { gsl_qrng_free(generator) }

  /// The next point, `dimension` coordinates in [0, 1). Calls `gsl_qrng_get`.
  public func next() -> [Double] {
    var point = [Double](repeating: 0, count: dimension)
    _ = point.withUnsafeMutableBufferPointer { gsl_qrng_get(generator, $0.baseAddress) }
    return point
  }
}

/// A Sobol sequence was requested in a dimension GSL does not support.
public struct SobolSequenceError: Error, CustomStringConvertible, Equatable {
  public let dimension: Int
  public var description: String {
    "a Sobol sequence needs 1 to \(SobolSequence.maximumDimension) dimensions, found \(dimension)"
  }
}
