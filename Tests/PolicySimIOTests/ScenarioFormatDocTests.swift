import Foundation
import PolicyModel
@testable import PolicySimIO
import Testing

/// docs/scenario-format.md checked against the decoder, so the page cannot drift silently:
/// every key of a shipped scenario has a row, every row is a key the decoder accepts, and the
/// schema version, policy kinds, distribution families, metric names and quoted fixture
/// messages match the code.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let scenarios = root.appendingPathComponent("Scenarios")
private let fixtures = root.appendingPathComponent("Tests/Fixtures/invalid-scenarios")

private func formatDoc() throws -> String {
  try String(contentsOf: root.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
}

/// The `code` spans of a line, in order.
private func backticked(_ line: Substring) -> [String] {
  line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
    .compactMap { $0.offset % 2 == 1 ? String($0.element) : nil }
}

/// The key paths the page documents: each row of a table headed `| Key |` under a heading that
/// names its object (`### `domestic.vendors[].products[]``, or "Top-level keys" for the root)
/// gives `object.key` for every object the heading names.
private func documentedKeyPaths(_ text: String) -> Set<String> {
  var paths: Set<String> = []
  var objects: [String] = []
  var inKeyTable = false
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    if line.hasPrefix("#") {
      objects = line == "## Top-level keys" ? [""] : backticked(line)
      inKeyTable = false
    } else if line.hasPrefix("| Key |") {
      inKeyTable = true
    } else if inKeyTable, line.hasPrefix("|---") {
      continue
    } else if inKeyTable, line.hasPrefix("|") {
      let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
      for key in backticked(firstCell) {
        for object in objects { paths.insert(object.isEmpty ? key : "\(object).\(key)") }
      }
    } else {
      inKeyTable = false
    }
  }
  return paths
}

/// The key paths a scenario file uses, array indices written `[]` and SKU-id keys `<SKU>`;
/// distribution objects and the `sources` table (keyed by JSON paths) are not descended into.
private func keyPaths(of value: JSONValue, at path: String = "", into paths: inout Set<String>) {
  switch value {
  case .object(let members):
    guard members["dist"] == nil else { return }
    for (key, child) in members where key != "source" {
      let name = ChipCatalog.sku(key) != nil ? "<SKU>" : key
      let childPath = path.isEmpty ? name : "\(path).\(name)"
      paths.insert(childPath)
      if childPath != "sources" { keyPaths(of: child, at: childPath, into: &paths) }
    }
  case .array(let items):
    for item in items { keyPaths(of: item, at: path + "[]", into: &paths) }
  default:
    break
  }
}

private func shippedScenarioFiles() throws -> [URL] {
  try FileManager.default.contentsOfDirectory(at: scenarios, includingPropertiesForKeys: nil)
    .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
}

@Test("every key of every shipped scenario has a row in docs/scenario-format.md")
func shippedKeysAreDocumented() throws {
  let documented = documentedKeyPaths(try formatDoc())
  let files = try shippedScenarioFiles()
  #expect(files.count >= 9)
  var used: Set<String> = []
  for file in files { keyPaths(of: try JSONValue.parse(Data(contentsOf: file)), into: &used) }
  #expect(used.count > 100, "walked only \(used.count) key paths")
  for path in used.sorted() where !documented.contains(path) {
    Issue.record("docs/scenario-format.md has no row for `\(path)` (used in Scenarios/*.json)")
  }
}

/// `domestic.vendors[].products[]` as a path to the first entry of each array.
private func firstInstance(of objectPath: String) -> JSONPath {
  var components: [JSONPath.Component] = []
  for part in objectPath.split(separator: ".") {
    let key = part.replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: "<SKU>", with: "H20")
    components.append(.key(key))
    for _ in 0..<(part.components(separatedBy: "[]").count - 1) { components.append(.index(0)) }
  }
  return JSONPath(components: components)
}

@Test("every key row of docs/scenario-format.md is a key the decoder accepts")
func documentedKeysAreAccepted() throws {
  let documented = documentedKeyPaths(try formatDoc())
  #expect(documented.count > 100, "found only \(documented.count) documented keys")
  let loaded = try ["baseline.json", "hindcast-2024.json"].map {
    try LoadedScenario(file: scenarios.appendingPathComponent($0).path)
  }
  for path in documented.sorted() where path != "extends" {  // merged away before decoding
    let (objectPath, key) = path.lastIndex(of: ".").map { (String(path[..<$0]), String(path[path.index(after: $0)...])) } ?? ("", path)
    let parent = objectPath.isEmpty ? JSONPath.root : firstInstance(of: objectPath)
    let keyName = key == "<SKU>" ? "H100" : key
    var checked = false
    for scenario in loaded {
      guard case .object(var members)? = scenario.resolved[parent] else { continue }
      checked = true
      guard members[keyName] == nil else { continue }  // present in a valid scenario: accepted
      members[keyName] = .string("x")
      do {
        _ = try scenario.applying([(parent, .object(members))])
      } catch let issues as ScenarioIssues {
        let unknown = issues.issues.filter { $0.path == parent && $0.message.hasPrefix("unknown key \"\(keyName)\"") }
        #expect(unknown.isEmpty, "the page documents `\(path)`, the decoder rejects it: \(unknown)")
      }
    }
    #expect(checked, "`\(path)`: no shipped scenario has its object, so the row cannot be checked")
  }
}

