/// A location in a JSON document, written `$.grayMarket.channels[0].seizureProbability`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
  /// One step: an object key or an array index.
  public enum Component: Hashable, Sendable {
    case key(String)
    case index(Int)
  }

  public var components: [Component]

  /// The document root, `$`.
  public static let root = JSONPath(components: [])

  public init(components: [Component]) { self.components = components }

  /// Parses `$.a.b[2].c`; returns nil for anything else (keys are letters, digits and `_`).
  public init?(parsing text: String) {
    guard text.hasPrefix("$") else { return nil }
    var components: [Component] = []
    var rest = Substring(text.dropFirst())
    while !rest.isEmpty {
      if rest.hasPrefix(".") {
        let key = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !key.isEmpty else { return nil }
        components.append(.key(String(key)))
        rest = rest.dropFirst(1 + key.count)
      } else if rest.hasPrefix("[") {
        let digits = rest.dropFirst().prefix { $0.isNumber }
        guard !digits.isEmpty, let index = Int(digits), rest.dropFirst(1 + digits.count).hasPrefix("]")
        else { return nil }
        components.append(.index(index))
        rest = rest.dropFirst(2 + digits.count)
      } else {
        return nil
      }
    }
    self.components = components
  }

  /// This path extended by one key.
  public func appending(_ key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }

  /// This path extended by one index.
  public func appending(_ index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

  public var description: String {
    components.reduce("$") { text, component in
      switch component {
      case .key(let key): return text + "." + key
      case .index(let index): return text + "[\(index)]"
      }
    }
  }
}

/// A `--set PATH=VALUE` override could not be applied.
public struct JSONPathError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let problem: String
  public var description: String { "at \(path): \(problem)" }
}

extension JSONValue {
  /// The value at `path`, or nil when any step is missing.
  public subscript(path: JSONPath) -> JSONValue? {
    var current = self
    for component in path.components {
      switch (component, current) {
      case (.key(let key), .object(let members)):
        guard let next = members[key] else { return nil }
        current = next
      case (.index(let index), .array(let items)):
        guard items.indices.contains(index) else { return nil }
        current = items[index]
      default:
        return nil
      }
    }
    return current
  }

  /// Replaces the value at `path`, which must already exist (so a typo in a path is an error,
  /// not a silently ignored new key).
  public mutating func set(_ value: JSONValue, at path: JSONPath) throws {
    self = try replacing(at: path.components[...], with: value, walked: .root)
  }

  private func replacing(
    at components: ArraySlice<JSONPath.Component>, with value: JSONValue, walked: JSONPath
  ) throws -> JSONValue {
    guard let first = components.first else { return value }
    switch (first, self) {
    case (.key(let key), .object(var members)):
      guard let child = members[key] else {
        let known = members.keys.sorted().joined(separator: ", ")
        throw JSONPathError(path: walked.appending(key).description, problem: "no such key (keys here: \(known))")
      }
      members[key] = try child.replacing(at: components.dropFirst(), with: value, walked: walked.appending(key))
      return .object(members)
    case (.index(let index), .array(var items)):
      guard items.indices.contains(index) else {
        throw JSONPathError(
          path: walked.appending(index).description, problem: "index out of range (the array has \(items.count))")
      }
      items[index] = try items[index].replacing(
        at: components.dropFirst(), with: value, walked: walked.appending(index))
      return .array(items)
    default:
      throw JSONPathError(path: walked.description, problem: "expected an object or array, found \(summary)")
    }
  }
}
