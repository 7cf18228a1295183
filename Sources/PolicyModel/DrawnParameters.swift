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
/// stream named after the parameter.
struct DrawnParameters {
  struct Domestic {
    var waferStartsPerMonth, aiShare, initialYield, maximumYield, yieldRatePerMonth: Double
    var cycleTimeDays, packagingCapacityPerMonth: Double
  }

  var installed: [Int] = []
  var inventory: [Int] = []
  var demandH100ePerMonth = 0.0
  var demandGrowthPerYear = 1.0
  var legalMonthlyUnits: [Double] = []
  var grayMonthlyUnits: [Double] = []
  var seizureProbability: [Double] = []
  var failureRatePerYear = 0.0
  var domestic: Domestic?
  var hbmStacks = 0
  var dieBank = 0
  /// (name, value) of every draw, in drawing order.
  private(set) var record: [(parameter: String, value: Double)] = []

  init(scenario: SupplyScenario, seed: UInt64, replication: Int) {
    func draw(_ name: String, _ distribution: Distribution) -> Double {
      let value = distribution.sample(using: RandomStream(master: seed, replication: replication, stream: "parameter." + name))
      record.append((name, value))
      return value
    }
    func count(_ name: String, _ distribution: Distribution) -> Int {
      max(0, Int(draw(name, distribution).rounded()))
    }
    for (index, entry) in scenario.stockpile.enumerated() {
      installed.append(count("stockpile[\(index)].installed", entry.installed))
      inventory.append(count("stockpile[\(index)].inventory", entry.inventory))
    }
    demandH100ePerMonth = max(0, draw("demand.h100ePerMonth", scenario.demandH100ePerMonth))
    demandGrowthPerYear = max(0, draw("demand.growthPerYear", scenario.demandGrowthPerYear))
    for (index, channel) in scenario.legalImports.enumerated() {
      legalMonthlyUnits.append(max(0, draw("legalImports[\(index)].monthlyUnits", channel.monthlyUnits)))
    }
    for (index, channel) in scenario.grayMarket.enumerated() {
      grayMonthlyUnits.append(max(0, draw("grayMarket[\(index)].monthlyUnits", channel.monthlyUnits)))
      seizureProbability.append(min(1, max(0, draw("grayMarket[\(index)].seizureProbability", channel.seizureProbability))))
    }
    failureRatePerYear = max(0, draw("fleet.failureRatePerYear", scenario.failureRatePerYear))
    if let line = scenario.domestic {
      domestic = Domestic(
        waferStartsPerMonth: max(0, draw("domestic.waferStartsPerMonth", line.waferStartsPerMonth)),
        aiShare: min(1, max(0, draw("domestic.aiShare", line.aiShare))),
        initialYield: min(1, max(0, draw("domestic.initialYield", line.initialYield))),
        maximumYield: min(1, max(0, draw("domestic.maximumYield", line.maximumYield))),
        yieldRatePerMonth: max(0, draw("domestic.yieldRatePerMonth", line.yieldRatePerMonth)),
        cycleTimeDays: max(0, draw("domestic.cycleTimeDays", line.cycleTimeDays)),
        packagingCapacityPerMonth: max(0, draw("domestic.packagingCapacityPerMonth", line.packagingCapacityPerMonth)))
      hbmStacks = count("domestic.hbmStacks", line.hbmStacks)
      dieBank = count("domestic.dieBank", line.dieBank)
    }
  }
}
