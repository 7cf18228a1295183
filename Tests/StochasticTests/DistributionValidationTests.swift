import Stochastic
import Testing

@Test("invalid parameters are refused with the parameter, expectation and value")
func invalidParameters() {
  func message(_ body: () throws -> Distribution) -> String? {
    do {
      _ = try body()
      return nil
    } catch { return "\(error)" }
  }
  #expect(message { try .normal(mean: 1, standardDeviation: 0) } == "sd: expected a number > 0, found 0")
  #expect(message { try .lognormal(median: -5, sigma: 0.5) } == "median: expected a number > 0, found -5")
  #expect(message { try .beta(mean: 1.2, standardDeviation: 0.1) } == "mean: expected a number in (0, 1), found 1.2")
  #expect(message { try .beta(mean: 0.5, standardDeviation: 0.6) } == "sd: expected a number in (0, 0.5) for mean 0.5, found 0.6")
  #expect(message { try .triangular(lower: 1, mode: 5, upper: 3) } == "mode: expected a number in [min, max] = [1, 3], found 5")
  #expect(message { try .uniform(lower: 2, upper: 2) } == "max: expected a number greater than min (2), found 2")
  #expect(message { try .bernoulli(probability: 1.5) } == "p: expected a probability in [0, 1], found 1.5")
  #expect(message { try .binomial(trials: 2.5, probability: 0.5) } == "n: expected a whole number in [0, 4294967295], found 2.5")
  #expect(message { try .exponential(mean: .nan) } == "mean: expected a finite number, found nan")
  #expect(message { try .discrete(values: [1, 2], weights: [1]) } == "weights: expected 2 weights, one per value, found 1")
  #expect(message { try .gamma(shape: 2, scale: 1) } == nil)
}
