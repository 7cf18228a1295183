import Foundation
import PolicySimIO
import Testing

private func folder() -> URL {
  FileManager.default.temporaryDirectory.appendingPathComponent("policysim-journal-\(UUID().uuidString)")
}

private let identity = JSONValue.object(["specSHA256": .string("abc"), "runs": .number(5)])

@Test("a journal reopened keeps its finished points and drops a torn last line")
func journalDropsTornLine() throws {
  let dir = folder()
  do {
    let journal = try SweepJournal(folder: dir, identity: identity, pointCount: 10)
    try journal.record(point: 3, rows: "3,capacity_h100e,2025-12-31,1,0,1,1,1\n")
    try journal.record(point: 0, rows: "0,capacity_h100e,2025-12-31,2,0,2,2,2\n")
  }
  let url = dir.appendingPathComponent(SweepJournal.fileName)
  let complete = try Data(contentsOf: url)
  let handle = try FileHandle(forWritingTo: url)
  try handle.seekToEnd()
  try handle.write(contentsOf: Data(#"{"point":7,"rows":"7,capac"#.utf8))  // killed mid-write
  try handle.close()

  do {
    let reopened = try SweepJournal(folder: dir, identity: identity, pointCount: 10)
    #expect(reopened.finished.keys.sorted() == [0, 3])
    #expect(reopened.finished[0] == "0,capacity_h100e,2025-12-31,2,0,2,2,2\n")
    #expect(try Data(contentsOf: url) == complete)
    try reopened.record(point: 7, rows: "7,x\n")
  }
  #expect(try SweepJournal(folder: dir, identity: identity, pointCount: 10).finished.keys.sorted() == [0, 3, 7])
}

@Test("a journal of another sweep is refused, naming the field that differs")
func journalOfAnotherSweep() throws {
  let dir = folder()
  _ = try SweepJournal(folder: dir, identity: identity, pointCount: 10)
  let other = JSONValue.object(["specSHA256": .string("abc"), "runs": .number(6)])
  let error = #expect(throws: SweepJournalError.self) { try SweepJournal(folder: dir, identity: other, pointCount: 10) }
  #expect(error?.description.contains("(runs is 5 there, 6 now)") == true)
}

@Test("a journal held open by one sweep cannot be opened by a second")
func journalIsExclusive() throws {
  let dir = folder()
  let first = try SweepJournal(folder: dir, identity: identity, pointCount: 10)
  let error = #expect(throws: SweepJournalError.self) { try SweepJournal(folder: dir, identity: identity, pointCount: 10) }
  #expect(error?.problem == "another process is running this sweep into the same folder")
  try first.record(point: 1, rows: "1,x\n")
}

@Test(
  "a complete journal line naming no point of the sweep is refused in one line, never trapping",
  arguments: [#"{"point":1e300,"rows":"1,x\n"}"#, #"{"point":-1,"rows":"-1,x\n"}"#, #"{"point":2.5,"rows":"2,x\n"}"#, #"{"point":4,"rows":"5,x\n"}"#])
func journalWithAlienPoint(line: String) throws {
  let dir = folder()
  _ = try SweepJournal(folder: dir, identity: identity, pointCount: 10)
  let handle = try FileHandle(forWritingTo: dir.appendingPathComponent(SweepJournal.fileName))
  try handle.seekToEnd()
  try handle.write(contentsOf: Data((line + "\n").utf8))
  try handle.close()
  let error = #expect(throws: SweepJournalError.self) { try SweepJournal(folder: dir, identity: identity, pointCount: 10) }
  #expect(error?.description.contains("journal.jsonl:2: error: expected a finished point of this sweep (0 to 9)") == true, "\(String(describing: error))")
}
