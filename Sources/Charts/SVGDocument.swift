import Foundation

/// An SVG image built element by element, with a fixed pixel size and a matching `viewBox`.
///
/// Coordinates are written with one decimal, text is XML-escaped, and every element may carry
/// a `class` so that tests (and CSS) can find the series it belongs to. It draws nothing by
/// itself: the charts decide what goes where. For screen readers the image has `role="img"`,
/// a `<title>` (its accessible name) and a `<desc>` (what it shows, in words).
public struct SVGDocument {
  /// Width and height in pixels, also the `viewBox` size.
  public let width: Double, height: Double
  /// The accessible name, written as `<title>`.
  public var title: String
  /// The accessible description, written as `<desc>`.
  public var description: String
  private var elements: [String] = []

  /// An empty image of the given size.
  public init(width: Double, height: Double, title: String = "", description: String = "") {
    self.width = width
    self.height = height
    self.title = title
    self.description = description
  }

  /// A filled rectangle.
  public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1, className: String? = nil) {
    elements.append("<rect\(Self.classAttribute(className)) x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"\(fill)\"\(Self.opacityAttribute(opacity))/>")
  }

  /// A straight line segment.
  public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false, className: String? = nil) {
    elements.append("<line\(Self.classAttribute(className)) x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>")
  }

  /// An open line through `points`.
  public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2, dashed: Bool = false, className: String? = nil) {
    elements.append("<polyline\(Self.classAttribute(className)) points=\"\(Self.points(points))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>")
  }

  /// A closed, filled shape through `points`.
  public mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, opacity: Double = 1, className: String? = nil) {
    elements.append("<polygon\(Self.classAttribute(className)) points=\"\(Self.points(points))\" fill=\"\(fill)\"\(Self.opacityAttribute(opacity))/>")
  }

  /// A circle centred on (`x`, `y`), filled, or only outlined when `fill` is nil.
  public mutating func circle(x: Double, y: Double, radius: Double, fill: String?, stroke: String? = nil, className: String? = nil) {
    let stroke = stroke.map { " stroke=\"\($0)\" stroke-width=\"1.5\"" } ?? ""
    elements.append("<circle\(Self.classAttribute(className)) cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill ?? "none")\"\(stroke)/>")
  }

  /// Text whose anchor point is (`x`, `y`); `rotated` turns it a quarter turn anticlockwise
  /// about that point (for a vertical axis title).
  public mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: TextAnchor = .start, weight: String = "normal", fill: String = "#222", rotated: Bool = false, className: String? = nil) {
    let transform = rotated ? " transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\"" : ""
    elements.append("<text\(Self.classAttribute(className)) x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor.rawValue)\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>\(Self.escaped(content))</text>")
  }

  /// Starts a group (`<g>`) that holds one series; close it with ``endGroup()``.
  public mutating func beginGroup(className: String, label: String) {
    elements.append("<g\(Self.classAttribute(className)) data-label=\"\(Self.escaped(label))\">")
  }

  /// Closes the group opened last.
  public mutating func endGroup() { elements.append("</g>") }

  /// The complete SVG text, with a white background and a sans-serif font.
  public var markup: String {
    let size = "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" \(size) role="img" font-family="Helvetica, Arial, sans-serif">
      <title>\(Self.escaped(title))</title>
      <desc>\(Self.escaped(description))</desc>
      <rect x="0" y="0" width="\(Self.number(width))" height="\(Self.number(height))" fill="#fff"/>
      \(elements.joined(separator: "\n"))
      </svg>

      """
  }

  /// Where a text's anchor point lies along it.
  public enum TextAnchor: String, Sendable {
    case start, middle, end
  }

  /// A coordinate with at most one decimal, without a trailing ".0".
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  private static func points(_ points: [(x: Double, y: Double)]) -> String {
    points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
  }

  private static func classAttribute(_ name: String?) -> String { name.map { " class=\"\($0)\"" } ?? "" }

  private static func opacityAttribute(_ opacity: Double) -> String {
    opacity < 1 ? " fill-opacity=\"\(opacity)\"" : ""
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
