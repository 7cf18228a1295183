/// Handles the events of one model; the engine calls it once per event, in time order.
public protocol EventHandler<Event> {
  /// The model's event payload type.
  associatedtype Event

  /// Reacts to `event`, which fires at `simulation.now`, typically by changing model state and
  /// scheduling further events. A thrown error stops the run (see `Simulation.run`).
  mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) throws
}

/// A discrete-event simulation: a clock and a future-event list, generic over the payload.
///
/// Time is a `Double` in whatever unit the model chooses (policysim's model uses days).
///
/// **Order.** Events fire by time, then by ``EventPriority`` (lower first), then in scheduling
/// order. **Horizon rule.** `run(until: h)` fires every event with time ≤ h (events exactly at
/// the horizon do fire), then sets the clock to h; later events stay pending, so a run can be
/// resumed with a later horizon.
public struct Simulation<Event> {
  /// The current simulation time; set to an event's time before its handler runs.
  public var now: Double { clock }
  /// The number of events fired so far.
  public var eventsFired: Int { fired }
  @usableFromInline var clock: Double
  @usableFromInline var fired: Int = 0
  @usableFromInline var stopRequested = false
  @usableFromInline var pending = FutureEventList<Event>()

  /// Creates a simulation whose clock starts at `start`.
  public init(start: Double = 0) { self.clock = start }

  /// The number of pending (not cancelled) events.
  public var pendingCount: Int { pending.count }

  /// Schedules `event` at absolute time `time`, which must not be in the past.
  @inlinable @discardableResult
  public mutating func schedule(
    _ event: Event, at time: Double, priority: EventPriority = .normal
  ) -> EventHandle {
    precondition(time >= now, "cannot schedule at \(time), before now (\(now))")
    return pending.insert(event, at: time, priority: priority)
  }

  /// Schedules `event` after `delay` ≥ 0 time units.
  @inlinable @discardableResult
  public mutating func schedule(
    _ event: Event, after delay: Double, priority: EventPriority = .normal
  ) -> EventHandle {
    schedule(event, at: now + delay, priority: priority)
  }

  /// Cancels a pending event; returns false when it already fired or was cancelled.
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool { pending.cancel(handle) }

  /// Ends the current `run` after the handler that calls this returns; the clock stays at that
  /// event's time and later events stay pending.
  public mutating func stop() { stopRequested = true }

  /// Fires events in order until none is left at or before `horizon`, then sets the clock to
  /// `horizon`; or until a handler calls `stop()`.
  /// - Throws: ``SimulationError`` wrapping the first error a handler throws, with the time;
  ///   the clock stays at that event's time.
  @inlinable
  public mutating func run<Handler: EventHandler>(
    until horizon: Double, handler: inout Handler
  ) throws where Handler.Event == Event {
    stopRequested = false
    while let (time, event) = pending.popFirst(notAfter: horizon) {
      clock = time
      fired &+= 1
      do {
        try handler.handle(event, in: &self)
      } catch {
        throw SimulationError(time: time, event: String(describing: event), underlying: error)
      }
      if stopRequested { return }
    }
    if horizon > clock { clock = horizon }
  }
}

/// A handler failed; carries the simulation time and the event being handled.
public struct SimulationError: Error, CustomStringConvertible {
  /// The time of the failing event.
  public let time: Double
  /// A description of the failing event.
  public let event: String
  /// The handler's error.
  public let underlying: any Error

  @usableFromInline
  init(time: Double, event: String, underlying: any Error) {
    self.time = time
    self.event = event
    self.underlying = underlying
  }

  public var description: String { "at time \(time), handling \(event): \(underlying)" }
}
