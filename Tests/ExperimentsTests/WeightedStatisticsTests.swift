import Experiments
import Foundation
import Stochastic
import Testing

private let probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]

@Test("equal weights give exactly the type-7 quantiles and, at weight 1, the unweighted statistics")
func equalWeightsAreType7() {
  let stream = RandomStream(master: 5, replication: 0, stream: "weighted")
  for size in [1, 2, 3, 17, 200, 2_001] {
    let values = (0..<size).map { _ in exp(10 + stream.gaussian()) }
    for weight in [1, 0.3, 7e-5] {
      let weights = Array(repeating: weight, count: size)
      #expect(WeightedQuantiles.of(values, weights: weights, at: probabilities) == Quantiles.of(values, at: probabilities), "size \(size), weight \(weight)")
    }
    #expect(OutcomeStatistics(values, weights: Array(repeating: 1, count: size)) == OutcomeStatistics(values), "size \(size)")
  }
}

@Test("whole-number weights summing to n give the type-7 quantiles of the replicated sample")
func wholeNumberWeightsReplicate() {
  let stream = RandomStream(master: 6, replication: 0, stream: "replicated")
  for size in [2, 5, 40, 333] {
    let values = (0..<size).map { _ in stream.exponential(mean: 2) }
    var counts = Array(repeating: 0.0, count: size)
    for _ in 0..<size { counts[stream.uniformInteger(below: size)] += 1 }
    let replicated = zip(values, counts).flatMap { Array(repeating: $0, count: Int($1)) }
    #expect(size < 40 || counts.contains(0), "some values carry no weight")
    #expect(WeightedQuantiles.of(values, weights: counts, at: probabilities) == Quantiles.of(replicated, at: probabilities), "size \(size)")
  }
}

@Test("weighted quantiles, mean and sd of a small sample, computed by hand")
func weightedByHand() {
  // Weights rescaled to sum to 4: 0.4, 0.8, 1.2, 1.6; cumulative 0.4, 1.2, 2.4, 4.0. The value
  // at case j is the first whose cumulative weight reaches j + 1: cases 0...3 hold 2, 3, 4, 4.
  let values = [3.0, 1, 4, 2], weights = [0.3, 0.1, 0.4, 0.2]
  #expect(WeightedQuantiles.of(values, weights: weights, at: [0, 0.25, 0.5, 2.0 / 3, 1]) == [2, 2.75, 3.5, 4, 4])
  let s = OutcomeStatistics(values, weights: weights)
  #expect(abs(s.mean - 3) < 1e-12)
  // sum w (x - 3)^2 = 0.1*4 + 0.2*1 + 0 + 0.4*1 = 1.0; W - sum w^2 / W = 1 - 0.3 = 0.7.
  #expect(abs(s.sd - (1.0 / 0.7).squareRoot()) < 1e-12)
}

@Test("all weight on one run puts every quantile on it")
func concentratedWeight() {
  let values = [5.0, 1, 9, 3]
  #expect(WeightedQuantiles.of(values, weights: [0, 0, 1, 0], at: probabilities) == Array(repeating: 9, count: probabilities.count))
  #expect(OutcomeStatistics(values, weights: [0, 0, 1, 0]).sd == 0)
}

@Test("Kish's effective sample size: n for equal weights, 1 for one run, 1.8 for weights 1 and 0.5")
func effectiveSampleSize() {
  #expect(ImportanceWeights(logLikelihoods: Array(repeating: -3, count: 250))!.effectiveSampleSize == 250)
  #expect(ImportanceWeights(logLikelihoods: [-.infinity, 0, -.infinity])!.effectiveSampleSize == 1)
  let pair = ImportanceWeights(logLikelihoods: [-2, -2 - log(2)])!
  #expect(abs(pair.weights[1] - 0.5) < 1e-15 && abs(pair.effectiveSampleSize - 1.8) < 1e-12)
  #expect(ImportanceWeights(logLikelihoods: [-.infinity, -.infinity]) == nil)
  #expect(ImportanceWeights(logLikelihoods: [-1e6, -1e6 - 1])!.weights == [1, exp(-1)], "no underflow far from zero")
}

@Test("mid-rank percentile: 0 below every run, 100 above, ties count half")
func midRank() {
  let runs = [4.0, 1, 3, 2]
  #expect(midRankPercentile(of: 0.5, among: runs) == 0)
  #expect(midRankPercentile(of: 9, among: runs) == 100)
  #expect(midRankPercentile(of: 2.5, among: runs) == 50)
  #expect(midRankPercentile(of: 2, among: runs) == 37.5)
  #expect(midRankPercentile(of: 7, among: [7, 7, 7]) == 50)
}

@Test("lognormal error: sigma from a 90% range, log-likelihood zero at the observation, -inf at 0")
func lognormalError() {
  #expect(abs(LognormalError.sigma(ninetyPercentLow: 1, high: exp(2 * 1.6448536269514722)) - 1) < 1e-12)
  let error = LognormalError(observed: 100, sigma: 0.5)
  #expect(error.logLikelihood(of: 100) == 0)
  #expect(abs(error.logLikelihood(of: 100 * exp(0.5)) + 0.5) < 1e-12, "one sigma away costs 1/2")
  #expect(abs(error.logLikelihood(of: 100 / exp(1.0)) + 2) < 1e-12, "symmetric on the log scale")
  #expect(error.logLikelihood(of: 0) == -.infinity && error.logLikelihood(of: -5) == -.infinity)
}

@Test("grouped lognormal errors: the shared part as an explicit covariance, and a single figure's sigma in quadrature")
func groupedLognormalError() {
  let observed = [100.0, 200, 400], own = [0.3, 0.4, 0.5], shared = 0.25, values = [120.0, 150, 500]
  let error = LognormalError(observed: observed, ownSigma: own, sharedSigma: shared)
  // -r' S^-1 r / 2 by solving S x = r with Gaussian elimination on the explicit 3x3 covariance.
  let r = zip(observed, values).map { log($0) - log($1) }
  var s = (0..<3).map { i in (0..<3).map { j in (i == j ? own[i] * own[i] : 0) + shared * shared } }, x = r
  for pivot in 0..<3 {
    for row in (pivot + 1)..<3 {
      let factor = s[row][pivot] / s[pivot][pivot]
      for column in pivot..<3 { s[row][column] -= factor * s[pivot][column] }
      x[row] -= factor * x[pivot]
    }
  }
  for row in (0..<3).reversed() { x[row] = (x[row] - ((row + 1)..<3).reduce(0) { $0 + s[row][$1] * x[$1] }) / s[row][row] }
  #expect(abs(error.logLikelihood(of: values) + 0.5 * zip(r, x).reduce(0) { $0 + $1.0 * $1.1 }) < 1e-12)
  // Without a shared part the figures are independent; one figure with a shared part adds it in quadrature.
  let independent = LognormalError(observed: observed, ownSigma: own).logLikelihood(of: values)
  let separately = (0..<3).reduce(0.0) { $0 + LognormalError(observed: observed[$1], sigma: own[$1]).logLikelihood(of: values[$1]) }
  #expect(abs(independent - separately) < 1e-12)
  let single = LognormalError(observed: [100], ownSigma: [0.3], sharedSigma: 0.4).logLikelihood(of: [150])
  #expect(abs(single - LognormalError(observed: 100, sigma: 0.5).logLikelihood(of: 150)) < 1e-12)
  #expect(error.logLikelihood(of: [120, 0, 500]) == -.infinity)
}
