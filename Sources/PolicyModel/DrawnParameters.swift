import Foundation
import Stochastic

/// The random streams a replication's processes draw from, one per component, so that
/// changing one component's draws never shifts another's (common random numbers).
struct ModelStreams {
  let legal: RandomStream
  let gray: RandomStream
  let domestic: RandomStream
  let fleet: RandomStream

  init(seed: UInt64, replication: Int) {
    legal = RandomStream(master: seed, replication: replication, stream: "process.legalImports")
    gray = RandomStream(master: seed, replication: replication, stream: "process.grayMarket")
    domestic = RandomStream(master: seed, replication: replication, stream: "process.domestic")
    fleet = RandomStream(master: seed, replication: replication, stream: "process.fleet")
  }
}

/// Every uncertain parameter of a scenario drawn once for one replication, each from the
/// stream named after its JSON path (`parameter.$.demand.h100ePerMonth`).
struct DrawnParameters {
  struct Domestic {
    var waferStartsPerMonth, waferStartsGrowthPerYear, aiShare: Double
    var initialYield, maximumYield, yieldRatePerMonth: Double
    var cycleTimeDays, packagingCapacityPerMonth, packagingCapacityGrowthPerYear: Double
    var trainingEfficiencyStart, trainingEfficiencyEnd, inferenceEfficiency: Double
    /// Months after the ramp's earliest date that domestic HBM volume begins, and its rate.
    var hbmRampDelayMonths, hbmStacksPerMonth: Double
  }

  var installed: [Int] = []
  var inventory: [Int] = []
  var installedAgeYears: [Double] = []
  var demandH100ePerMonth = 0.0
  var demandGrowthPerYear = 1.0
  var trainingShare = 0.5
  var overflowEfficiency = 1.0
  var legalMonthlyUnits: [Double] = []
  var grayMonthlyUnits: [Double] = []
  var seizureProbability: [Double] = []
  /// By policy index; only enforcement events have one.
  var grayMarketMultiplier: [Int: Double] = [:]
  var failureRatePerYear = 0.0
  var smuggledHazardMultiplier = 1.0
  var meanLifetimeYears: Double?
  var domestic: Domestic?
  var hbmStacks = 0
  var dieBank = 0
  /// (JSON path, value) of every draw, in drawing order.
  private(set) var record: [(parameter: String, value: Double)] = []

  init(scenario: SupplyScenario, seed: UInt64, replication: Int) {
    func draw(_ path: String, _ distribution: Distribution, in range: ClosedRange<Double> = 0...(.infinity)) -> Double {
      if case .constant(let value) = distribution.kind { return min(range.upperBound, max(range.lowerBound, value)) }
      let stream = RandomStream(master: seed, replication: replication, stream: "parameter." + path)
      let value = min(range.upperBound, max(range.lowerBound, distribution.sample(using: stream)))
      record.append((path, value))
      return value
    }
    func count(_ path: String, _ distribution: Distribution) -> Int { Int(draw(path, distribution).rounded()) }

    for (index, entry) in scenario.stockpile.enumerated() {
      installed.append(count("$.stockpile[\(index)].installed", entry.installed))
      inventory.append(count("$.stockpile[\(index)].inventory", entry.inventory))
      installedAgeYears.append(draw("$.stockpile[\(index)].ageYears", entry.ageYears))
    }
    let demand = scenario.demand
    demandH100ePerMonth = draw("$.demand.h100ePerMonth", demand.h100ePerMonth)
    demandGrowthPerYear = draw("$.demand.growthPerYear", demand.growthPerYear)
    trainingShare = draw("$.demand.trainingShare", demand.trainingShare, in: 0...1)
    overflowEfficiency = draw("$.demand.overflowEfficiency", demand.overflowEfficiency, in: 0...1)
    for (index, channel) in scenario.legalImports.enumerated() {
      legalMonthlyUnits.append(draw("$.legalImports[\(index)].monthlyUnits", channel.monthlyUnits))
    }
    for (index, channel) in scenario.grayMarket.enumerated() {
      let path = "$.grayMarket.channels[\(index)]"
      grayMonthlyUnits.append(draw(path + ".monthlyUnits", channel.monthlyUnits))
      seizureProbability.append(draw(path + ".seizureProbability", channel.seizureProbability, in: 0...1))
    }
    for (index, policy) in scenario.policies.enumerated() {
      if case .enforcement(let multiplier) = policy.change {
        grayMarketMultiplier[index] = draw("$.policies[\(index)].grayMarketMultiplier", multiplier)
      }
    }
    let fleet = scenario.fleet
    failureRatePerYear = draw("$.fleet.failureRatePerYear", fleet.failureRatePerYear)
    smuggledHazardMultiplier = draw("$.fleet.smuggledHazardMultiplier", fleet.smuggledHazardMultiplier)
    meanLifetimeYears = fleet.meanLifetimeYears.map { draw("$.fleet.meanLifetimeYears", $0) }
    if let line = scenario.domestic {
      let efficiency = line.softwareEfficiency
      domestic = Domestic(
        waferStartsPerMonth: draw("$.domestic.waferStartsPerMonth", line.waferStartsPerMonth),
        waferStartsGrowthPerYear: draw("$.domestic.waferStartsGrowthPerYear", line.waferStartsGrowthPerYear),
        aiShare: draw("$.domestic.aiShare", line.aiShare, in: 0...1),
        initialYield: draw("$.domestic.initialYield", line.initialYield, in: 0...1),
        maximumYield: draw("$.domestic.maximumYield", line.maximumYield, in: 0...1),
        yieldRatePerMonth: draw("$.domestic.yieldRatePerMonth", line.yieldRatePerMonth),
        cycleTimeDays: draw("$.domestic.cycleTimeDays", line.cycleTimeDays),
        packagingCapacityPerMonth: draw("$.domestic.packagingCapacityPerMonth", line.packagingCapacityPerMonth),
        packagingCapacityGrowthPerYear: draw("$.domestic.packagingCapacityGrowthPerYear", line.packagingCapacityGrowthPerYear),
        trainingEfficiencyStart: draw("$.domestic.softwareEfficiency.training.start", efficiency.trainingStart, in: 0...1),
        trainingEfficiencyEnd: draw("$.domestic.softwareEfficiency.training.end", efficiency.trainingEnd, in: 0...1),
        inferenceEfficiency: draw("$.domestic.softwareEfficiency.inference", efficiency.inference, in: 0...1),
        hbmRampDelayMonths: line.hbmRamp.map { draw("$.domestic.hbmRamp.delayMonths", $0.delayMonths) } ?? .infinity,
        hbmStacksPerMonth: line.hbmRamp.map { draw("$.domestic.hbmRamp.stacksPerMonth", $0.stacksPerMonth) } ?? 0)
      hbmStacks = count("$.domestic.hbmStacks", line.hbmStacks)
      dieBank = count("$.domestic.dieBank", line.dieBank)
    }
  }
}
