import Experiments
import Foundation
import Testing

/// Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [-π, π]³, with a = 7 and
/// b = 0.1; its Sobol indices are known in closed form.
private func ishigami(_ x: [Double]) -> Double {
  sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
}

/// The analytic indices (Sobol' & Levitan 1999; SALib's test values).
private let analyticFirst = [0.3139, 0.4424, 0.0]
private let analyticTotal = [0.5576, 0.4424, 0.2437]

@Test("Saltelli/Jansen estimates of the Ishigami function's indices are within 0.03 of the analytic values")
func ishigamiIndices() throws {
  let base = 4_096
  let domain = ParameterDomain.interval(lower: -Double.pi, upper: Double.pi, levels: nil)
  let points = try ExperimentDesign.saltelli(base: base).points(over: [domain, domain, domain], seed: 1)
  let indices = SobolIndices.estimate(outputs: points.map(ishigami), sample: SaltelliSample(base: base, parameters: 3), resamples: 200, seed: 1)
  for i in 0..<3 {
    #expect(abs(indices[i].firstOrder - analyticFirst[i]) < 0.03, "S1[\(i)] = \(indices[i].firstOrder)")
    #expect(abs(indices[i].total - analyticTotal[i]) < 0.03, "ST[\(i)] = \(indices[i].total)")
    #expect(indices[i].firstOrderLow <= indices[i].firstOrder && indices[i].firstOrder <= indices[i].firstOrderHigh)
    #expect(indices[i].totalLow <= indices[i].total && indices[i].total <= indices[i].totalHigh)
    #expect(indices[i].totalHigh - indices[i].totalLow < 0.1)
  }
}

@Test("a constant output has undefined (NaN) indices rather than a division by zero")
func constantOutput() {
  let sample = SaltelliSample(base: 4, parameters: 2)
  let indices = SobolIndices.estimate(outputs: Array(repeating: 1, count: sample.pointCount), sample: sample, resamples: 10, seed: 1)
  #expect(indices.allSatisfy { $0.firstOrder.isNaN && $0.total.isNaN && $0.firstOrderLow.isNaN && $0.totalHigh.isNaN })
}

@Test("the tornado holds the others at their central value and ranks by swing")
func tornado() throws {
  let points = try ExperimentDesign.grid.points(over: [.values([0, 1, 2]), .values([10, 20]), .values([5, 6, 7])], seed: 1)
  let outputs = points.map { 3 * $0[0] + 0.1 * $0[1] - 20 * $0[2] + $0[0] * $0[2] }
  let effects = try #require(OneAtATimeEffect.tornado(points: points, outputs: outputs))
  #expect(effects.map(\.parameter) == [2, 0, 1])
  // central values x0 = 1, x1 = 10, x2 = 6. Parameter 2 from 5 to 7: f = 3 + 1 - 19 x2 (swing 38);
  // parameter 0 from 0 to 2: f = 9 x0 + 1 - 120 (swing 18); parameter 1: swing 0.1 × 10.
  #expect(effects[0].lowValue == 5 && effects[0].highValue == 7)
  #expect(effects[0].outputAtLow == 4 - 95 && effects[0].outputAtHigh == 4 - 133)
  #expect(effects[1].outputAtLow == -119 && effects[1].outputAtHigh == -101)
  #expect(abs(effects[2].swing - 1) < 1e-12)
  #expect(OneAtATimeEffect.tornado(points: Array(points.dropFirst(2)), outputs: Array(outputs.dropFirst(2))) == nil)
}

@Test("indices do not depend on the output's level: Ishigami + 10⁶ gives the same tight intervals")
func levelInvariance() throws {
  let base = 1_024
  let domain = ParameterDomain.interval(lower: -Double.pi, upper: Double.pi, levels: nil)
  let points = try ExperimentDesign.saltelli(base: base).points(over: [domain, domain, domain], seed: 1)
  let sample = SaltelliSample(base: base, parameters: 3)
  let plain = SobolIndices.estimate(outputs: points.map(ishigami), sample: sample, resamples: 200, seed: 1)
  let shifted = SobolIndices.estimate(outputs: points.map { ishigami($0) + 1e6 }, sample: sample, resamples: 200, seed: 1)
  for i in 0..<3 {
    #expect(abs(plain[i].firstOrder - shifted[i].firstOrder) < 1e-6, "S1[\(i)]")
    #expect(shifted[i].firstOrderHigh - shifted[i].firstOrderLow < 0.2, "S1[\(i)] interval")
  }
}
