import Foundation
@testable import PolicySimIO
import Testing

private let path = JSONPath(parsing: "$.x")!

/// The messages `body` reports through a fresh reader, and what it returned.
private func read<T>(_ body: (inout ScenarioReader) -> T?) -> (T?, [String]) {
  var reader = ScenarioReader(file: "s.json")
  let value = body(&reader)
  return (value, reader.issues.map(\.message))
}

@Test("an open-ended number stops at 1e12; an explicit range is left as the caller gave it")
func numberMagnitude() throws {
  #expect(read { $0.number(.number(1e12), at: path, in: 0...(.infinity)) }.0 == 1e12)
  let (tooBig, messages) = read { $0.number(.number(2e12), at: path, in: 0...(.infinity), expected: "a weight >= 0") }
  #expect(tooBig == nil && messages == ["expected a weight >= 0 of magnitude at most 1e12 (policysim's largest number), found 2000000000000"])
  #expect(read { $0.number(.number(-2e12), at: path) }.0 == nil)
  #expect(read { $0.wholeNumber(.number(9e15), at: path, in: 0...9_007_199_254_740_991, expected: "a seed") }.0 == 9_000_000_000_000_000)
}

@Test("a count is a number or distribution with a mean in [0, 1e12] and a finite sd of at most 1e12")
func countBounds() throws {
  #expect(read { $0.count(.number(5e11), at: path) }.0 != nil)
  #expect(read { $0.count(.number(-1), at: path) }.1 == ["expected a count >= 0, found -1"])
  #expect(read { $0.count(.number(2e12), at: path) }.1 == ["expected a count >= 0, found 2000000000000"])
  let heavy = try JSONValue.parse(Data(#"{"dist": "lognormal", "median": 1, "sigma": 6}"#.utf8))
  #expect(read { $0.count(heavy, at: path) }.1 == ["expected a mean and sd of magnitude at most 1e12 (policysim's largest number), found a lognormal distribution with mean 6.57e+07 and sd 4.31e+15"])
  let infinite = try JSONValue.parse(Data(#"{"dist": "weibull", "scale": 1, "shape": 0.001}"#.utf8))
  #expect(read { $0.count(infinite, at: path) }.1 == ["expected a distribution with a finite mean and variance, found a weibull distribution with mean inf and sd nan"])
}
