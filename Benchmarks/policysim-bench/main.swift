// policysim-bench: throughput of the engine and of Monte Carlo replications.
// Build and run in release: `swift run -c release policysim-bench [--quick]`.
// Compare with the C reference in Benchmarks/reference/ (same workloads, same machine).
import EngineWorkloads
import Foundation

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
