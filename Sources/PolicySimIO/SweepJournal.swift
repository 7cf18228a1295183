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
  private let url: URL

  /// Opens the journal in `folder`, creating it, or resuming it when its header equals
  /// `identity`; every entry must be a point below `pointCount` whose rows are its own.
  /// - Throws: ``SweepJournalError`` when the journal belongs to a different sweep or a complete
  ///   line is damaged; ``IOFailure`` when it cannot be created, read or written.
  public init(folder: URL, identity: JSONValue, pointCount: Int) throws {
    let url = folder.appendingPathComponent(Self.fileName)
    self.url = url
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      if !FileManager.default.fileExists(atPath: url.path) { try Data().write(to: url) }
      handle = try FileHandle(forUpdating: url)
    } catch {
      throw IOFailure("write", url.path, error: error)
    }
    guard flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else {
      throw SweepJournalError(file: url.path, problem: "another process is running this sweep into the same folder")
    }
    let header = canonicalJSON(identity)
    var kept = 0
    let data: Data
    do {
      data = try handle.readToEnd() ?? Data()
    } catch {
      throw IOFailure("read", url.path, error: error)
    }
    if !data.isEmpty {
      let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let complete = lines.dropLast()  // the text after the last newline is a torn line or ""
      guard let first = complete.first, String(decoding: first, as: UTF8.self) == header else {
        let found = complete.first.flatMap { try? JSONValue.parse(Data($0)) }
        throw SweepJournalError(file: url.path, expected: identity, found: found)
      }
      kept = first.count + 1
      for (number, line) in complete.dropFirst().enumerated() {
        guard case .object(let entry)? = try? JSONValue.parse(Data(line)),
          case .number(let value)? = entry["point"], case .string(let rows)? = entry["rows"]
        else { break }
        guard let point = Int(exactly: value), (0..<pointCount).contains(point),
          rows.split(separator: "\n").allSatisfy({ $0.hasPrefix("\(point),") })
        else {
          throw SweepJournalError(file: "\(url.path):\(number + 2)", problem: "expected a finished point of this sweep (0 to \(pointCount - 1)) with its own results rows, found point \(CSVTable.number(value)); the journal is damaged: delete the folder to start afresh")
        }
        if finished[point] == nil { finished[point] = rows }
        kept += line.count + 1
      }
    }
    do {
      if data.isEmpty { try handle.write(contentsOf: Data((header + "\n").utf8)) } else { try handle.truncate(atOffset: UInt64(kept)) }
      try handle.synchronize()
    } catch {
      throw IOFailure("write", url.path, error: error)
    }
  }

  deinit { try? handle.close() }

  /// Records that `point` finished with results.csv `rows`, durably.
  /// - Throws: ``IOFailure``.
  public func record(point: Int, rows: String) throws {
    let line = canonicalJSON(.object(["point": .number(Double(point)), "rows": .string(rows)])) + "\n"
    do {
      try handle.write(contentsOf: Data(line.utf8))
      try handle.synchronize()
    } catch {
      throw IOFailure("write", url.path, error: error)
    }
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

  public var description: String { "\(file): error: \(problem)".oneLine }
}
