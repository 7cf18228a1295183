/// Colours that stay distinguishable with the common colour-vision deficiencies (Okabe and Ito,
/// 2008), in the order series receive them.
public enum Palette {
  /// Blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow.
  public static let colors = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442"]

  /// The colour of the series at `index`, cycling when there are more series than colours.
  public static func color(_ index: Int) -> String { colors[index % colors.count] }
}
