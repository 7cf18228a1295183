import Foundation

/// Writes files so that a reader never sees a partial one: the content goes to a hidden
/// temporary file in the same folder, which is renamed over the target only when complete
/// (rename within one file system is atomic). A crash or Ctrl-C leaves at most a stray
/// `.name.tmp-…` file, and any previous complete file intact.
public enum AtomicFile {
  /// Writes `text` to `url` atomically, creating the folder if needed.
  public static func write(_ text: String, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    try Data(text.utf8).write(to: temporary)
    if rename(temporary.path, url.path) != 0 {
      let code = errno
      try? FileManager.default.removeItem(at: temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
    }
  }
}

/// RFC 4180 CSV text: comma-separated, CRLF-free (`\n`, which pandas and R read), fields quoted
/// only when they contain a comma, quote or newline, numbers printed to round-trip.
public struct CSVTable {
  private var text: String

  /// A table with the given header row.
  public init(header: [String]) { text = Self.line(header) }

  /// Appends one row.
  public mutating func append(_ fields: [String]) { text += Self.line(fields) }

  /// The whole table.
  public var content: String { text }

  /// The shortest text that reads back as exactly `value`; whole numbers without ".0";
  /// empty for nil.
  public static func number(_ value: Double?) -> String {
    guard let value else { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  private static func line(_ fields: [String]) -> String {
    fields.map { field in
      field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: ",") + "\n"
  }
}
