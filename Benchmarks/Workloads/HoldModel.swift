import DiscreteEvent
import Stochastic

/// The classic "hold" model: a fixed population of pending events, each of which, on firing,
/// re-schedules itself after an Exp(mean) delay. It measures the raw cost of the event list.
public struct HoldModel: EventHandler {
  public typealias Event = Int32

  /// Stop after this many firings.
  public let firingLimit: Int
  private let delays: RandomStream
  private let meanDelay: Double
  private let population: Int

  /// A hold model of `population` processes with Exp(`meanDelay`) holds.
  public init(population: Int, meanDelay: Double, firingLimit: Int, seed: UInt64) {
    self.population = population
    self.meanDelay = meanDelay
    self.firingLimit = firingLimit
    delays = RandomStream(master: seed, replication: 0, stream: "hold")
  }

  /// Runs to the firing limit; returns the simulation (clock and event count).
  public mutating func run() throws -> Simulation<Event> {
    var simulation = Simulation<Event>()
    for process in 0..<population {
      simulation.schedule(Int32(process), after: delays.exponential(mean: meanDelay))
    }
    try simulation.run(until: .infinity, handler: &self)
    return simulation
  }

  public mutating func handle(_ event: Int32, in simulation: inout Simulation<Int32>) {
    if simulation.eventsFired >= firingLimit {
      simulation.stop()
    } else {
      simulation.schedule(event, after: delays.exponential(mean: meanDelay))
    }
  }
}
