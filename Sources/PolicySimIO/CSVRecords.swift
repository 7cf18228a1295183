import Foundation

/// Reads a file in the CSV dialect ``CSVTable`` writes (RFC 4180, `\n` line ends, fields quoted
/// only when needed) one record at a time, in fixed-size chunks, so files of millions of rows
/// are read without holding their text or a dictionary per row. A record must fit on one line
/// (quoted newlines are not supported; policysim never writes them).
struct CSVRecords {
  /// One line's fields, valid only during the callback that receives it.
  struct Record {
    /// The 1-based line number in the file.
    let line: Int
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let ranges: [Range<Int>]

    var count: Int { ranges.count }

    /// Field `index` as text, unquoted.
    func string(_ index: Int) -> String {
      let range = ranges[index]
      guard range.count >= 2, bytes[range.lowerBound] == quote, bytes[range.upperBound - 1] == quote else {
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]), as: UTF8.self)
      return inner.replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// Whether field `index` is exactly `expected` (unquoted bytes).
    func field(_ index: Int, is expected: [UInt8]) -> Bool {
      let range = ranges[index]
      guard range.count == expected.count else { return false }
      return expected.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress! + range.lowerBound, range.count) == 0 }
    }

    /// Field `index` as a finite number, or nil when it is anything else (empty included).
    func number(_ index: Int) -> Double? {
      let range = ranges[index]
      guard (1...63).contains(range.count), !isWhitespace(bytes[range.lowerBound]) else { return nil }
      return withUnsafeTemporaryAllocation(of: CChar.self, capacity: range.count + 1) { buffer in
        for offset in 0..<range.count { buffer[offset] = CChar(bitPattern: bytes[range.lowerBound + offset]) }
        buffer[range.count] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(buffer.baseAddress!, &end)
        guard end == buffer.baseAddress! + range.count, value.isFinite else { return nil }
        return value
      }
    }

    /// Field `index` as a whole number >= 0 written in decimal digits, or nil.
    func count(_ index: Int) -> Int? {
      let range = ranges[index]
      guard (1...18).contains(range.count) else { return nil }
      var value = 0
      for offset in range {
        let digit = Int(bytes[offset]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
  }

  /// Calls `body` with each record of `file` after the header, and returns the header's fields.
  /// - Throws: ``ResultsError`` when the file is missing, unreadable or empty, and whatever
  ///   `body` throws.
  @discardableResult
  static func read(_ file: URL, chunkSize: Int = 1 << 20, _ body: (Record) throws -> Void) throws -> [String] {
    guard let handle = FileHandle(forReadingAtPath: file.path) else {
      throw ResultsError(file.deletingLastPathComponent().path, "no \(file.lastPathComponent) here (or it is not readable)")
    }
    defer { try? handle.close() }
    var header: [String]?
    var pending: [UInt8] = []
    var line = 0
    var ranges: [Range<Int>] = []
    func process(_ text: UnsafeBufferPointer<UInt8>) throws {
      line += 1
      var end = text.count
      if end > 0, text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      let content = UnsafeBufferPointer(rebasing: text[0..<end])
      split(content, into: &ranges)
      let record = Record(line: line, bytes: content, ranges: ranges)
      if header == nil {
        header = (0..<record.count).map(record.string)
      } else if !(record.count == 1 && ranges[0].isEmpty) {
        try body(record)
      }
    }
    while true {
      let chunk: Data
      do {
        chunk = try handle.read(upToCount: chunkSize) ?? Data()
      } catch {
        throw ResultsError(file.path, "cannot read: \(error.localizedDescription)")
      }
      if chunk.isEmpty { break }
      pending.append(contentsOf: chunk)
      var consumed = 0
      try pending.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        var start = 0
        while let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start) {
          let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          try process(UnsafeBufferPointer(rebasing: buffer[start..<newline]))
          start = newline + 1
        }
        consumed = start
      }
      pending.removeFirst(consumed)
    }
    if !pending.isEmpty {  // policysim ends every line: a last line without its newline was cut
      throw ResultsError(file.path, "cut: its last line has no newline; rerun the command that wrote it")
    }
    guard let header else { throw ResultsError(file.path, "empty file (expected a header line)") }
    return header
  }

  /// The field ranges of one line, quotes included; commas inside quotes do not split.
  /// (`memchr` keeps this fast in debug builds too, where the tests read large files.)
  private static func split(_ text: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) {
    ranges.removeAll(keepingCapacity: true)
    guard let base = text.baseAddress, !text.isEmpty else {
      ranges.append(0..<0)
      return
    }
    if memchr(base, Int32(quote), text.count) == nil {
      var start = 0
      while let comma = memchr(base + start, Int32(UInt8(ascii: ",")), text.count - start) {
        let index = base.distance(to: comma.assumingMemoryBound(to: UInt8.self))
        ranges.append(start..<index)
        start = index + 1
      }
      ranges.append(start..<text.count)
      return
    }
    var start = 0, inQuotes = false
    for index in 0..<text.count {
      switch text[index] {
      case quote: inQuotes.toggle()
      case UInt8(ascii: ",") where !inQuotes:
        ranges.append(start..<index)
        start = index + 1
      default: break
      }
    }
    ranges.append(start..<text.count)
  }
}

private let quote = UInt8(ascii: "\"")

private func isWhitespace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
