import Foundation

/// The record of a sweep's finished points, `journal.jsonl` in the output folder: a header line
/// naming the sweep, then one line per finished point holding its results.csv rows. Each line
/// is appended and flushed to disk (fsync) before the next point starts, so a killed sweep
/// loses at most the point it was running; a torn last line is dropped on reopening.
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
    let header = canonicalJSON(identity)
    var kept = 0
    if let data = FileManager.default.contents(atPath: url.path), !data.isEmpty {
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
      if kept < data.count { try Data(data.prefix(kept)).write(to: url) }
    } else {
      try Data((header + "\n").utf8).write(to: url)
    }
    handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
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

/// A journal in the output folder belongs to another sweep (spec, scenario, seed, runs, shard
/// or tool version differ).
public struct SweepJournalError: Error, CustomStringConvertible {
  public let file: String
  public let expected: JSONValue
  public let found: JSONValue?

  public var description: String {
    var difference = "its header is unreadable"
    if case .object(let want) = expected, case .object(let have)? = found,
      let key = want.keys.sorted().first(where: { want[$0] != have[$0] })
    {
      difference = "\(key) is \(have[key]?.summary ?? "missing") there, \(want[key]!.summary) now"
    }
    return "\(file): error: the journal belongs to a different sweep (\(difference)); use another --out or delete the folder to start afresh"
  }
}
