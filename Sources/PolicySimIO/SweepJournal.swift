import Foundation

/// The record of a sweep's finished points, `journal.jsonl` in the output folder: a header line
/// naming the sweep, then one line per finished point holding its results.csv rows. Each line
/// is appended and flushed to disk (fsync) before the next point starts, so a killed sweep
/// loses at most the point it was running; a torn last line is dropped on reopening. The journal
/// is locked (`flock`) while open, so two processes never run the same folder at once.
public final class SweepJournal {
  /// The journal's file name inside the output folder.
  public static let fileName = "journal.jsonl"

  /// The results.csv rows of each finished point (each row ends with a newline).
  public private(set) var finished: [Int: String] = [:]
  private let handle: FileHandle

  /// Opens the journal in `folder`, creating it, or resuming it when its header equals
  /// `identity`.
  /// - Throws: ``SweepJournalError`` when the journal belongs to a different sweep.
  public init(folder: URL, identity: JSONValue) throws {
    let url = folder.appendingPathComponent(Self.fileName)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    if !FileManager.default.fileExists(atPath: url.path) { try Data().write(to: url) }
    handle = try FileHandle(forUpdating: url)
    guard flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else {
      throw SweepJournalError(file: url.path, problem: "another process is running this sweep into the same folder")
    }
    let header = canonicalJSON(identity)
    var kept = 0
    let data = try handle.readToEnd() ?? Data()
    if !data.isEmpty {
      let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let complete = lines.dropLast()  // the text after the last newline is a torn line or ""
      guard let first = complete.first, String(decoding: first, as: UTF8.self) == header else {
        let found = complete.first.flatMap { try? JSONValue.parse(Data($0)) }
        throw SweepJournalError(file: url.path, expected: identity, found: found)
      }
      kept = first.count + 1
      for line in complete.dropFirst() {
        guard case .object(let entry)? = try? JSONValue.parse(Data(line)),
          case .number(let point)? = entry["point"], case .string(let rows)? = entry["rows"]
        else { break }
        if finished[Int(point)] == nil { finished[Int(point)] = rows }
        kept += line.count + 1
      }
      try handle.truncate(atOffset: UInt64(kept))
    } else {
      try handle.write(contentsOf: Data((header + "\n").utf8))
    }
    try handle.synchronize()
  }

  deinit { try? handle.close() }

  /// Records that `point` finished with results.csv `rows`, durably.
  public func record(point: Int, rows: String) throws {
    let line = canonicalJSON(.object(["point": .number(Double(point)), "rows": .string(rows)])) + "\n"
    try handle.write(contentsOf: Data(line.utf8))
    try handle.synchronize()
    finished[point] = rows
  }
}

/// The journal cannot be used: it belongs to another sweep (spec, scenario, seed, runs, shard or
/// tool version differ), or another process holds it.
public struct SweepJournalError: Error, CustomStringConvertible {
  public let file: String
  public let problem: String

  init(file: String, problem: String) {
    self.file = file
    self.problem = problem
  }

  /// The journal's header is `found`, not `expected`: names the first field that differs.
  init(file: String, expected: JSONValue, found: JSONValue?) {
    var difference = "its header is unreadable"
    if case .object(let want) = expected, case .object(let have)? = found,
      let key = want.keys.sorted().first(where: { want[$0] != have[$0] })
    {
      difference = "\(key) is \(have[key]?.summary ?? "missing") there, \(want[key]!.summary) now"
    }
    self.init(file: file, problem: "the journal belongs to a different sweep (\(difference)); use another --out or delete the folder to start afresh")
  }

  public var description: String { "\(file): error: \(problem)" }
}
