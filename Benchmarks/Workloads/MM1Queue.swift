import DiscreteEvent
import Stochastic

/// An M/M/1 queue (Poisson arrivals, exponential service, one FIFO server): the engine's
/// analytic check (mean time in system 1/(μ−λ)) and its first benchmark workload.
public struct MM1Queue: EventHandler {
  public enum Event { case arrival, departure }

  /// Arrival rate λ and service rate μ.
  public let arrivalRate: Double, serviceRate: Double
  /// Stop after this many departures.
  public let departureLimit: Int
  /// Each customer's time in system.
  public private(set) var timeInSystem = Tally()
  /// The number in system over time (for Little's law, L = λW).
  public private(set) var numberInSystem = TimeWeightedLevel()
  /// Arrivals so far.
  public private(set) var arrivals = 0

  private let meanInterarrival: Double, meanService: Double
  private var arrivalTimes: [Double] = []
  private var head = 0
  private let interarrival: RandomStream
  private let service: RandomStream

  /// A queue whose two streams derive from `seed`.
  public init(arrivalRate: Double, serviceRate: Double, departureLimit: Int, seed: UInt64) {
    self.arrivalRate = arrivalRate
    self.serviceRate = serviceRate
    self.departureLimit = departureLimit
    meanInterarrival = 1 / arrivalRate
    meanService = 1 / serviceRate
    interarrival = RandomStream(master: seed, replication: 0, stream: "arrivals")
    service = RandomStream(master: seed, replication: 0, stream: "service")
    arrivalTimes.reserveCapacity(1024)
  }

  /// Runs to the departure limit; returns the simulation (clock and event count).
  public mutating func run() throws -> Simulation<Event> {
    var simulation = Simulation<Event>()
    simulation.schedule(.arrival, after: interarrival.exponential(mean: meanInterarrival))
    try simulation.run(until: .infinity, handler: &self)
    return simulation
  }

  public mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) {
    let now = simulation.now
    switch event {
    case .arrival:
      arrivals += 1
      arrivalTimes.append(now)
      numberInSystem.record(Double(arrivalTimes.count - head), at: now)
      if arrivalTimes.count - head == 1 {
        simulation.schedule(.departure, after: service.exponential(mean: meanService))
      }
      simulation.schedule(.arrival, after: interarrival.exponential(mean: meanInterarrival))
    case .departure:
      timeInSystem.record(now - arrivalTimes[head])
      head += 1
      if head > 4096 && head * 2 > arrivalTimes.count {
        arrivalTimes.removeFirst(head)
        head = 0
      }
      numberInSystem.record(Double(arrivalTimes.count - head), at: now)
      if timeInSystem.count == departureLimit {
        simulation.stop()
      } else if arrivalTimes.count > head {
        simulation.schedule(.departure, after: service.exponential(mean: meanService))
      }
    }
  }
}