@Test("the page states the decoder's schema version")
func schemaVersionMatches() throws {
  let text = try formatDoc()
  let version = LoadedScenario.schemaVersion
  #expect(text.hasPrefix("# Scenario file format (schema version \(version))\n"))
  let row = text.split(separator: "\n").first { $0.hasPrefix("| `schemaVersion` |") }
  #expect(row?.contains("exactly \(version)") == true, "\(row ?? "no schemaVersion row")")
}

@Test("every policy kind and its keys are documented")
func policyKindsMatch() throws {
  let text = try formatDoc()
  let documented = documentedKeyPaths(text)
  for (kind, keys) in PolicyKind.allCases.map({ ($0.rawValue, $0.keys) }) {
    #expect(text.contains("\n| `\(kind)` |"), "no effect row for policy kind \(kind)")
    for key in keys.required + keys.optional {
      #expect(documented.contains("policies[].\(key)"), "no row for `\(key)` of policy kind \(kind)")
    }
  }
}

@Test("every distribution family and its parameters are documented")
func distributionFamiliesMatch() throws {
  let lines = try formatDoc().split(separator: "\n")
  for (family, shapes) in DistributionSpec.families {
    guard let row = lines.first(where: { $0.hasPrefix("| `\(family)` |") }) else {
      Issue.record("no row for distribution family \(family)")
      continue
    }
    for key in Set(shapes.joined()) {
      #expect(backticked(row).contains(key), "row of \(family) does not name its parameter `\(key)`")
    }
  }
}

@Test("the Outcomes section names every metric a shipped scenario reports, and only those")
func outcomeNamesMatch() throws {
  let text = try formatDoc()
  guard let start = text.range(of: "### Outcomes (the `metric` names; a contract)"),
    let end = text.range(of: "\n### ", range: start.upperBound..<text.endIndex)
  else {
    Issue.record("no Outcomes section")
    return
  }
  let section = text[start.upperBound..<end.lowerBound]
  #expect(section.contains("first the \(Outcome.allCases.count) fixed outcomes"))
  #expect(section.contains("then \(VendorOutcome.allCases.count) per domestic vendor"))
  #expect(section.contains("then \(ProductOutcome.allCases.count) per product"))
  let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
  let names = Set(rows.flatMap { backticked($0.split(separator: "|").first ?? "") })
  let patterns = Set(Outcome.allCases.map(\.rawValue) + VendorOutcome.allCases.map { "\($0.rawValue)_<vendor>" }
    + ProductOutcome.allCases.map { "\($0.rawValue)_<sku>" })
  #expect(names == patterns, "documented but not reported: \(names.subtracting(patterns).sorted()); reported but not documented: \(patterns.subtracting(names).sorted())")
  for file in try shippedScenarioFiles() {
    let model = try LoadedScenario(file: file.path).model
    let vendors = model.domestic?.vendors.map { $0.name.lowercased() } ?? []
    let products = model.domestic?.vendors.flatMap { $0.products.map { $0.sku.lowercased() } } ?? []
    var expected = Outcome.allCases.map(\.rawValue)
    expected += vendors.flatMap { vendor in VendorOutcome.allCases.map { "\($0.rawValue)_\(vendor)" } }
    expected += products.flatMap { sku in ProductOutcome.allCases.map { "\($0.rawValue)_\(sku)" } }
    #expect(model.metricNames == expected, "\(file.lastPathComponent): metric order differs from the page's rule")
  }
}

@Test("messages the page quotes from the invalid-scenario fixtures are what the fixtures expect")
func quotedFixtureMessagesMatch() throws {
  var quoted = 0
  for line in try formatDoc().split(separator: "\n") {
    guard let colon = line.range(of: ".json"), line[colon.upperBound...].contains(": error: ") else { continue }
    let name = String(line[..<colon.lowerBound])
    let expected = fixtures.appendingPathComponent("\(name).expected")
    guard FileManager.default.fileExists(atPath: expected.path) else { continue }
    quoted += 1
    let text = try String(contentsOf: expected, encoding: .utf8)
    #expect(text.contains("{dir}/\(line)\n"), "\(name).expected does not contain: \(line)")
  }
  #expect(quoted >= 5, "the page quotes only \(quoted) fixture messages")
}
