import Foundation
import PolicySimIO
import Testing

/// Writes `files` into a fresh folder and returns its path.
private func folder(_ files: [String: String]) throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
  return url.path
}

@Test("extends merges the extending file over its base, relative to the extending file")
func extendsMerges() throws {
  let dir = try folder([
    "baseline.json": #"{"name": "baseline", "runs": 100, "grayMarket": {"enforcement": 1, "channels": []}}"#,
    "tier3.json": #"{"extends": "baseline.json", "name": "tier3", "grayMarket": {"enforcement": 0.6}}"#,
  ])
  let document = try ScenarioDocument(contentsOf: dir + "/tier3.json")
  #expect(document.json == .object([
    "name": .string("tier3"), "runs": .number(100),
    "grayMarket": .object(["enforcement": .number(0.6), "channels": .array([])]),
  ]))
  #expect(document.chain == [dir + "/tier3.json", dir + "/baseline.json"])
}

@Test("an extends cycle is an error naming the chain")
func extendsCycle() throws {
  let dir = try folder([
    "a.json": #"{"extends": "b.json"}"#,
    "b.json": #"{"extends": "a.json"}"#,
  ])
  #expect {
    _ = try ScenarioDocument(contentsOf: dir + "/a.json")
  } throws: { error in
    "\(error)" == "\(dir)/b.json: error: at $.extends: expected a base scenario, found a cycle: \(dir)/a.json -> \(dir)/b.json -> \(dir)/a.json"
  }
}

@Test("a syntax error names the file with line and column; a missing base names the base")
func fileErrors() throws {
  let dir = try folder([
    "broken.json": "{\n  \"runs\": [1, 2,, 3]\n}",
    "orphan.json": #"{"extends": "nowhere.json"}"#,
  ])
  #expect {
    _ = try ScenarioDocument(contentsOf: dir + "/broken.json")
  } throws: { error in
    "\(error)".hasPrefix("\(dir)/broken.json:2:")
  }
  #expect {
    _ = try ScenarioDocument(contentsOf: dir + "/orphan.json")
  } throws: { error in
    "\(error)" == "\(dir)/orphan.json: error: at $.extends: expected a readable base scenario, found \"\(dir)/nowhere.json\" (missing or not readable)"
  }
}
