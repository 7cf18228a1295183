import Foundation

/// Colours that stay distinguishable with the common colour-vision deficiencies (Okabe and Ito,
/// 2008), in the order series receive them.
public enum Palette {
  /// Blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow.
  public static let colors = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442"]

  /// The colour of the series at `index`, cycling when there are more series than colours.
  public static func color(_ index: Int) -> String { colors[index % colors.count] }

  /// Viridis at five stops, dark to light: readable in greyscale and with colour-vision deficiencies.
  static let ramp: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]

  /// The colour at `t` in [0, 1] on a dark-to-light sequential scale (for ordered categories).
  public static func sequential(_ t: Double) -> String {
    let position = Swift.min(1, Swift.max(0, t)) * Double(ramp.count - 1)
    let low = Swift.min(ramp.count - 2, Int(position)), fraction = position - Double(low)
    let (a, b) = (ramp[low], ramp[low + 1])
    func channel(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * fraction).rounded()) }
    return String(format: "#%02X%02X%02X", channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
  }
}
