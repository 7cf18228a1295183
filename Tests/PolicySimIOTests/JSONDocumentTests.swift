import Foundation
import PolicySimIO
import Testing

private func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

@Test("numbers, booleans, strings, arrays and objects parse to their JSON kinds")
func parsesKinds() throws {
  let value = try json(#"{"a": 1, "b": true, "c": [0, 1.5, "x", null], "d": false}"#)
  #expect(value == .object([
    "a": .number(1), "b": .bool(true), "d": .bool(false),
    "c": .array([.number(0), .number(1.5), .string("x"), .null]),
  ]))
}

@Test("a syntax error reports its line and column")
func syntaxErrorLocation() {
  #expect {
    _ = try json("{\n  \"a\": [1, 2,, 3]\n}")
  } throws: { error in
    guard let error = error as? JSONSyntaxError else { return false }
    return error.line == 2 && error.column > 1
  }
}

@Test("merge patch follows RFC 7396 (its appendix examples)")
func mergePatch() throws {
  let cases: [(String, String, String)] = [
    (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
    (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
    (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
    (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
    (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
    (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
    (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
    (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
    (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
    (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
    (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
  ]
  for (target, patch, expected) in cases {
    #expect(try json(target).merged(with: json(patch)) == json(expected), "\(target) + \(patch)")
  }
}

@Test("a distribution object replaces the base value whole instead of merging into it")
func distributionReplaces() throws {
  let base = try json(#"{"x":{"dist":"lognormal","median":1.6,"sigma":0.2},"y":{"a":1}}"#)
  let patched = base.merged(with: try json(#"{"x":{"dist":"beta","alpha":2,"beta":3},"y":{"b":2}}"#))
  #expect(patched == (try json(#"{"x":{"dist":"beta","alpha":2,"beta":3},"y":{"a":1,"b":2}}"#)))
}

@Test("JSON paths parse, print and address values; set refuses paths that do not exist")
func paths() throws {
  let path = try #require(JSONPath(parsing: "$.grayMarket.channels[0].seizureProbability"))
  #expect(path.description == "$.grayMarket.channels[0].seizureProbability")
  #expect(JSONPath(parsing: "grayMarket.channels") == nil)
  #expect(JSONPath(parsing: "$.channels[x]") == nil)
  var document = try json(#"{"grayMarket": {"channels": [{"seizureProbability": 0.1}]}}"#)
  try document.set(.number(0.3), at: path)
  #expect(document[path] == .number(0.3))
  #expect {
    try document.set(.number(1), at: JSONPath(parsing: "$.grayMarket.chanels[0]")!)
  } throws: { error in
    (error as? JSONPathError)?.description == "at $.grayMarket.chanels: no such key (keys here: channels)"
  }
  #expect {
    try document.set(.number(1), at: JSONPath(parsing: "$.grayMarket.channels[3]")!)
  } throws: { error in
    (error as? JSONPathError)?.description == "at $.grayMarket.channels[3]: index out of range (the array has 1)"
  }
}
