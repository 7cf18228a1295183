import Foundation

/// Short axis labels for quantities: 1500 → "1.5k", 2_000_000 → "2M", 0.25 → "0.25".
public enum NumberLabel {
  /// `value` with a k/M/B suffix and just enough decimals to tell ticks `step` apart.
  public static func short(_ value: Double, step: Double) -> String {
    let scales: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
    let reference = Swift.max(abs(value), abs(step))
    let (divisor, suffix) = scales.first { reference >= $0.0 && abs(step) >= $0.0 / 10 } ?? (1, "")
    let scaledStep = abs(step) / divisor
    let decimals = (0...6).first { digits in
      let shifted = scaledStep * pow10(digits)
      return abs(shifted - shifted.rounded()) < 1e-6 * Swift.max(1, shifted)
    } ?? 6
    let text = String(format: "%.\(decimals)f", value / divisor)
    return (text == "-0" ? "0" : text) + (value == 0 ? "" : suffix)
  }

  /// `value` to three significant digits with a k/M/B suffix, for text: 1_304_512 → "1.3M",
  /// 780_240 → "780k", 0.4532 → "0.453".
  public static func approximate(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return value == 0 ? "0" : String(value) }
    let factor = pow10(2 - value.magnitudeExponent)
    let rounded = (value * factor).rounded() / factor  // so that 999,600 reads "1M", not "1e+03k"
    let scales: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
    let (divisor, suffix) = scales.first { abs(rounded) >= $0.0 } ?? (1, "")
    return String(format: "%.3g", rounded / divisor) + suffix
  }

  /// A whole number with thousands separators: 12345 → "12,345".
  public static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      groups.insert(digits[start..<end], at: 0)
      end = start
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
  }
}
