import Foundation
import PolicySimIO
import Testing

/// A folder holding `runs` as its runs.csv.
private func folder(runs: String) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-runs-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  try runs.write(to: folder.appendingPathComponent("runs.csv"), atomically: true, encoding: .utf8)
  return folder
}

/// Two runs, two dates, two metrics (one with a comma, so quoted).
private let goodRuns = #"""
  run,date,metric,value
  0,2026-01-31,a,1
  0,2026-01-31,"b,""c""",2.5
  0,2026-02-28,a,3
  0,2026-02-28,"b,""c""",-4e3
  1,2026-01-31,a,5
  1,2026-01-31,"b,""c""",6
  1,2026-02-28,a,7
  1,2026-02-28,"b,""c""",8

  """#

@Test("runs.csv is read one run at a time, values date by date in the file's metric order")
func readsRuns() throws {
  let table = try RunsTable.open(folder(runs: goodRuns))
  #expect(table.dates == ["2026-01-31", "2026-02-28"] && table.metrics == ["a", "b,\"c\""])
  #expect(try table.nextRun() == [1, 2.5, 3, -4000])
  #expect(try table.nextRun() == [5, 6, 7, 8])
  #expect(try table.nextRun() == nil)
  #expect(try table.nextRun() == nil)
}

@Test("a file whose last line lacks its line end (cut) is refused; one run reads")
func readsEdgeCases() throws {
  let unterminated = try RunsTable.open(folder(runs: String(goodRuns.dropLast())))
  #expect(try unterminated.nextRun() == [1, 2.5, 3, -4000])
  #expect(throws: ResultsError.self) { try unterminated.nextRun() }
  let single = try RunsTable.open(folder(runs: "run,date,metric,value\n0,2026-01-31,a,1\n"))
  #expect(try single.nextRun() == [1] && single.nextRun() == nil)
}

@Test("a malformed runs.csv is refused with one line naming the file and line",
  arguments: [
    ("0,2026-01-31,a,1\n1,2026-01-31,a,2\n3,2026-01-31,a,3\n", ":4: error: expected run 2, 2026-01-31, a (every run lists the rows of run 0, in order)"),
    ("0,2026-01-31,a,1\n0,2026-01-31,b,2\n1,2026-01-31,b,3\n1,2026-01-31,a,4\n", ":4: error: expected run 1, 2026-01-31, a (every run lists the rows of run 0, in order)"),
    ("0,2026-01-31,a,1\n0,2026-01-31,b,2\n1,2026-01-31,a,3\n", ": error: run 1 ends after 1 of 2 rows"),
    ("0,2026-01-31,a,nan\n", ":2: error: expected a number in value, found \"nan\""),
    ("0,2026-01-31,a,-inf\n", ":2: error: expected a number in value, found \"-inf\""),
    ("0,2026-01-31,a,\n", ":2: error: expected a number in value, found an empty field"),
    ("0,2026-01-31,a,1,9\n", ":2: error: expected 4 fields, found 5"),
    ("x,2026-01-31,a,1\n", ":2: error: expected a number in run, found \"x\""),
    ("0,2026-01-31,a,1\n0,2026-02-28,b,2\n", ":3: error: expected metric a at 2026-02-28 (every date must list the metrics of the first date, in order)"),
    ("0,2026-01-31,\"a,1\n", ":2: error: malformed quoted field (policysim never writes a quoted field across lines)"),
  ])
func malformedRuns(rows: String, message: String) throws {
  let folder = try folder(runs: "run,date,metric,value\n" + rows)
  let file = folder.appendingPathComponent("runs.csv").path
  do {
    let table = try RunsTable.open(folder)
    while try table.nextRun() != nil {}
    Issue.record("read without an error")
  } catch let error as ResultsError {
    #expect(error.description == file + message)
  }
}

@Test("a folder without runs.csv names the option that writes it")
func missingRuns() throws {
  let folder = try folder(runs: "")
  try FileManager.default.removeItem(at: folder.appendingPathComponent("runs.csv"))
  #expect(throws: ResultsError.self) { try RunsTable.open(folder) }
  do { _ = try RunsTable.open(folder) } catch let error as ResultsError {
    #expect(error.description == "\(folder.path): error: no runs.csv here (write it with policysim run --per-run)")
  }
}

@Test("--where conditions: per-date and scalar, < and >, spaces optional; anything else is refused")
func outcomeConditions() throws {
  let dated = try #require(OutcomeCondition(parsing: "capacity_h100e@2027-12-31 > 2000000"))
  #expect(dated.metric == "capacity_h100e" && dated.date == "2027-12-31" && dated.comparison == .above && dated.threshold == 2e6)
  #expect(dated.description == "capacity_h100e@2027-12-31 > 2000000")
  let scalar = try #require(OutcomeCondition(parsing: "stockpile_depleted_day<730.5"))
  #expect(scalar.date == nil && scalar.comparison == .below && scalar.threshold == 730.5)
  #expect(scalar.holds(700) && !scalar.holds(730.5) && !scalar.holds(nil), "never reached counts as +infinity")
  #expect(dated.holds(nil) && dated.holds(2_000_001) && !dated.holds(2e6))
  for bad in ["", "capacity_h100e", "capacity_h100e >= 5", "capacity_h100e = 5", "a < b", "< 5", "x@2027-13-01 > 1",
    "x@2027-12-31@2 > 1", "x > 1 > 2", "x > inf", "x > nan", "capa city > 1", "x@27-12-31 > 1", "x@ > 1"] {
    #expect(OutcomeCondition(parsing: bad) == nil, "\(bad)")
  }
}
