import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let fixtures = root.appendingPathComponent("Tests/Fixtures/invalid-scenarios")

/// Every malformed scenario in the fixtures folder, each with its golden `.expected` output.
private let malformed: [String] = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path))?
  .filter { $0.hasSuffix(".json") }.sorted() ?? []

@Test("every malformed fixture gives its exact golden error lines and exit 65", arguments: malformed)
func malformedFixture(name: String) throws {
  let file = fixtures.appendingPathComponent(name)
  let golden = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8)
    .replacingOccurrences(of: "{dir}/", with: fixtures.path + "/")
  let result = try runPolicySim(["validate", file.path])
  #expect(result.status == 65)
  #expect(result.stderr == golden)
  #expect(result.stdout.isEmpty)
}

@Test("the fixtures folder holds the malformed cases the format promises to catch")
func fixtureCoverage() {
  #expect(malformed.count >= 15)
}

@Test("validate accepts every shipped scenario and names each one")
func validateShippedScenarios() throws {
  let shipped = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Scenarios").path)
    .filter { $0.hasSuffix(".json") }.sorted()
  let result = try runPolicySim(["validate"] + shipped.map { root.appendingPathComponent("Scenarios/\($0)").path })
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.split(separator: "\n").count == shipped.count)
  #expect(shipped.count == 9)
}

@Test("validate with a valid and an invalid file reports the invalid one and exits 65")
func validateMixed() throws {
  let good = root.appendingPathComponent("Scenarios/tier3.json").path
  let bad = fixtures.appendingPathComponent("negative-rate.json").path
  let result = try runPolicySim(["validate", good, bad])
  #expect(result.status == 65)
  #expect(result.stdout.hasPrefix("\(good): ok (tier3, 72 months)"))
  #expect(result.stderr.hasSuffix("1 of 2 scenario files invalid\n"))
}
