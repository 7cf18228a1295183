import Experiments
import Stochastic
import Testing

/// `count` runs of `dimensions` parameters uniform on [0, 1), `values[parameter][run]`.
private func uniformRuns(_ count: Int, dimensions: Int, seed: UInt64) -> [[Double]] {
  let stream = RandomStream(master: seed, replication: 0, stream: "prim")
  let runs = (0..<count).map { _ in (0..<dimensions).map { _ in stream.uniform() } }
  return (0..<dimensions).map { parameter in runs.map { $0[parameter] } }
}

/// The planted box: 0.2 ≤ x0 ≤ 0.6 and x1 ≥ 0.7 (mass 0.12); the other parameters are noise.
private func inPlantedBox(_ values: [[Double]], _ run: Int) -> Bool {
  (0.2...0.6).contains(values[0][run]) && values[1][run] >= 0.7
}

/// Runs in `values` inside the planted box, with a share `flipped` of all labels flipped.
private func plantedLabels(_ values: [[Double]], flipped: Double, seed: UInt64) -> [Bool] {
  let flips = RandomStream(master: seed, replication: 0, stream: "flips")
  return values[0].indices.map { inPlantedBox(values, $0) != flips.bernoulli(flipped) }
}

@Test("PRIM recovers a planted box: the right parameters, bounds within 0.03, and nothing else restricted")
func plantedBoxRecovered() throws {
  let values = uniformRuns(2_000, dimensions: 5, seed: 1)
  let trajectory = PRIM(values: values, interesting: plantedLabels(values, flipped: 0, seed: 1)).peelingTrajectory()
  // Without noise peeling stops at the first box holding only runs of interest.
  let box = trajectory.last!
  #expect(PRIM.selection(in: trajectory, threshold: 1) == trajectory.count - 1)
  #expect(box.restricted == [0, 1])
  #expect(abs(box.lower[0] - 0.2) < 0.03 && abs(box.upper[0] - 0.6) < 0.03 && abs(box.lower[1] - 0.7) < 0.03, "\(box)")
  #expect(box.upper[1] == values[1].max()!)
  #expect(box.density == 1 && box.coverage >= 0.85)
}

