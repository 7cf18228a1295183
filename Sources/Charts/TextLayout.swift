/// Estimated text widths and greedy line wrapping, for laying out chart text without a font
/// engine. Widths assume about 0.58 em a character (Helvetica, Arial and DejaVu Sans
/// average about that for mixed-case text), 0.62 em in bold.
public enum TextLayout {
  /// The approximate width in pixels of `text` at font `size`.
  public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
    Double(text.count) * size * (bold ? 0.62 : 0.58)
  }

  /// `text` broken at spaces into lines no wider than `width` (a word longer than a line
  /// gets a line of its own); no lines for empty text.
  public static func wrap(_ text: String, size: Double, width: Double, bold: Bool = false) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if !line.isEmpty, Self.width(candidate, size: size, bold: bold) > width {
        lines.append(line)
        line = String(word)
      } else {
        line = candidate
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
