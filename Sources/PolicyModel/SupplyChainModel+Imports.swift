import DiscreteEvent
import Stochastic

/// Legal imports and gray-market lots. Every draw a lot needs (time, size, SKU, approval or
/// seizure uniform) is taken when the lot is created, so a tighter policy or a higher seizure
/// probability changes which lots get through, never the lots themselves (common random
/// numbers make the comparison per seed).
extension SupplyChainModel {
  mutating func scheduleLegalLots(start: Double, length: Double, in simulation: inout Simulation<Event>) {
    for (index, channel) in scenario.legalImports.enumerated() {
      guard let size = legalLotSize[index] else { continue }
      let stream = streams.legal
      for _ in 0..<stream.poisson(mean: channel.lotsPerMonth) {
        let day = start + stream.uniform() * length
        let units = Int(size.sample(using: stream).rounded())
        let approval = stream.uniform()
        let date = date(atDay: day)
        guard channel.from.map({ $0 <= date }) ?? true, channel.until.map({ date < $0.addingTimeInterval(86_400) }) ?? true, units > 0 else { continue }
        simulation.schedule(.legalLot(channel: index, units: units, approvalDraw: approval), at: day)
      }
    }
  }

  mutating func receiveLegalLot(channel: Int, units: Int, approvalDraw: Double, in simulation: inout Simulation<Event>) {
    let sku = legalSKU[channel]
    switch legalStatus[sku] {
    case .allowed?:
      arrive(units, sku: sku, source: .nvidia)
      period.legal += units
    case .licenceRequired(_, let delay)?:
      simulation.schedule(.licenceDecision(channel: channel, units: units, approvalDraw: approvalDraw), after: delay)
    case .capped?, .denied?, nil:  // nil: blocked by China
      ledger.cancelled[sku] += units
    }
  }

  /// A licence decision: re-checks the regime on the decision day, so a ban that landed while
  /// the lot waited cancels it and a rule that freed the SKU meanwhile lets it through;
  /// otherwise approved when the lot's draw is below the approval probability.
  mutating func decideLicence(channel: Int, units: Int, approvalDraw: Double) {
    let sku = legalSKU[channel]
    let approved: Bool
    switch legalStatus[sku] {
    case .allowed?: approved = true
    case .licenceRequired(let probability, _)?: approved = approvalDraw < probability
    case .capped?, .denied?, nil: approved = false
    }
    if approved {
      arrive(units, sku: sku, source: .nvidia)
      period.legal += units
    } else {
      ledger.cancelled[sku] += units
    }
  }

  mutating func scheduleGrayLots(start: Double, length: Double, in simulation: inout Simulation<Event>) {
    for (index, channel) in scenario.grayMarket.enumerated() {
      guard let size = grayLotSize[index] else { continue }
      let stream = streams.gray
      // Tier 2 caps bound what the route's hubs may receive this month, in H100e.
      var capLeft = regime.tier2CapH100ePerYear.map { channel.tier2Hubs > 0 ? channel.tier2Hubs * $0 / 12 : .infinity } ?? .infinity
      for _ in 0..<stream.poisson(mean: min(channel.lotsPerMonth * grayMarketMultiplier, 10_000)) {  // the documented lots-per-month cap
        let day = start + stream.uniform() * length
        let units = Int(size.sample(using: stream).rounded())
        let pick = grayMixTable[index].map { Int($0.sample(using: stream)) } ?? 0
        let seizure = stream.uniform()
        let sku = graySKUs[index][pick]
        let h100e = Double(units) * scenario.chips[sku].h100Equivalents
        guard units > 0, h100e <= capLeft else { continue }
        capLeft -= h100e
        simulation.schedule(.grayLot(channel: index, sku: sku, units: units, seizureDraw: seizure), at: day)
      }
    }
  }

  mutating func receiveGrayLot(channel: Int, sku: Int, units: Int, seizureDraw: Double) {
    if seizureDraw < parameters.seizureProbability[channel] {
      ledger.seized[sku] += units
      period.graySeized += units
    } else {
      arrive(units, sku: sku, source: .gray)
      period.grayArrived += units
      result.cumulativeGrayUnits += units
    }
  }
}