@Test("PRIM recovers a planted box when 10% of the labels are flipped at random", arguments: [2, 3] as [UInt64])
func plantedBoxWithNoise(seed: UInt64) throws {
  let values = uniformRuns(4_000, dimensions: 6, seed: seed)
  let trajectory = PRIM(values: values, interesting: plantedLabels(values, flipped: 0.1, seed: seed)).peelingTrajectory()
  // Inside the planted box 90% of runs are of interest: the first box that dense is close to it.
  let box = trajectory[try #require(PRIM.selection(in: trajectory, threshold: 0.85))]
  #expect(box.restricted == [0, 1])
  #expect(abs(box.lower[0] - 0.2) < 0.05 && abs(box.upper[0] - 0.6) < 0.05 && abs(box.lower[1] - 0.7) < 0.05, "\(box)")
}

@Test("with no structure, no box is claimed: densities stay near the base rate, none reaches 0.8")
func noStructureNoBox() {
  let values = uniformRuns(2_000, dimensions: 8, seed: 3)
  let labels = RandomStream(master: 3, replication: 0, stream: "labels")
  let interesting = values[0].indices.map { _ in labels.bernoulli(0.3) }
  let trajectory = PRIM(values: values, interesting: interesting).peelingTrajectory()
  let base = trajectory[0].density
  #expect(abs(base - 0.3) < 0.03)
  #expect(PRIM.selection(in: trajectory, threshold: 0.8) == nil)
  #expect(trajectory.map(\.density).max()! < base + 0.15, "\(trajectory.map(\.density))")
}

@Test("peeling removes about alpha of the box at each step and stops at the minimum mass")
func peelingSteps() {
  let values = uniformRuns(1_000, dimensions: 3, seed: 4)
  let interesting = values[0].indices.map { values[2][$0] > 0.5 && values[0][$0] > 0.3 }
  for (alpha, minimum) in [(0.05, 0.05), (0.1, 0.2)] {
    let trajectory = PRIM(values: values, interesting: interesting, options: .init(peelAlpha: alpha, minimumMass: minimum)).peelingTrajectory()
    #expect(trajectory[0].mass == 1 && trajectory[0].restricted.isEmpty && trajectory[0].coverage == 1)
    for (old, new) in zip(trajectory, trajectory.dropFirst()) {
      let removed = Double(old.runs - new.runs) / Double(old.runs)
      #expect(removed > 0 && removed <= alpha + 2.0 / Double(old.runs), "removed \(removed) of \(old.runs)")
      #expect(new.density > old.density)
    }
    #expect(trajectory.allSatisfy { $0.mass >= minimum })
    #expect(trajectory.count > 5)
  }
}

@Test("tied values are never split: a 0/1 parameter is cut halfway between its two values")
func tiesAreKeptTogether() {
  let switchOn = (0..<200).map { Double($0 % 2) }
  let noise = (0..<200).map { Double(($0 * 37) % 200) / 200 }
  let interesting = switchOn.map { $0 == 1 }
  let trajectory = PRIM(values: [noise, switchOn], interesting: interesting, options: .init(peelAlpha: 0.1)).peelingTrajectory()
  let box = trajectory.last!
  #expect(box.restricted == [1] && box.lower[1] == 0.5 && box.density == 1 && box.coverage == 1)
}

@Test("pasting widens a box peeled into the noise and never lowers its density")
func pastingWidens() {
  let values = uniformRuns(2_000, dimensions: 3, seed: 2)
  let prim = PRIM(values: values, interesting: plantedLabels(values, flipped: 0.1, seed: 2))
  let peeled = prim.peelingTrajectory().last!
  let pasted = prim.pasted(peeled)
  #expect(pasted.runs > peeled.runs && pasted.coverage > peeled.coverage, "\(peeled)")
  #expect(pasted.density >= peeled.density)
  #expect(zip(pasted.lower, peeled.lower).allSatisfy { $0 <= $1 } && zip(pasted.upper, peeled.upper).allSatisfy { $0 >= $1 })
}

@Test("a peel is chosen by the gain in density per run removed, not by the gain alone")
func lenientObjective() {
  // 100 runs, 40 of interest. Peeling x0's lowest 5 runs (none of interest) raises the density
  // from 0.4 to 0.421: 0.0042 a run. Peeling x1's 20 tied zeros (2 of interest) raises it more,
  // to 0.475, but by only 0.00375 a run. Every upper peel removes runs of interest.
  let runs = 0..<100
  let x0 = runs.map(Double.init)
  let x1 = runs.map { (5..<25).contains($0) ? 0 : Double(100 + $0) }
  let interesting = runs.map { [5, 6].contains($0) || (25..<58).contains($0) || $0 >= 95 }
  #expect(interesting.filter { $0 }.count == 40)
  let trajectory = PRIM(values: [x0, x1], interesting: interesting).peelingTrajectory()
  #expect(trajectory[1].restricted == [0] && trajectory[1].runs == 95, "\(trajectory[1])")
}

@Test("quasi-p-values tell the planted restrictions (below 1e-6) from those peeled into the noise (above 0.05)", arguments: [3, 4] as [UInt64])
func quasiPValues(seed: UInt64) {
  let values = uniformRuns(2_000, dimensions: 8, seed: seed)
  let prim = PRIM(values: values, interesting: plantedLabels(values, flipped: 0.1, seed: seed))
  let last = prim.peelingTrajectory().last!  // peeled on, past the planted box, to the minimum mass
  #expect(last.restricted.count > 2 && Array(last.restricted.prefix(2)) == [0, 1], "\(last.restricted)")
  let significance = zip(last.restricted, prim.quasiPValues(of: last))
  #expect(significance.allSatisfy { $0.0 < 2 ? $0.1 < 1e-6 : $0.1 > 0.05 }, "\(Array(significance))")
}

@Test("with no structure, no restriction of the last box is significant at 1%")
func quasiPValuesWithoutStructure() {
  let values = uniformRuns(2_000, dimensions: 8, seed: 3)
  let labels = RandomStream(master: 3, replication: 0, stream: "labels")
  let prim = PRIM(values: values, interesting: values[0].indices.map { _ in labels.bernoulli(0.3) })
  let last = prim.peelingTrajectory().last!
  let pValues = prim.quasiPValues(of: last)
  #expect(!pValues.isEmpty && pValues.allSatisfy { $0 > 0.01 }, "\(pValues)")
}
