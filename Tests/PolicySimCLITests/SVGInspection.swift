import Foundation
import FoundationXML

/// An SVG file parsed as XML, with what the chart tests look at: the viewBox, the titles and
/// legend texts, the labelled series groups, and every coordinate drawn.
struct SVGInspection {
  let document: XMLDocument
  let viewBox: (width: Double, height: Double)

  /// Parses `file`; throws if it is not well-formed XML with an `svg` root and a viewBox.
  init(file: URL) throws {
    document = try XMLDocument(contentsOf: file, options: [])
    guard let root = document.rootElement(), root.name == "svg",
      let box = root.value(of: "viewBox")?.split(separator: " ").compactMap({ Double($0) }),
      box.count == 4, box[0] == 0, box[1] == 0
    else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path]) }
    viewBox = (box[2], box[3])
  }

  /// Elements anywhere whose `class` is `name`.
  func elements(class name: String) -> [XMLElement] {
    ((try? document.nodes(forXPath: "//*[@class='\(name)']")) ?? []).compactMap { $0 as? XMLElement }
  }

  /// The text of every element with class `name`.
  func texts(class name: String) -> [String] { elements(class: name).compactMap(\.stringValue) }

  /// The `data-label` of every group with class `name`.
  func groupLabels(class name: String) -> [String] {
    elements(class: name).compactMap { $0.value(of: "data-label") }
  }

  /// Every (x, y) point in polylines and polygons, and every x/y/x1/y1/x2/y2 attribute pair.
  var allPoints: [(x: Double, y: Double)] {
    let nodes = ((try? document.nodes(forXPath: "//*")) ?? []).compactMap { $0 as? XMLElement }
    return nodes.flatMap { element -> [(x: Double, y: Double)] in
      func number(_ name: String) -> Double? { element.value(of: name).flatMap(Double.init) }
      if let points = element.value(of: "points") {
        return Self.points(points)
      }
      var found: [(x: Double, y: Double)] = []
      if let x = number("x"), let y = number("y") {
        found.append((x, y))
        if let width = number("width"), let height = number("height") { found.append((x + width, y + height)) }
      }
      for (xName, yName) in [("x1", "y1"), ("x2", "y2")] {
        if let x = number(xName), let y = number(yName) { found.append((x, y)) }
      }
      return found
    }
  }

  /// Points of the first element with class `name` inside the group labelled `label`.
  func points(class name: String, inGroup label: String) -> [(x: Double, y: Double)] {
    let path = "//*[@data-label='\(label)']/*[@class='\(name)']"
    let element = ((try? document.nodes(forXPath: path)) ?? []).first as? XMLElement
    return Self.points(element?.value(of: "points") ?? "")
  }

  private static func points(_ text: String) -> [(x: Double, y: Double)] {
    text.split(separator: " ").compactMap { pair in
      let xy = pair.split(separator: ",").compactMap { Double($0) }
      return xy.count == 2 ? (xy[0], xy[1]) : nil
    }
  }
}

extension XMLElement {
  /// The attribute `name`'s value. (`attribute(forName:)` finds nothing on Linux for elements
  /// in the SVG namespace, so this searches the attribute list.)
  func value(of name: String) -> String? {
    attributes?.first { $0.name == name }?.stringValue
  }
}
