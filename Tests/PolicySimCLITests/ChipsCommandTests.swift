import Foundation
import Testing

/// The built `policysim` binary. The package root is three levels above this file; `swift test`
/// builds every product into `.build/debug` (POLICYSIM_BINARY overrides, e.g. for a release build).
func policySimBinary() -> URL {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  return ProcessInfo.processInfo.environment["POLICYSIM_BINARY"].map(URL.init(fileURLWithPath:))
    ?? root.appendingPathComponent(".build/debug/policysim")
}

/// Runs the built `policysim` binary with `arguments` and extra `environment` variables; output
/// goes to files, not pipes, so a large output cannot deadlock the child.
func runPolicySim(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
  try runProcess(policySimBinary(), arguments, environment: environment, directory: directory)
}

/// Runs `executable` with `arguments` (in `directory` when given), its output collected
/// through files.
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
  for file in [out, err] { try Data().write(to: file) }
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  if let directory { process.currentDirectoryURL = directory }
  process.standardOutput = try FileHandle(forWritingTo: out)
  process.standardError = try FileHandle(forWritingTo: err)
  try process.run()
  process.waitUntilExit()
  return (
    process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
    try String(contentsOf: err, encoding: .utf8)
  )
}

@Test("policysim chips shows the H20 licence requirement from its date on")
func chipsOnDates() throws {
  let before = try runPolicySim(["chips", "--date", "2025-04-08"])
  let after = try runPolicySim(["chips", "--date", "2025-04-09"])
  #expect(before.status == 0 && after.status == 0)
  let h20 = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("H20 ") } ?? "" }
  #expect(h20(before.stdout).hasSuffix("not controlled under Oct 2023 rule (3A090.a)"))
  #expect(h20(after.stdout).contains("licence required: H20 licence requirement"))
}

@Test("a malformed date is a usage error: exit 64 and a one-line message naming the option")
func chipsBadDate() throws {
  let result = try runPolicySim(["chips", "--date", "2025/04/09"])
  #expect(result.status == 64)
  #expect(result.stderr.hasPrefix("Error: --date: expected a date YYYY-MM-DD, found \"2025/04/09\"\n"))
  #expect(result.stdout.isEmpty)
}

@Test("chips --scenario uses the scenario's policies and shows the verdict per destination tier")
func chipsUnderScenario() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let result = try runPolicySim(["chips", "--scenario", root.appendingPathComponent("Scenarios/tier3-h20-ban.json").path, "--date", "2026-01-01"])
  #expect(result.status == 0, "\(result.stderr)")
  let line = { (id: String) in result.stdout.split(separator: "\n").first { $0.hasPrefix(id + " ") }.map(String.init) ?? "" }
  #expect(line("H20").contains("denied  denied  denied  banned by SKU rule"))
  #expect(line("H200").contains("allowed capped  denied  controlled under Oct 2023 rule"))
  #expect(line("Ascend910C").hasSuffix("domestic (not subject to US export rules)"))
  #expect(line("RTX4090D").contains("allowed allowed allowed not controlled"))
  let invalid = try runPolicySim(["chips", "--scenario", root.appendingPathComponent("Tests/Fixtures/invalid-scenarios/negative-rate.json").path])
  #expect(invalid.status == 65 && invalid.stderr.contains("at $.demand.pricePerH100e.level"))
}
