import Foundation
import Stochastic

/// The per-channel facts lots are drawn from, fixed for a replication: lot-size distributions,
/// SKU mixes, and the SKU of each channel.
struct LotSources {
  /// Lot-size distribution of each channel (nil when it carries nothing).
  let legalSize: [Distribution?]
  let graySize: [Distribution?]
  let gamingSize: [Distribution?]
  /// Which SKU of its mix a gray lot carries (nil for a single-SKU channel).
  let grayMix: [Distribution?]
  let legalSKU: [Int]
  let graySKUs: [[Int]]
  let gamingSKU: [Int]

  /// The most lots a channel creates in a month, whatever the multipliers: a bound on work per
  /// replication (documented in docs/model.md).
  static let maximumLotsPerMonth = 1_000.0

  init(scenario: SupplyScenario, parameters: DrawnParameters, skuIndex: [String: Int]) {
    legalSize = zip(scenario.legalImports, parameters.legalMonthlyUnits).map {
      Self.lotSize(monthlyUnits: $1, lotsPerMonth: $0.lotsPerMonth, sigma: $0.lotSizeSigma)
    }
    graySize = zip(scenario.grayMarket, parameters.grayMonthlyUnits).map {
      Self.lotSize(monthlyUnits: $1, lotsPerMonth: $0.lotsPerMonth, sigma: $0.lotSizeSigma)
    }
    gamingSize = zip(scenario.gaming, parameters.gamingMonthlyUnits).map {
      Self.lotSize(monthlyUnits: $1, lotsPerMonth: $0.lotsPerMonth, sigma: $0.lotSizeSigma)
    }
    grayMix = scenario.grayMarket.map { channel in
      channel.mix.count < 2
        ? nil : try? .discrete(values: channel.mix.indices.map(Double.init), weights: channel.mix.map(\.weight))
    }
    legalSKU = scenario.legalImports.map { skuIndex[$0.sku]! }
    graySKUs = scenario.grayMarket.map { $0.mix.map { skuIndex[$0.sku]! } }
    gamingSKU = scenario.gaming.map { skuIndex[$0.sku]! }
  }

  /// Lognormal lot sizes with mean `monthlyUnits / lotsPerMonth` and log-scale spread `sigma`.
  private static func lotSize(monthlyUnits: Double, lotsPerMonth: Double, sigma: Double) -> Distribution? {
    guard monthlyUnits > 0, lotsPerMonth > 0 else { return nil }
    let mean = min(monthlyUnits, Saturating.maximum) / lotsPerMonth
    return sigma > 0 ? try? .lognormal(median: mean * exp(-sigma * sigma / 2), sigma: sigma) : .fixed(mean)
  }

  /// The number of lots in a month with mean `mean`, capped at ``maximumLotsPerMonth``: one
  /// draw by inversion, so a larger mean never gives fewer lots and the lots that follow keep
  /// their draws.
  static func lotCount(mean: Double, using stream: RandomStream) -> Int {
    stream.poissonByInversion(mean: min(mean.isNaN ? 0 : mean, maximumLotsPerMonth))
  }
}
