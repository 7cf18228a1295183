import Foundation
import PolicySimIO
import Testing

private let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Notebooks-export")

@Test("the shipped notebooks are exactly what export-notebook generates for their default folders",
  arguments: AnalysisNotebook.allCases)
func shippedNotebookMatchesGenerator(kind: AnalysisNotebook) throws {
  let file = notebooks.appendingPathComponent("\(kind.rawValue).ipynb")
  let generated = kind.notebook(results: kind.defaultResults, effects: kind.defaultEffects).json
  // RECORD_NOTEBOOKS=1 swift test --filter ShippedNotebook rewrites them; recording fails the test.
  if ProcessInfo.processInfo.environment["RECORD_NOTEBOOKS"] != nil {
    try generated.write(to: file, atomically: true, encoding: .utf8)
    Issue.record("Recorded \(file.path)")
  }
  #expect(try String(contentsOf: file, encoding: .utf8) == generated, "Notebooks-export/\(kind.rawValue).ipynb differs; re-record with RECORD_NOTEBOOKS=1")
}

@Test("notebooks are nbformat 4.5 without outputs; the first code cell is tagged parameters and binds RESULTS",
  arguments: AnalysisNotebook.allCases)
func notebookStructure(kind: AnalysisNotebook) throws {
  let json = kind.notebook(results: ["/data/run \"1\""]).json
  let notebook = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  #expect(notebook["nbformat"] as? Int == 4 && notebook["nbformat_minor"] as? Int == 5)
  let kernel = (notebook["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any]
  #expect(kernel?["name"] as? String == "python3")
  let cells = try #require(notebook["cells"] as? [[String: Any]])
  let ids = cells.compactMap { $0["id"] as? String }
  #expect(ids.count == cells.count && Set(ids).count == ids.count)
  #expect(ids.allSatisfy { $0.range(of: "^[a-zA-Z0-9_-]{1,64}$", options: .regularExpression) != nil })
  let code = cells.filter { $0["cell_type"] as? String == "code" }
  #expect(code.allSatisfy { ($0["outputs"] as? [Any])?.isEmpty == true && $0["execution_count"] is NSNull })
  let first = try #require(code.first)
  #expect((first["metadata"] as? [String: Any])?["tags"] as? [String] == ["parameters"])
  let source = (first["source"] as? [String] ?? []).joined()
  #expect(source.contains(#""/data/run \"1\"""#), "the path is a quoted Python string: \(source)")
  #expect(code.dropFirst().allSatisfy { ($0["metadata"] as? [String: Any])?.isEmpty == true })
}

@Test("a notebook's source lines end in a newline except the last, as Jupyter writes them")
func notebookLines() throws {
  let json = Notebook(idPrefix: "t", cells: [.code("a = 1\nb = 2")]).json
  let notebook = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
  let cell = (notebook["cells"] as! [[String: Any]])[0]
  #expect(cell["source"] as? [String] == ["a = 1\n", "b = 2"])
  #expect(cell["id"] as? String == "t-0")
}

@Test("relative paths between folders")
func relativePaths() {
  let notebooks = URL(fileURLWithPath: "/work/project/Notebooks-export")
  #expect(URL(fileURLWithPath: "/work/project/results/tier3").path(relativeTo: notebooks) == "../results/tier3")
  #expect(URL(fileURLWithPath: "/work/project/Notebooks-export").path(relativeTo: notebooks) == ".")
  #expect(URL(fileURLWithPath: "/work/project/Notebooks-export/fixtures/sweep").path(relativeTo: notebooks) == "fixtures/sweep")
}
