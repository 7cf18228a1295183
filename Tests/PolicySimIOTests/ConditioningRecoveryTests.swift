import Experiments
import Foundation
import PolicySimIO
import Stochastic
import Testing

/// One synthetic experiment with a known answer. Each of `runs` replications draws a monthly
/// rate theta ~ Lognormal(ln 100k, 0.5) and a nuisance factor phi ~ Lognormal(0, 0.3); its
/// outputs over 24 monthly reports from Jan 2024 are the flow theta each month and the stock
/// phi * theta * months. A "true" (theta, phi) drawn from the same prior generates two published
/// figures with lognormal errors matching the error model: the 2024 flow (sigma 0.3, given as a
/// 90% range) and the stock at the end of 2025 (no range, so the default sigma 0.42).
/// Returns the true theta, and theta's prior and conditioned 90% intervals.
private func trial(_ index: Int, runs: Int = 2_000) throws -> (truth: Double, prior: ClosedRange<Double>, posterior: ClosedRange<Double>) {
  let prior = RandomStream(master: 20_261_125, replication: index, stream: "prior")
  let world = RandomStream(master: 20_261_125, replication: index, stream: "truth")
  let draw = { (stream: RandomStream) in (100_000 * exp(0.5 * stream.gaussian()), exp(0.3 * stream.gaussian())) }
  let parameters = (0..<runs).map { _ in draw(prior) }
  let (theta, phi) = draw(world)
  let flow = 12 * theta * exp(0.3 * world.gaussian()), stock = 24 * phi * theta * exp(0.42 * world.gaussian())
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC")!
  let dates = (1...24).map { month -> String in
    let end = calendar.date(byAdding: DateComponents(month: month, day: -1), to: calendar.date(from: DateComponents(year: 2024, month: 1, day: 1))!)!
    let parts = calendar.dateComponents([.year, .month, .day], from: end)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }
  let values = parameters.flatMap { theta, phi in (1...24).flatMap { month in [theta, phi * theta * Double(month)] } }
  let results = PerRunValues(dates: dates, metrics: ["flow", "stock"], runs: runs, values: values)
  let spread = exp(1.6448536269514722 * 0.3)
  let targets = try ValidationTargets(file: "synthetic.json", json: JSONValue.parse(Data(#"""
    {"schemaVersion": 1, "targets": [
      {"id": "F", "measures": "flow in 2024", "published": {"text": "f", "central": \#(flow), "low": \#(flow / spread), "high": \#(flow * spread)},
       "source": "synthetic", "input": false, "window": {"kind": "flow", "metric": "flow", "from": "2024-01-01", "to": "2024-12-31"}, "unit": "u"},
      {"id": "S", "measures": "stock at the end of 2025", "published": {"text": "s", "central": \#(stock)},
       "source": "synthetic", "input": false, "window": {"kind": "stock", "metric": "stock", "date": "2025-12-31"}, "unit": "u"}
    ]}
    """#.utf8)))
  let run = RunManifest(scenarioName: "synthetic", scenarioFile: "", scenarioSHA256: "", seed: 0, runs: runs, toolVersion: "", firstDay: "2024-01-01")
  let conditioning = try Conditioning(run: run, results: results, targets: targets, ids: nil, cutoff: "2025-12-31", defaultSigma: 0.42, location: "synthetic")
  #expect(conditioning.observations.map(\.sigmaSource) == ["range", "default"])
  #expect(abs(conditioning.observations[0].sigma - 0.3) < 1e-12)
  let draws = DrawnParameterValues(parameters: ["theta"], draws: [parameters.enumerated().map { ($0, $1.0) }])
  let theta90 = try #require(conditioning.parameters(draws).first)
  let conditioned = try #require(theta90.conditioned)
  return (theta, theta90.prior.p05...theta90.prior.p95, conditioned.p05...conditioned.p95)
}

/// If the weights are right, a 90% posterior interval covers a truth drawn from the prior with
/// probability 0.9, so over 100 independent trials the count covered is Binomial(100, 0.9):
/// 83...97 holds 98.8% of that distribution (P(X >= 90) is only 0.58, so ">= 90" would fail
/// about as often as a coin lands heads). The intervals must also be much narrower than the
/// prior's, or the figures taught nothing: equal weights (no conditioning) would cover 90%
/// with the prior's width.
@Test("synthetic recovery: the posterior 90% interval of a known parameter covers the truth in 83-97 of 100 trials and is narrower than the prior's")
func syntheticRecovery() throws {
  var covered = 0, widthRatios: [Double] = []
  for index in 0..<100 {
    let (truth, prior, posterior) = try trial(index)
    if posterior.contains(truth) { covered += 1 }
    widthRatios.append(log(posterior.upperBound / posterior.lowerBound) / log(prior.upperBound / prior.lowerBound))
  }
  let meanRatio = widthRatios.reduce(0, +) / Double(widthRatios.count)
  print("synthetic recovery: covered \(covered) of 100; mean posterior/prior log-width \(meanRatio)")
  #expect((83...97).contains(covered), "covered \(covered) of 100")
  // Analytically sd(ln theta | flow) = 1 / sqrt(1/0.5^2 + 1/0.3^2) = 0.26, a ratio of 0.51; the stock
  // figure narrows it further.
  #expect(meanRatio < 0.6, "mean log-width ratio \(meanRatio)")
}
