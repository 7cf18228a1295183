import DiscreteEvent
import EngineWorkloads
import Testing

@Test("M/M/1 (λ=0.9, μ=1) mean time in system is within 3 standard errors of 1/(μ−λ) = 10")
func mm1MeanTimeInSystem() throws {
  // Successive times in system are strongly autocorrelated at ρ = 0.9, so the standard error
  // comes from independent replications, not from one long run.
  var means: [Double] = []
  for seed in 1...20 {
    var queue = MM1Queue(arrivalRate: 0.9, serviceRate: 1, departureLimit: 200_000, seed: UInt64(seed))
    _ = try queue.run()
    means.append(queue.timeInSystem.mean!)
  }
  let grand = means.reduce(0, +) / Double(means.count)
  let sd = (means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(means.count - 1)).squareRoot()
  let standardError = sd / Double(means.count).squareRoot()
  #expect(abs(grand - 10) < 3 * standardError, "mean \(grand), se \(standardError)")
  #expect(standardError < 0.3)
}

@Test("Little's law: time-average number in system equals arrival rate × mean time in system")
func littlesLaw() throws {
  var queue = MM1Queue(arrivalRate: 0.9, serviceRate: 1, departureLimit: 300_000, seed: 99)
  let simulation = try queue.run()
  let l = queue.numberInSystem.timeAverage(until: simulation.now)
  let observedRate = Double(queue.arrivals) / simulation.now
  let w = queue.timeInSystem.mean!
  // Exact up to the customers still in the system at the end (a few out of 300,000).
  #expect(abs(l - observedRate * w) / l < 0.01, "L \(l), λW \(observedRate * w)")
}
