// policysim-bench: throughput of the engine and of Monte Carlo replications.
// Build and run in release from the package root: `swift run -c release policysim-bench [--quick]`.
// Compare with the C reference in Benchmarks/reference/ (same workloads, same machine).
import EngineWorkloads
import Experiments
import Foundation
import PolicyModel
import PolicySimIO

let quick = CommandLine.arguments.contains("--quick")
let scale = quick ? 10 : 1
let selected = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }
func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func report(_ name: String, events: Int, seconds: Double, extra: String = "") {
  let rate = Double(events) / seconds
  print(
    "\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) events=\(events) "
      + "seconds=\(String(format: "%.3f", seconds)) events_per_s=\(Int(rate))\(extra)")
}

// (a) M/M/1, λ = 0.9, μ = 1, 1,000,000 departures.
if wanted("mm1") {
var queue = MM1Queue(
  arrivalRate: 0.9, serviceRate: 1, departureLimit: 1_000_000 / scale, seed: 42)
var mm1Events = 0
let mm1Seconds = try seconds { mm1Events = try queue.run().eventsFired }
report(
  "mm1", events: mm1Events, seconds: mm1Seconds,
  extra: " mean_time_in_system=\(String(format: "%.4f", queue.timeInSystem.mean ?? .nan))")

}

// (b) Hold model: 1,000 pending processes, Exp(1) holds, 5,000,000 firings.
if wanted("hold") {
var hold = HoldModel(population: 1_000, meanDelay: 1, firingLimit: 5_000_000 / scale, seed: 42)
var holdEvents = 0
let holdSeconds = try seconds { holdEvents = try hold.run().eventsFired }
report("hold", events: holdEvents, seconds: holdSeconds)
}

// The same hold workload on swift-collections' Heap, to justify the engine's own heap.
if wanted("hold-Heap") {
let heapSeconds = seconds { HeapHold.run(population: 1_000, firings: 5_000_000 / scale) }
report("hold-Heap", events: 5_000_000 / scale, seconds: heapSeconds)
}

// (c) Monte Carlo replications of Scenarios/tier3.json (10,000; --quick 1,000) on 1 thread and
// on every core: replications/s, model events/s, speed-up, and that both give equal results.
if wanted("replications") {
let scenario = try LoadedScenario(file: "Scenarios/tier3.json")
let runs = 10_000 / scale
let cores = ProcessInfo.processInfo.activeProcessorCount
var timings: [Int: Double] = [:]
var outputs: [Int: [ReplicationResult]] = [:]
for threads in Set([1, cores]).sorted() {
  let run = MonteCarloRun(scenario: scenario.model, seed: scenario.seed, runs: runs, threads: threads)
  timings[threads] = try seconds { outputs[threads] = try run.run() }
  let events = outputs[threads]!.reduce(0) { $0 + $1.eventsFired }
  report(
    "reps-\(threads)t", events: events, seconds: timings[threads]!,
    extra: " replications=\(runs) replications_per_s=\(Int(Double(runs) / timings[threads]!))")
}
if cores > 1 {
  print("replications speed-up 1 -> \(cores) threads: \(String(format: "%.2f", timings[1]! / timings[cores]!))x, identical results: \(outputs[1]! == outputs[cores]!)")
}
}
