import DiscreteEvent
import Stochastic
import Testing

/// Records every event it is handed, with the time it fired.
struct Recorder: EventHandler {
  var log: [(time: Double, label: String)] = []
  var onFire: (String, inout Simulation<String>) -> Void = { _, _ in }

  mutating func handle(_ event: String, in simulation: inout Simulation<String>) throws {
    log.append((simulation.now, event))
    onFire(event, &simulation)
  }
}

@Test("equal-time events fire by priority, then in scheduling order")
func equalTimeOrder() throws {
  var simulation = Simulation<String>()
  simulation.schedule("normal-1", at: 5)
  simulation.schedule("late", at: 5, priority: .late)
  simulation.schedule("normal-2", at: 5)
  simulation.schedule("early", at: 5, priority: .early)
  simulation.schedule("first", at: 4)
  simulation.schedule("normal-3", at: 5)
  var recorder = Recorder()
  try simulation.run(until: 10, handler: &recorder)
  #expect(recorder.log.map(\.label) == ["first", "early", "normal-1", "normal-2", "normal-3", "late"])
}

@Test("events inserted in shuffled order fire in time order")
func shuffledInsertsFireSorted() throws {
  let stream = RandomStream(seed: 17)
  var simulation = Simulation<String>()
  var times: [Double] = []
  for i in 0..<5_000 {
    let time = Double(stream.uniformInteger(below: 500))  // many ties
    times.append(time)
    simulation.schedule("\(i)", at: time)
  }
  var recorder = Recorder()
  try simulation.run(until: 1_000, handler: &recorder)
  #expect(recorder.log.map(\.time) == times.sorted())
  // Ties keep scheduling order.
  for (a, b) in zip(recorder.log, recorder.log.dropFirst()) where a.time == b.time {
    #expect(Int(a.label)! < Int(b.label)!)
  }
}

@Test("a cancelled event never fires; cancelling twice or after firing reports false")
func cancellation() throws {
  var simulation = Simulation<String>()
  let keep = simulation.schedule("keep", at: 1)
  let drop = simulation.schedule("drop", at: 2)
  simulation.schedule("also", at: 3)
  let first = simulation.cancel(drop)
  let second = simulation.cancel(drop)
  #expect(first && !second)
  #expect(simulation.pendingCount == 2)
  var recorder = Recorder()
  try simulation.run(until: 10, handler: &recorder)
  #expect(recorder.log.map(\.label) == ["keep", "also"])
  let afterFiring = simulation.cancel(keep)
  #expect(!afterFiring)
}

@Test("horizon rule: events exactly at the horizon fire, later ones stay pending")
func horizonRule() throws {
  var simulation = Simulation<String>()
  simulation.schedule("before", at: 9.5)
  simulation.schedule("at", at: 10)
  simulation.schedule("after", at: 10.000001)
  var recorder = Recorder()
  try simulation.run(until: 10, handler: &recorder)
  #expect(recorder.log.map(\.label) == ["before", "at"])
  #expect(simulation.now == 10)
  #expect(simulation.pendingCount == 1)
  try simulation.run(until: 20, handler: &recorder)
  #expect(recorder.log.map(\.label) == ["before", "at", "after"])
  #expect(simulation.now == 20)
}

@Test("events scheduled by handlers at the current time still fire in this run")
func schedulingAtNow() throws {
  var simulation = Simulation<String>()
  simulation.schedule("a", at: 1)
  var recorder = Recorder()
  recorder.onFire = { label, simulation in
    if label == "a" { simulation.schedule("b", after: 0) }
  }
  try simulation.run(until: 1, handler: &recorder)
  #expect(recorder.log.map(\.label) == ["a", "b"])
}

@Test("a throwing handler stops the run with the event's time and description")
func handlerErrorsCarryContext() {
  struct Failing: EventHandler {
    struct Boom: Error {}
    mutating func handle(_ event: String, in simulation: inout Simulation<String>) throws {
      if event == "bad" { throw Boom() }
    }
  }
  var simulation = Simulation<String>()
  simulation.schedule("ok", at: 1)
  simulation.schedule("bad", at: 2.5)
  simulation.schedule("never", at: 3)
  var handler = Failing()
  #expect {
    try simulation.run(until: 10, handler: &handler)
  } throws: { error in
    guard let error = error as? SimulationError else { return false }
    return error.time == 2.5 && error.event == "bad"
  }
  #expect(simulation.pendingCount == 1)
}

@Test("time-weighted level and tally statistics match hand computation")
func statistics() {
  var level = TimeWeightedLevel(level: 2, at: 0)
  level.record(4, at: 1)  // 2 for 1 unit
  level.record(0, at: 4)  // 4 for 3 units
  // then 0 for 1 unit: average (2 + 12 + 0) / 5
  #expect(level.timeAverage(until: 5) == 14.0 / 5)
  #expect(level.minimum == 0 && level.maximum == 4)
  var tally = Tally()
  for value in [2.0, 4, 4, 4, 5, 5, 7, 9] { tally.record(value) }
  #expect(tally.mean == 5)
  #expect(abs(tally.variance! - 32.0 / 7) < 1e-12)
}
