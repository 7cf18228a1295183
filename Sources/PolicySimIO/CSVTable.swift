import Experiments

/// RFC 4180 CSV text: comma-separated, CRLF-free (`\n`, which pandas and R read), fields quoted
/// only when they contain a comma, quote or newline, numbers printed to round-trip.
public struct CSVTable {
  private var text: String

  /// A table with the given header row.
  public init(header: [String]) { text = Self.line(header) }

  /// Appends one row.
  public mutating func append(_ fields: [String]) { text += Self.line(fields) }

  /// A table whose rows come in groups, one per item of `0..<rows`, formatted on up to
  /// `threads` threads and joined in item order.
  public init(header: [String], rows count: Int, threads: Int, _ rows: @Sendable (Int) -> [[String]]) {
    text = Self.line(header) + parallelMap(count, threads: threads) { item in
      rows(item).map(Self.line).joined()
    }.joined()
  }

  /// The whole table.
  public var content: String { text }

  /// The shortest text that reads back as exactly `value`; whole numbers without ".0";
  /// empty for nil.
  public static func number(_ value: Double?) -> String {
    guard let value else { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// The number a field written by ``number(_:)`` holds: decimal digits, sign, point and
  /// exponent only (no `nan`, `inf` or hexadecimal, which `Double.init` would accept), finite.
  public static func finiteNumber<S: StringProtocol>(_ field: S) -> Double? {
    guard !field.isEmpty, field.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x45 || $0 == 0x65 }),
      let value = Double(String(field)), value.isFinite
    else { return nil }
    return value
  }

  static func line(_ fields: [String]) -> String {
    fields.map { field in
      field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: ",") + "\n"
  }
}
