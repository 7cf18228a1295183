import Experiments
import Stochastic
import Testing

@Test("a grid has one point per combination, the last parameter varying fastest")
func gridCardinality() throws {
  let domains: [ParameterDomain] = [.values([1, 2, 3]), .interval(lower: 0, upper: 1, levels: 5), .values([7, 8])]
  let points = try ExperimentDesign.grid.points(over: domains, seed: 1)
  #expect(points.count == 3 * 5 * 2)
  #expect(Set(points).count == points.count)
  #expect(points[0] == [1, 0, 7] && points[1] == [1, 0, 8] && points[2] == [1, 0.25, 7])
  #expect(points.last == [3, 1, 8])
}

@Test("a Latin hypercube puts exactly one point in each of the n strata of every coordinate", arguments: [1, 7, 64])
func latinHypercubeStratification(count: Int) throws {
  let points = LatinHypercube.unitPoints(count: count, dimension: 4, stream: RandomStream(seed: 42))
  #expect(points.count == count)
  for coordinate in 0..<4 {
    let strata = points.map { Int($0[coordinate] * Double(count)) }
    #expect(strata.sorted() == Array(0..<count), "coordinate \(coordinate)")
  }
}

@Test("design points are a pure function of the spec and seed; the seed moves LHS points")
func designsAreDeterministic() throws {
  let domains: [ParameterDomain] = [.interval(lower: 0.05, upper: 0.5, levels: nil), .values([15_000, 30_000, 60_000])]
  let a = try ExperimentDesign.latinHypercube(points: 20).points(over: domains, seed: 7)
  #expect(a == (try ExperimentDesign.latinHypercube(points: 20).points(over: domains, seed: 7)))
  #expect(a != (try ExperimentDesign.latinHypercube(points: 20).points(over: domains, seed: 8)))
  #expect(a.allSatisfy { (0.05..<0.5).contains($0[0]) && [15_000, 30_000, 60_000].contains($0[1]) })
}

@Test("a Sobol design is GSL's sequence mapped onto the ranges")
func sobolDesign() throws {
  let points = try ExperimentDesign.sobol(points: 3).points(over: [.interval(lower: 10, upper: 20, levels: nil), .values([1, 2, 3, 4])], seed: 1)
  #expect(points == [[15, 3], [17.5, 2], [12.5, 4]])
}

@Test("a Saltelli sample is A, AB^1 … AB^d, B per base row, AB^i taking column i from B")
func saltelliLayout() throws {
  let sample = SaltelliSample(base: 8, parameters: 3)
  let points = try sample.unitPoints()
  #expect(points.count == 8 * 5 && sample.pointCount == 40)
  for row in 0..<8 {
    let a = points[sample.pointA(row)], b = points[sample.pointB(row)]
    #expect(a != b)
    for i in 0..<3 {
      var expected = a
      expected[i] = b[i]
      #expect(points[sample.pointAB(row, parameter: i)] == expected)
    }
  }
  #expect(throws: SobolSequenceError.self) { try SaltelliSample(base: 2, parameters: 21).unitPoints() }
}

@Test("shards partition the points: every point in exactly one shard", arguments: [(1, 10), (4, 10), (3, 2), (7, 100)])
func shardPartition(count: Int, total: Int) {
  let shards = (0..<count).map { Shard(index: $0, count: count)! }
  let all = shards.flatMap { $0.points(among: total) }
  #expect(all.sorted() == Array(0..<total))
  #expect(shards.map { $0.points(among: total).count }.max()! - shards.map { $0.points(among: total).count }.min()! <= 1)
}

@Test("shard text is K/N with 0 <= K < N")
func shardParsing() {
  #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
  #expect(Shard(parsing: "4/4") == nil && Shard(parsing: "1/0") == nil && Shard(parsing: "-1/3") == nil && Shard(parsing: "1") == nil)
}
