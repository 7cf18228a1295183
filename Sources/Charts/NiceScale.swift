import Foundation

/// A linear map from data values to pixels whose domain is widened to round tick values, so
/// that the axis starts and ends on a labelled tick (Heckbert's "nice numbers").
public struct NiceScale: Sendable {
  /// The widened domain: its ends are the first and last tick.
  public let lower: Double, upper: Double
  /// The tick values, evenly spaced by 1, 2 or 5 × a power of ten.
  public let ticks: [Double]
  /// The spacing between ticks.
  public let step: Double

  /// A scale covering `values` with about `tickCount` ticks; the domain includes zero when
  /// `includeZero` is true (quantities read best against a zero baseline).
  public init(covering values: [Double], tickCount: Int = 6, includeZero: Bool = true) {
    let finite = values.filter(\.isFinite)
    var low = finite.min() ?? 0, high = finite.max() ?? 1
    if includeZero { low = Swift.min(low, 0); high = Swift.max(high, 0) }
    if high - low < 1e-12 * Swift.max(1, abs(high)) { high = low + Swift.max(1, abs(low)) }
    let step = Self.niceStep((high - low) / Double(Swift.max(1, tickCount)))
    let lower = (low / step).rounded(.down) * step, upper = (high / step).rounded(.up) * step
    let count = Int(((upper - lower) / step).rounded())
    (self.step, self.lower, self.upper) = (step, lower, upper)
    ticks = (0...count).map { lower + Double($0) * step }
  }

  /// The smallest of 1, 2, 2.5, 5 or 10 × 10^k that is at least `rough`.
  static func niceStep(_ rough: Double) -> Double {
    let magnitude = pow10(rough.magnitudeExponent)
    let fraction = rough / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
    return nice * magnitude
  }

  /// The position of `value` between `start` (at ``lower``) and `end` (at ``upper``).
  public func position(of value: Double, from start: Double, to end: Double) -> Double {
    start + (value - lower) / (upper - lower) * (end - start)
  }
}

extension Double {
  /// ⌊log10(|self|)⌋, the decimal exponent.
  var magnitudeExponent: Int { Int((Foundation.log10(Swift.abs(self))).rounded(.down)) }
}

/// 10 to the power `exponent`.
func pow10(_ exponent: Int) -> Double { Foundation.pow(10, Double(exponent)) }
