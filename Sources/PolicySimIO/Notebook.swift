import Foundation

/// A Jupyter notebook in nbformat 4.5, without outputs: markdown and code cells with stable
/// ids, a Python 3 kernel, and JSON with sorted keys so that the same cells always give the
/// same bytes (the shipped notebooks are compared against it).
public struct Notebook: Equatable {
  /// One cell; `tags` go into the cell metadata (e.g. `parameters` for papermill and Quarto).
  public enum Cell: Equatable {
    case markdown(String)
    case code(String, tags: [String] = [])
  }

  /// The cells in order.
  public var cells: [Cell]
  /// Prefix of the cell ids, which are `<prefix>-<index>`.
  public var idPrefix: String

  public init(idPrefix: String, cells: [Cell]) {
    self.idPrefix = idPrefix
    self.cells = cells
  }

  /// The `.ipynb` text.
  public var json: String {
    let cells = self.cells.enumerated().map { cellObject($0.element, id: "\(idPrefix)-\($0.offset)") }
    let document: [String: Any] = [
      "cells": cells,
      "metadata": [
        "kernelspec": ["display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"],
        "language_info": ["name": "python"],
      ],
      "nbformat": 4, "nbformat_minor": 5,
    ]
    // Only strings, numbers, arrays and dictionaries are in it, so serialising cannot fail.
    let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private func cellObject(_ cell: Cell, id: String) -> [String: Any] {
    switch cell {
    case .markdown(let text):
      return ["cell_type": "markdown", "id": id, "metadata": [String: Any](), "source": Self.lines(text)]
    case .code(let text, let tags):
      let metadata: [String: Any] = tags.isEmpty ? [:] : ["tags": tags]
      return [
        "cell_type": "code", "id": id, "execution_count": NSNull(), "outputs": [Any](),
        "metadata": metadata, "source": Self.lines(text),
      ]
    }
  }

  /// Jupyter's multi-line string form: one string per line, each ending in a newline but the last.
  private static func lines(_ text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + "\n" : $0.element }
  }
}
