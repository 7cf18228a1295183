import Foundation
import PolicyModel
import PolicySimIO
import Testing

/// Each lever moved alone, same seed, replication by replication, zero tolerance: a tighter
/// policy never raises what it restricts, more supply never lowers output, a later start never
/// brings more.
@Test("a higher seizure probability never lets more gray-market units arrive", arguments: ["h200-case-by-case.json", "hindcast-2024.json"])
func seizureNeverRaisesArrivals(file: String) throws {
  let base = try Paired.load(file)
  var loose = base, tight = base
  for (index, _) in base.model.grayMarket.enumerated() {
    loose = try Paired.variant(loose, [("$.grayMarket.channels[\(index)].seizureProbability", .number(0.05))])
    tight = try Paired.variant(tight, [("$.grayMarket.channels[\(index)].seizureProbability", .number(0.4))])
  }
  for replication in 0..<Paired.replications {
    let (a, b) = try Paired.pair(loose, tight, replication: replication)
    let arrived = { (r: ReplicationResult, s: LoadedScenario) in Paired.cumulative(Paired.series(r, "acquired_units_gray", in: s)) }
    let violation = Paired.firstViolation(arrived(b, tight), arrived(a, loose))
    #expect(violation == nil, "\(file) replication \(replication): more arrivals with the higher seizure probability in month \(violation ?? -1)")
  }
}

@Test("stricter enforcement (a lower gray-market multiplier) never lets more gray-market units arrive")
func enforcementNeverRaisesArrivals() throws {
  let base = try Paired.load("h200-case-by-case.json")
  let index = base.model.policies.firstIndex { if case .enforcement = $0.change { true } else { false } }!
  let loose = try Paired.variant(base, [("$.policies[\(index)].grayMarketMultiplier", .number(1.0))])
  let tight = try Paired.variant(base, [("$.policies[\(index)].grayMarketMultiplier", .number(0.4))])
  for replication in 0..<Paired.replications {
    let (a, b) = try Paired.pair(loose, tight, replication: replication)
    let violation = Paired.firstViolation(
      Paired.cumulative(Paired.series(b, "acquired_units_gray", in: tight)),
      Paired.cumulative(Paired.series(a, "acquired_units_gray", in: loose)))
    #expect(violation == nil, "replication \(replication): month \(violation ?? -1)")
  }
}

/// An earlier ban of `sku` never brings more imported units, nor more capacity at any date up
/// to which demand has bound in neither run; returns the run-months excepted because demand
/// bound in one of the runs.
private func earlierBan(of sku: String, in file: String, earlier: String, later: String) throws -> (checked: Int, excepted: Int) {
  let base = try Paired.load(file)
  let ban = { (date: String) -> [String: JSONValue] in
    ["date": .string(date), "kind": .string("skuRule"), "sku": .string(sku), "status": .string("banned")]
  }
  let early = try Paired.withPolicy(base, ban(earlier)), late = try Paired.withPolicy(base, ban(later))
  var checked = 0, excepted = 0
  for replication in 0..<Paired.replications {
    let (a, b) = try Paired.pair(early, late, replication: replication)
    func imported(_ r: ReplicationResult, _ s: LoadedScenario) -> [Double] {
      let parts = ["acquired_units_legal", "acquired_units_gray", "acquired_units_gaming"].map { Paired.series(r, $0, in: s) }
      return Paired.cumulative(parts[0].indices.map { month in parts.reduce(0) { $0 + $1[month] } })
    }
    let violation = Paired.firstViolation(imported(a, early), imported(b, late))
    #expect(violation == nil, "\(sku) in \(file), replication \(replication): more imports after the earlier ban, month \(violation ?? -1)")
    let firstBound = Paired.monthsBeforeDemandBinds(a, early, b, late)
    let capacityA = Paired.series(a, "capacity_h100e", in: early), capacityB = Paired.series(b, "capacity_h100e", in: late)
    let capacityViolation = Paired.firstViolation(Array(capacityA[..<firstBound]), Array(capacityB[..<firstBound]))
    #expect(capacityViolation == nil, "\(sku) in \(file), replication \(replication): more capacity after the earlier ban, month \(capacityViolation ?? -1)")
    checked += firstBound
    excepted += capacityA.count - firstBound
  }
  return (checked, excepted)
}

@Test("an earlier ban of any imported SKU never brings more imports, nor more capacity before demand binds", arguments: [
  ("H20", "h20-ban.json", "2025-02-01", "2025-07-01"), ("B40", "baseline.json", "2025-07-01", "2026-03-01"),
  ("H200", "h200-case-by-case.json", "2026-02-01", "2026-09-01"), ("H20", "hindcast-2024.json", "2024-06-01", "2025-01-01"),
  ("RTX4090D", "hindcast-2024.json", "2024-06-01", "2025-01-01"),
])
func earlierBanNeverRaises(sku: String, file: String, earlier: String, later: String) throws {
  let (checked, excepted) = try earlierBan(of: sku, in: file, earlier: earlier, later: later)
  print("earlier \(sku) ban in \(file): capacity compared in \(checked) run-months; \(excepted) excepted (demand bound in a run)")
}

