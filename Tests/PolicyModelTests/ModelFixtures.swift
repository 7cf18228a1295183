import Foundation
import PolicyModel
import Stochastic

/// A constant parameter.
func constant(_ value: Double) -> Parameter { .fixed(value) }

/// A drawn parameter named `name`.
func drawn(_ distribution: Distribution, _ name: String) -> Parameter { Parameter(distribution, name: name) }

func day(_ text: String) -> Date { ISODate.parse(text)! }

/// Demand of exactly `perMonth` paper H100e a month (spending in $B equal to it at a price of
/// $1e9/12 per H100e): 1e12 never binds.
func flatDemand(_ perMonth: Double = 1e12, lagMonths: Double = 0) -> Demand {
  Demand(
    spending: [(2025, constant(perMonth))], pricePerH100e: DecliningValue(level: constant(1e9 / 12), asOf: day("2025-01-01"), declinePerYear: constant(0)),
    integrationLagMonths: constant(lagMonths))
}

/// A small deterministic scenario from 2025-01-01: everything constant, nothing by default;
/// imported chips all train, at efficiency 1.
func tiny(
  months: Int = 12, sku: String = "H100", installed: Double = 0, inventory: Double = 0, ageYears: Double = 0,
  demand: Demand = flatDemand(), utilisation: Utilisation = Utilisation(), policies: [PolicyEvent] = [],
  legal: [ImportChannel] = [], gray: [GrayChannel] = [], gaming: [GamingChannel] = [],
  domestic: DomesticIndustry? = nil, fleet: FleetParameters = FleetParameters()
) -> SupplyScenario {
  SupplyScenario(
    start: day("2025-01-01"), months: months, policies: policies,
    stockpile: [StockpileEntry(sku: sku, installed: constant(installed), inventory: constant(inventory), ageYears: constant(ageYears))],
    demand: demand, utilisation: utilisation, legalImports: legal, grayMarket: gray, gaming: gaming, domestic: domestic, fleet: fleet)
}

/// A level that stays put: `value` with growth 1 and the ceiling at the level.
func flat(_ value: Double) -> BoundedGrowth {
  BoundedGrowth(level: constant(value), asOf: day("2025-01-01"), growthPerYear: constant(1), ceiling: constant(value))
}

/// A one-vendor (Huawei) industry with perfect yield and no cycle time unless told otherwise.
func industry(
  products: [DomesticProduct], wafers: Double = 10, packaging: Double = 1e6, hbm: Double = 1e8,
  deliveries: [(date: Date, stacks: Parameter)] = [], domesticHBM: HBMRamp? = nil, bank: Double? = nil,
  yield: Double = 1, cycleTimeDays: Double = 0
) -> DomesticIndustry {
  let dies = ["Ascend910", "Ascend950"].map {
    DieYield(die: $0, initial: constant(yield), asOf: day("2025-01-01"), maximum: constant(yield), ratePerMonth: constant(0))
  }
  return DomesticIndustry(
    waferStarts: flat(wafers), aiShare: constant(1), cycleTimeDays: constant(cycleTimeDays), dieYields: dies,
    vendors: [
      DomesticVendor(
        name: "Huawei", waferShare: constant(1), packaging: flat(packaging), products: products, hbmStacks: constant(hbm),
        hbmDeliveries: deliveries, domesticHBM: domesticHBM, dieBank: bank.map { DieBank(die: "Ascend910", dies: constant($0)) })
    ])
}

extension ReplicationResult {
  /// The values of the metric named `name` (per month) in `scenario`'s layout.
  func series(_ name: String, in scenario: SupplyScenario) -> [Double] {
    let column = scenario.metricNames.firstIndex(of: name)!
    return values.map { $0[column] }
  }

  /// The sum over the months of a flow.
  func total(_ outcome: Outcome) -> Double { values.reduce(0) { $0 + $1[outcome.column] } }
}
