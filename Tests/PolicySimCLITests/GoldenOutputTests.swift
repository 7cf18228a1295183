import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let goldenFolder = root.appendingPathComponent("Tests/Fixtures/golden")
private let shipped = [
  "baseline", "tier3", "tier3-h20-ban", "h20-ban", "h200-case-by-case", "b20-allowed", "smuggling-crackdown",
  "smic-breakthrough", "hindcast-2024",
]
/// The outcomes a golden file keeps, at each December and the final report date.
private let keptMetrics: Set<Substring> = [
  "capacity_h100e", "paper_h100e", "capacity_h100e_domestic", "acquired_units_legal", "acquired_units_gray", "packages",
]

/// The golden rows of a summary: the kept metrics at year ends and the last date.
private func goldenRows(_ summary: String) -> String {
  let rows = summary.split(separator: "\n")
  let last = rows.last?.split(separator: ",")[1] ?? ""
  return ([rows[0]] + rows.dropFirst().filter { row in
    let fields = row.split(separator: ",", omittingEmptySubsequences: false)
    return keptMetrics.contains(fields[2]) && (fields[1].hasSuffix("-12-31") || fields[1] == last)
  }).joined(separator: "\n") + "\n"
}

/// Each shipped scenario, 30 runs at its own seed, reproduces its committed golden summary
/// rows exactly. After an intended model change, regenerate with
/// `POLICYSIM_UPDATE_GOLDEN=1 swift test --filter goldenOutputs` and review the diff; a run
/// that records fails, so a golden file can never be re-recorded silently.
@Test("shipped scenarios reproduce their golden summaries", arguments: shipped)
func goldenOutputs(scenario: String) throws {
  let out = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-golden-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: out) }
  let result = try runPolicySim(["run", root.appendingPathComponent("Scenarios/\(scenario).json").path, "--runs", "30", "--out", out.path, "--quiet"])
  #expect(result.status == 0, "\(result.stderr)")
  let rows = goldenRows(try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8))
  let golden = goldenFolder.appendingPathComponent("\(scenario).csv")
  if ProcessInfo.processInfo.environment["POLICYSIM_UPDATE_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
    try Data(rows.utf8).write(to: golden)
    Issue.record("recorded a new golden summary for \(scenario): review the diff and run the test again")
  }
  #expect(rows == (try String(contentsOf: golden, encoding: .utf8)))
}
