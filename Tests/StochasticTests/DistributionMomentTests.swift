import Foundation
import Stochastic
import Testing

/// Every family the scenario format offers, with parameters typical of policysim's use.
let families: [(name: String, distribution: Distribution)] = [
  ("uniform", try! .uniform(lower: 2, upper: 5)),
  ("normal", try! .normal(mean: 3, standardDeviation: 2)),
  ("truncatedNormal", try! .truncatedNormal(mean: 5, standardDeviation: 1.5, lower: 2, upper: 6)),
  ("truncatedNormal upper tail", try! .truncatedNormal(mean: 0, standardDeviation: 1, lower: 2)),
  ("lognormal median", try! .lognormal(median: 120_000, sigma: 0.6)),
  ("lognormal mean", try! .lognormal(mean: 10, standardDeviation: 4)),
  ("beta", try! .beta(alpha: 4, beta: 6)),
  ("beta mean", try! .beta(mean: 0.1, standardDeviation: 0.065)),
  ("gamma", try! .gamma(shape: 2.5, scale: 0.016)),
  ("gamma mean", try! .gamma(mean: 0.04, standardDeviation: 0.02)),
  ("exponential", try! .exponential(mean: 3)),
  ("triangular", try! .triangular(lower: 10, mode: 13, upper: 14)),
  ("pert", try! .pert(lower: 15_000, mode: 30_000, upper: 50_000)),
  ("weibull", try! .weibull(scale: 2, shape: 1.5)),
  ("poisson", try! .poisson(mean: 20)),
  ("binomial", try! .binomial(trials: 80, probability: 0.4)),
  ("bernoulli", try! .bernoulli(probability: 0.2)),
  ("discrete", try! .discrete(values: [1, 2, 5], weights: [0.5, 0.3, 0.2])),
]

@Test("sample mean is within 4 standard errors of the closed-form mean", arguments: families)
func sampleMeanMatches(name: String, distribution: Distribution) {
  let n = 200_000
  let stream = RandomStream(master: 7, replication: 0, stream: name)
  var sum = 0.0
  for _ in 0..<n { sum += distribution.sample(using: stream) }
  let standardError = (distribution.variance / Double(n)).squareRoot()
  #expect(abs(sum / Double(n) - distribution.mean) < 4 * standardError, "\(name)")
}

@Test("sample variance is within 5% of the closed-form variance", arguments: families)
func sampleVarianceMatches(name: String, distribution: Distribution) {
  let n = 200_000
  let stream = RandomStream(master: 11, replication: 0, stream: name)
  let values = (0..<n).map { _ in distribution.sample(using: stream) }
  let mean = values.reduce(0, +) / Double(n)
  let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
  #expect(abs(variance / distribution.variance - 1) < 0.05, "\(name): \(variance)")
}

@Test(
  "continuous samples pass a Kolmogorov–Smirnov test against GSL's CDF at α = 0.001",
  arguments: families.filter { $0.distribution.isContinuous })
func kolmogorovSmirnov(name: String, distribution: Distribution) {
  let n = 20_000
  let stream = RandomStream(master: 3, replication: 1, stream: name)
  let sorted = (0..<n).map { _ in distribution.sample(using: stream) }.sorted()
  var statistic = 0.0
  for (i, x) in sorted.enumerated() {
    let f = distribution.cdf(x)
    statistic = max(statistic, Double(i + 1) / Double(n) - f, f - Double(i) / Double(n))
  }
  // Asymptotic critical value of the one-sample KS statistic at α = 0.001: 1.949 / √n.
  #expect(statistic < 1.949 / Double(n).squareRoot(), "\(name): D = \(statistic)")
}

@Test("a wrong CDF is rejected by the same Kolmogorov–Smirnov check")
func kolmogorovSmirnovHasPower() throws {
  let n = 20_000
  let stream = RandomStream(seed: 5)
  let sampled = try Distribution.normal(mean: 0, standardDeviation: 1)
  let claimed = try Distribution.normal(mean: 0.05, standardDeviation: 1)
  let sorted = (0..<n).map { _ in sampled.sample(using: stream) }.sorted()
  let statistic = sorted.enumerated().map { i, x in
    max(Double(i + 1) / Double(n) - claimed.cdf(x), claimed.cdf(x) - Double(i) / Double(n))
  }.max()!
  #expect(statistic > 1.949 / Double(n).squareRoot())
}

@Test("discrete table draws each value with its probability")
func discreteFrequencies() throws {
  let table = try DiscreteTable(values: [10, 20, 30], weights: [1, 1, 2])
  let stream = RandomStream(seed: 9)
  var counts = [0, 0, 0]
  let n = 100_000
  for _ in 0..<n { counts[table.sampleIndex(using: stream)] += 1 }
  for (count, p) in zip(counts, [0.25, 0.25, 0.5]) {
    let se = (p * (1 - p) / Double(n)).squareRoot()
    #expect(abs(Double(count) / Double(n) - p) < 4 * se)
  }
}