/// More wafer starts never give fewer domestic packages nor fewer domestic paper H100e
/// acquired; with attrition off, never less domestic capacity at any date up to which demand
/// has bound in neither run. Returns the run-months compared and excepted.
///
/// With attrition on, capacity at a late date can dip: when HBM bounds the total, more wafers
/// only bring the same packages forward, and older chips fail and retire sooner (measured in
/// `attritionMovesCapacity`).
private func moreWafers(in base: LoadedScenario, label: String, checkCapacity: Bool) throws -> (checked: Int, excepted: Int) {
  let fewer = try Paired.variant(base, [("$.domestic.waferStarts.level", .number(8_000))])
  let more = try Paired.variant(base, [("$.domestic.waferStarts.level", .number(16_000))])
  var checked = 0, excepted = 0
  for replication in 0..<Paired.replications {
    let (a, b) = try Paired.pair(fewer, more, replication: replication)
    for metric in ["packages", "acquired_h100e_domestic"] {
      let violation = Paired.firstViolation(
        Paired.cumulative(Paired.series(a, metric, in: fewer)), Paired.cumulative(Paired.series(b, metric, in: more)))
      #expect(violation == nil, "\(label) replication \(replication): less cumulative \(metric) with more wafers by month \(violation ?? -1)")
    }
    guard checkCapacity else { continue }
    let unbound = Paired.monthsBeforeDemandBinds(a, fewer, b, more)
    let capacityA = Paired.series(a, "capacity_h100e_domestic", in: fewer), capacityB = Paired.series(b, "capacity_h100e_domestic", in: more)
    let capacity = Paired.firstViolation(Array(capacityA[..<unbound]), Array(capacityB[..<unbound]))
    #expect(capacity == nil, "\(label) replication \(replication): less domestic capacity with more wafers in month \(capacity ?? -1)")
    checked += unbound
    excepted += capacityA.count - unbound
  }
  return (checked, excepted)
}

/// The scenario with chips that neither fail nor retire.
private func withoutAttrition(_ scenario: LoadedScenario) throws -> LoadedScenario {
  try Paired.variant(scenario, [("$.fleet.failureRatePerYear", .number(0)), ("$.fleet.meanLifetimeYears", .number(50))])
}

@Test("more wafer starts never give fewer domestic packages or paper H100e, nor (without attrition) less domestic capacity before demand binds", arguments: ["baseline.json", "smic-breakthrough.json", "hindcast-2024.json"])
func moreWafersNeverLower(file: String) throws {
  _ = try moreWafers(in: try Paired.load(file), label: file, checkCapacity: false)
  let (checked, excepted) = try moreWafers(in: try withoutAttrition(try Paired.load(file)), label: "\(file) without attrition", checkCapacity: true)
  print("more wafers in \(file) without attrition: domestic capacity compared in \(checked) run-months; \(excepted) excepted (demand bound in a run)")
}

@Test("with demand that never binds and no attrition, more wafer starts never lower domestic capacity in any month", arguments: ["baseline.json", "hindcast-2024.json"])
func moreWafersUnboundDemand(file: String) throws {
  let unbound = try Paired.variant(try withoutAttrition(try Paired.load(file)), [("$.demand.pricePerH100e.level", .number(1))])
  let (_, excepted) = try moreWafers(in: unbound, label: "\(file) with unbounded demand", checkCapacity: true)
  #expect(excepted == 0)
}

@Test("a larger die bank or HBM stock never gives fewer packages", arguments: [
  ("$.domestic.vendors[0].dieBank.dies", 1_000_000.0, 2_000_000.0), ("$.domestic.vendors[0].hbmStacks", 8_000_000.0, 12_000_000.0),
  ("$.domestic.vendors[1].hbmStacks", 200_000.0, 900_000.0),
])
func largerStocksNeverFewerPackages(path: String, smaller: Double, larger: Double) throws {
  for file in ["baseline.json", "hindcast-2024.json"] {
    let base = try Paired.load(file)
    let small = try Paired.variant(base, [(path, .number(smaller))]), large = try Paired.variant(base, [(path, .number(larger))])
    for replication in 0..<Paired.replications {
      let (a, b) = try Paired.pair(small, large, replication: replication)
      let violation = Paired.firstViolation(
        Paired.cumulative(Paired.series(a, "packages", in: small)), Paired.cumulative(Paired.series(b, "packages", in: large)))
      #expect(violation == nil, "\(file) \(path) replication \(replication): fewer packages with more, month \(violation ?? -1)")
    }
  }
}

@Test("a later 950PR start never brings more 950PR", arguments: ["baseline.json", "smic-breakthrough.json"])
func later950NeverMore(file: String) throws {
  let base = try Paired.load(file)
  let path = "$.domestic.vendors[0].products[2].from"
  let early = try Paired.variant(base, [(path, .string("2026-03-01"))]), late = try Paired.variant(base, [(path, .string("2026-10-01"))])
  for replication in 0..<Paired.replications {
    let (a, b) = try Paired.pair(early, late, replication: replication)
    let violation = Paired.firstViolation(
      Paired.cumulative(Paired.series(b, "packages_ascend950pr", in: late)),
      Paired.cumulative(Paired.series(a, "packages_ascend950pr", in: early)))
    #expect(violation == nil, "\(file) replication \(replication): more 950PR with the later start, month \(violation ?? -1)")
  }
}

@Test("a lower H200 licence approval probability never lets more H200 in")
func lowerApprovalNeverMore() throws {
  let base = try Paired.load("h200-case-by-case.json")
  let index = base.model.policies.firstIndex { $0.note.contains("H200 case-by-case") }!
  let loose = try Paired.variant(base, [("$.policies[\(index)].approvalProbability", .number(0.9))])
  let tight = try Paired.variant(base, [("$.policies[\(index)].approvalProbability", .number(0.3))])
  for replication in 0..<Paired.replications {
    let (a, b) = try Paired.pair(loose, tight, replication: replication)
    let violation = Paired.firstViolation(
      Paired.cumulative(Paired.series(b, "acquired_units_legal", in: tight)), Paired.cumulative(Paired.series(a, "acquired_units_legal", in: loose)))
    #expect(violation == nil, "replication \(replication): month \(violation ?? -1)")
  }
}
