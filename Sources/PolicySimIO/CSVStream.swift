import Foundation

/// A CSV file in the dialect policysim writes (a header row, `\n` line ends, fields quoted only
/// when they hold a comma or a quote) read one record at a time, in chunks, so that memory does
/// not grow with the file: runs.csv of 10,000 runs is over half a gigabyte.
///
/// Fields are read from a buffer that the next call to ``next()`` reuses; take what a record
/// holds (``string(_:)``, ``number(_:)``, ``matches(_:_:)``) before moving on.
final class CSVStream {
  /// The file read.
  let file: URL
  /// The header's fields.
  private(set) var header: [String] = []
  /// The line number of the current record (the header is line 1).
  private(set) var line = 0
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// The current record's fields: byte ranges in `buffer` (without quotes) and whether quoted.
  private var fields: [(range: Range<Int>, quoted: Bool)] = []

  private static let chunkBytes = 1 << 20

  /// Opens `file` and reads its header.
  /// - Throws: ``ResultsError`` when it is missing, unreadable, empty or malformed.
  init(file: URL) throws {
    self.file = file
    guard let handle = FileHandle(forReadingAtPath: file.path) else {
      throw ResultsError(file.deletingLastPathComponent().path, "no \(file.lastPathComponent) here (expected the output folder of policysim run)")
    }
    self.handle = handle
    guard try next() else { throw ResultsError(file.path, "empty file (expected a header row)") }
    header = (0..<fields.count).map(string)
  }

  deinit { try? handle.close() }

  /// The index of the header's column `name`.
  /// - Throws: ``ResultsError`` naming the header when there is none.
  func column(_ name: String) throws -> Int {
    guard let index = header.firstIndex(of: name) else {
      throw ResultsError(file.path, "missing column \"\(name)\" (header: \(header.joined(separator: ",")))")
    }
    return index
  }

  /// Moves to the next record (blank lines are skipped); false at the end of the file.
  /// - Throws: ``ResultsError`` for a read error, a malformed quoted field, a record with
  ///   another number of fields than the header, or a last line cut before its newline.
  func next() throws -> Bool {
    while true {
      var end = newline(from: start)
      while end == nil, !atEnd {
        try refill()
        end = newline(from: start)
      }
      guard start < buffer.count || end != nil else { return false }
      line += 1
      guard let stop = end else {
        throw ResultsError(file.path, "cut: its last line has no newline; rerun the command that wrote it")
      }
      let record = start..<stop
      start = min(buffer.count, stop + 1)
      if record.isEmpty { continue }
      try split(record)
      if !header.isEmpty, fields.count != header.count {
        throw ResultsError("\(file.path):\(line)", "expected \(header.count) fields, found \(fields.count)")
      }
      return true
    }
  }

  /// The index of the first line end at or after `index`.
  private func newline(from index: Int) -> Int? {
    buffer.withUnsafeBytes { bytes in
      guard index < bytes.count, let found = memchr(bytes.baseAddress! + index, 0x0A, bytes.count - index) else { return nil }
      return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
    }
  }

  /// The number of fields in the current record.
  var count: Int { fields.count }

  /// Field `index` of the current record as text.
  func string(_ index: Int) -> String {
    let (range, quoted) = fields[index]
    let text = String(decoding: buffer[range], as: UTF8.self)
    return quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
  }

  /// Field `index` as a finite number (policysim never writes NaN or infinities): nil when empty.
  /// - Throws: ``ResultsError`` naming the line and column when it is not a number.
  func number(_ index: Int) throws -> Double? {
    let range = fields[index].range
    if range.isEmpty { return nil }
    let parsed: Double? = range.count < 64
      ? withUnsafeTemporaryAllocation(of: CChar.self, capacity: range.count + 1) { text in
        buffer.withUnsafeBytes { bytes in
          UnsafeMutableRawPointer(text.baseAddress!).copyMemory(from: bytes.baseAddress! + range.lowerBound, byteCount: range.count)
        }
        text[range.count] = 0
        var stop: UnsafeMutablePointer<CChar>?
        let value = strtod(text.baseAddress!, &stop)
        return stop == text.baseAddress! + range.count && value.isFinite && !buffer[range.lowerBound].isSpace ? value : nil
      } : nil
    guard let parsed else {
      throw ResultsError("\(file.path):\(line)", "expected a number in \(header.indices.contains(index) ? header[index] : "field \(index + 1)"), found \"\(string(index))\"")
    }
    return parsed
  }

  /// Whether field `index` (unquoted) is exactly `bytes`.
  func matches(_ index: Int, _ bytes: [UInt8]) -> Bool {
    let (range, quoted) = fields[index]
    if quoted { return Array(string(index).utf8) == bytes }
    guard range.count == bytes.count else { return false }
    return buffer.withUnsafeBytes { memcmp($0.baseAddress! + range.lowerBound, bytes, bytes.count) == 0 }
  }

  private func refill() throws {
    buffer.removeSubrange(0..<start)
    start = 0
    let data: Data?
    do {
      data = try handle.read(upToCount: Self.chunkBytes)
    } catch {
      throw ResultsError(file.path, "cannot read: \(error.localizedDescription)")
    }
    guard let data, !data.isEmpty else {
      atEnd = true
      return
    }
    buffer.append(contentsOf: data)
  }

  private func split(_ record: Range<Int>) throws {
    fields.removeAll(keepingCapacity: true)
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    let malformed = buffer.withUnsafeBufferPointer { bytes -> Bool in
      var index = record.lowerBound
      while true {
        if index < record.upperBound, bytes[index] == quote {
          var close = index + 1
          while close < record.upperBound, bytes[close] != quote || (close + 1 < record.upperBound && bytes[close + 1] == quote) {
            close += bytes[close] == quote ? 2 : 1
          }
          guard close < record.upperBound, close + 1 == record.upperBound || bytes[close + 1] == comma else { return true }
          fields.append((index + 1..<close, true))
          index = close + 1
        } else {
          var end = index
          while end < record.upperBound, bytes[end] != comma { end += 1 }
          fields.append((index..<end, false))
          index = end
        }
        guard index < record.upperBound else { return false }
        index += 1  // the comma
        if index == record.upperBound {
          fields.append((index..<index, false))
          return false
        }
      }
    }
    if malformed {
      throw ResultsError("\(file.path):\(line)", "malformed quoted field (policysim never writes a quoted field across lines)")
    }
  }
}

extension UInt8 {
  fileprivate var isSpace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
