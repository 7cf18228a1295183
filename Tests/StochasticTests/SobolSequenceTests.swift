import Stochastic
import Testing

@Test("the Sobol sequence matches the first points GSL's manual prints for gsl_qrng_sobol")
func sobolFirstPoints() throws {
  let sequence = try SobolSequence(dimension: 2)
  let points = (0..<5).map { _ in sequence.next() }
  #expect(points == [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875]])
}

@Test("every 2^k points of a Sobol coordinate fill the 2^k strata of [0, 1) once each")
func sobolBalance() throws {
  let sequence = try SobolSequence(dimension: 40)
  var points = [sequence.next()]  // GSL starts after the zero point, so prepend it
  points = [[Double](repeating: 0, count: 40)] + points + (0..<62).map { _ in sequence.next() }
  for coordinate in [0, 9, 39] {
    #expect(points.map { Int($0[coordinate] * 64) }.sorted() == Array(0..<64), "coordinate \(coordinate)")
  }
}

@Test("a Sobol sequence needs 1 to 40 dimensions", arguments: [0, 41])
func sobolDimensionLimit(dimension: Int) {
  let error = #expect(throws: SobolSequenceError.self) { try SobolSequence(dimension: dimension) }
  #expect(error?.description == "a Sobol sequence needs 1 to 40 dimensions, found \(dimension)")
}
