import Foundation

/// A parsed JSON document: the form scenarios take before they are merged (`extends`),
/// overridden (`--set`) and decoded.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Keys in sorted order are used whenever an object is written, so output never depends on
  /// dictionary order.
  case object([String: JSONValue])

  /// Parses `data` as strict JSON (RFC 8259); a syntax error is reported with its line and
  /// column.
  public static func parse(_ data: Data) throws -> JSONValue {
    try rejectTrailingCommas(in: data)
    let raw: Any
    do {
      raw = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw JSONSyntaxError(data: data, underlying: error)
    }
    return try JSONValue(foundation: raw)
  }

  init(foundation value: Any) throws {
    switch value {
    case is NSNull: self = .null
    case let number as NSNumber:
      // JSON booleans arrive as NSNumber too; they alone have the C type `char` ("c"),
      // integers and reals being "q" and "d".
      if String(cString: number.objCType) == "c" {
        self = .bool(number.boolValue)
      } else {
        self = .number(number.doubleValue)
      }
    case let string as String: self = .string(string)
    case let array as [Any]: self = .array(try array.map(JSONValue.init(foundation:)))
    case let object as [String: Any]:
      self = .object(try object.mapValues(JSONValue.init(foundation:)))
    default:
      throw JSONSyntaxError(line: 1, column: 1, message: "unsupported JSON value \(type(of: value))")
    }
  }

  /// A short description of the value for "found …" in error messages.
  public var summary: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return String(value)
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    case .string(let value): return "\"\(value)\""
    case .array(let items): return "an array of \(items.count)"
    case .object: return "an object"
    }
  }
}

/// Foundation's parser accepts a comma before `]` or `}`, which JSON does not; report it.
private func rejectTrailingCommas(in data: Data) throws {
  var inString = false, escaped = false, pendingComma: Int?
  for (offset, byte) in data.enumerated() {
    if inString {
      if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
      continue
    }
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
    case UInt8(ascii: "]"), UInt8(ascii: "}"):
      if let comma = pendingComma {
        var line = 1, column = 1
        for byte in data.prefix(comma) {
          if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        throw JSONSyntaxError(line: line, column: column, message: "a comma must be followed by another value, found \"\(Character(UnicodeScalar(byte)))\"")
      }
    case UInt8(ascii: ","): pendingComma = offset; continue
    case UInt8(ascii: "\""): inString = true
    default: break
    }
    pendingComma = nil
  }
}

/// A JSON text could not be parsed; carries the 1-based line and column.
public struct JSONSyntaxError: Error, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let message: String

  public var description: String { "\(line):\(column): invalid JSON: \(message)" }

  init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// Turns Foundation's "around character N" into a line and column of `data`.
  init(data: Data, underlying: Error) {
    let text = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      ?? "\(underlying)"
    var offset = data.count
    if let range = text.range(of: #"character (\d+)"#, options: .regularExpression) {
      offset = Int(text[range].dropFirst("character ".count)) ?? offset
    }
    var line = 1, column = 1
    for byte in data.prefix(offset) {
      if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
    }
    self.init(line: line, column: column, message: text)
  }
}
