import Foundation

/// Quantities in tables, to three significant digits with a k/M/B suffix: 875_123 → "875k",
/// 1_374_000 → "1.37M", 0.4213 → "0.421".
public enum QuantityText {
  public static func short(_ value: Double) -> String {
    let magnitude = abs(value)
    let (divisor, suffix): (Double, String) =
      magnitude >= 999.5e6 ? (1e9, "B") : magnitude >= 999.5e3 ? (1e6, "M") : magnitude >= 999.5 ? (1e3, "k") : (1, "")
    let text = String(format: "%.3g", value / divisor)
    return (text == "-0" ? "0" : text) + suffix
  }

  /// "875k [513k, 1.37M]": a median and a band.
  public static func band(_ median: Double, _ low: Double, _ high: Double) -> String {
    "\(short(median)) [\(short(low)), \(short(high))]"
  }
}
