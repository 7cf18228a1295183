import Foundation
import PolicySimIO
import Stochastic
import Testing

private func decode(_ text: String) throws -> Distribution {
  try DistributionSpec.decode(
    JSONValue.parse(Data(text.utf8)), at: JSONPath(parsing: "$.domestic.yield")!, file: "x.json")
}

private func message(_ text: String) -> String? {
  do {
    _ = try decode(text)
    return nil
  } catch { return "\(error)" }
}

@Test("a number is a constant; objects give the named family with its parameters")
func decodesFamilies() throws {
  #expect(try decode("0.4") == Distribution.constant(value: 0.4))
  #expect(try decode(#"{"dist":"lognormal","median":120000,"sigma":0.6,"source":"CNAS"}"#)
    == Distribution.lognormal(median: 120_000, sigma: 0.6))
  #expect(try decode(#"{"dist":"beta","mean":0.4,"sd":0.1}"#) == Distribution.beta(mean: 0.4, standardDeviation: 0.1))
  #expect(try decode(#"{"dist":"triangular","min":2,"mode":2.9,"max":3}"#) == Distribution.triangular(lower: 2, mode: 2.9, upper: 3))
  #expect(try decode(#"{"dist":"discrete","values":[1,2],"weights":[3,1]}"#).mean == 1.25)
}

@Test("bad parameters give one line with file, JSON path, expectation and value")
func errorMessages() {
  #expect(message(#"{"dist":"triangular","min":0.2,"mode":0.5,"max":1.7,"source":"x"}"#) == nil)
  #expect(message(#"{"dist":"triangular","min":0.2,"mode":1.9,"max":1.7}"#)
    == "x.json: error: at $.domestic.yield.mode: expected a number in [min, max] = [0.2, 1.7], found 1.9")
  #expect(message(#"{"dist":"lognormal","median":100,"sigmaa":0.5}"#)
    == #"x.json: error: at $.domestic.yield: unknown key "sigmaa" for a lognormal distribution; did you mean "sigma"?"#)
  #expect(message(#"{"dist":"lognormel","median":100,"sigma":0.5}"#)
    == #"x.json: error: at $.domestic.yield.dist: expected one of bernoulli, beta, binomial, constant, discrete, exponential, gamma, lognormal, normal, pert, poisson, triangular, truncatedNormal, uniform, weibull, found "lognormel"; did you mean "lognormal"?"#)
  #expect(message(#"{"dist":"lognormal","median":100}"#)
    == "x.json: error: at $.domestic.yield: expected a lognormal distribution with median, sigma or mean, sd, found median")
  #expect(message(#"{"dist":"normal","mean":"high","sd":1}"#)
    == #"x.json: error: at $.domestic.yield.mean: expected a number, found "high""#)
  #expect(message(#""high""#)
    == #"x.json: error: at $.domestic.yield: expected a number or a distribution object, found "high""#)
  #expect(message(#"{"dist":"beta","mean":0.5,"sd":0.7}"#)
    == "x.json: error: at $.domestic.yield.sd: expected a number in (0, 0.5) for mean 0.5, found 0.7")
}
