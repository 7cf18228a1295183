import DiscreteEvent
import Stochastic

/// The lots of a replication, in order of creation.
struct LotBook {
  var legal: [LegalLot] = []
  var gray: [GrayLot] = []
  var gaming: [GamingLot] = []
}

/// A legal lot: its channel, size and the uniform its licence (if any) is decided with.
struct LegalLot {
  let channel: Int
  let units: Int
  let approvalDraw: Double
}

/// A gray-market lot: one SKU of its channel's mix, seized when `seizureDraw` is below the
/// channel's probability; `usedAgeDays` is the age of a second-hand lot's chips, nil for new.
struct GrayLot {
  let channel: Int
  let sku: Int
  /// Number of the lot within its channel and month (a used lot's cohort key).
  let number: Int
  let units: Int
  let seizureDraw: Double
  let usedAgeDays: Double?
}

/// A lot of gaming cards; seized like a gray lot when the regime controls its SKU.
struct GamingLot {
  let channel: Int
  let units: Int
  let seizureDraw: Double
}

/// Legal imports, gray-market and gaming lots. Each channel's lots of a month come from a
/// stream keyed by (channel, month), and every draw a lot needs (time, size, SKU, approval or
/// seizure uniform, used or new) is taken when the lot is created, so a tighter policy or a
/// higher seizure probability changes which lots get through, never the lots themselves. A
/// month outside a channel's window is skipped whole: its stream is its own, so nothing shifts.
extension SupplyChainModel {
  /// True when the channel's window touches the month starting on `start`.
  private func ships(_ window: DateWindow, start: Double, length: Double) -> Bool {
    window.overlaps(from: date(atDay: start), to: date(atDay: start + length))
  }

  func scheduleLegalLots(month: Int, start: Double, length: Double, in simulation: inout Simulation<Event>) {
    for (index, channel) in scenario.legalImports.enumerated() {
      guard let size = lots.legalSize[index], ships(channel.window, start: start, length: length) else { continue }
      let stream = draws.stream(.legalLots, index, month)
      for _ in 0..<LotSources.lotCount(mean: channel.lotsPerMonth, using: stream) {
        let day = start + stream.uniform() * length
        let units = Saturating.count(size.sample(using: stream))
        let approval = stream.uniform()
        guard channel.window.contains(date(atDay: day)), units > 0 else { continue }
        lotBook.legal.append(LegalLot(channel: index, units: units, approvalDraw: approval))
        simulation.schedule(.legalLot(lotBook.legal.count - 1), at: day)
      }
    }
  }

  func receiveLegalLot(_ lot: LegalLot, index: Int, in simulation: inout Simulation<Event>) {
    let sku = lots.legalSKU[lot.channel]
    switch legalStatus[sku] {
    case .allowed?:
      arrive(lot.units, sku: sku, source: .legal)
    case .licenceRequired(_, let delay)?:
      simulation.schedule(.licenceDecision(index), after: delay)
    case .capped?, .denied?, nil:  // nil: blocked by China
      cancel(lot.units, sku: sku)
    }
  }

  /// A licence decision: re-checks the regime on the decision day, so a ban that landed while
  /// the lot waited cancels it and a rule that freed the SKU meanwhile lets it through;
  /// otherwise approved when the lot's draw is below the approval probability.
  func decideLicence(_ lot: LegalLot) {
    let sku = lots.legalSKU[lot.channel]
    let approved: Bool
    switch legalStatus[sku] {
    case .allowed?: approved = true
    case .licenceRequired(let probability, _)?: approved = lot.approvalDraw < probability
    case .capped?, .denied?, nil: approved = false
    }
    if approved { arrive(lot.units, sku: sku, source: .legal) } else { cancel(lot.units, sku: sku) }
  }

  private func cancel(_ units: Int, sku: Int) {
    ledger.cancelled[sku] += units
    period.legalCancelled += units
  }

  func scheduleGrayLots(month: Int, start: Double, length: Double, in simulation: inout Simulation<Event>) {
    for (index, channel) in scenario.grayMarket.enumerated() {
      guard let size = lots.graySize[index], ships(channel.window, start: start, length: length) else { continue }
      let stream = draws.stream(.grayLots, index, month)
      // Tier 2 caps bound what the route's hubs may receive this month, in H100e.
      var capLeft = regime.tier2CapH100ePerYear.map { channel.tier2Hubs > 0 ? channel.tier2Hubs * $0 / 12 : .infinity } ?? .infinity
      let count = LotSources.lotCount(mean: channel.lotsPerMonth * grayMarketMultiplier, using: stream)
      for number in 0..<count {
        let day = start + stream.uniform() * length
        let units = Saturating.count(size.sample(using: stream))
        let pick = lots.grayMix[index].map { Int($0.sample(using: stream)) } ?? 0
        let seizure = stream.uniform()
        let used = stream.uniform() < parameters.usedShare[index]
        let ageYears = DrawnParameters.clamp(channel.usedAgeYears.distribution.sample(using: stream), 0...100)
        let sku = lots.graySKUs[index][pick]
        let h100e = Double(units) * scenario.chips[sku].h100Equivalents
        guard channel.window.contains(date(atDay: day)), units > 0, h100e <= capLeft else { continue }
        capLeft -= h100e
        let lot = GrayLot(
          channel: index, sku: sku, number: number, units: units, seizureDraw: seizure,
          usedAgeDays: used ? ageYears * Days.perYear : nil)
        lotBook.gray.append(lot)
        simulation.schedule(.grayLot(lotBook.gray.count - 1), at: day)
      }
    }
  }

  func receiveGrayLot(_ lot: GrayLot) {
    guard lot.seizureDraw >= parameters.seizureProbability[lot.channel] else {
      seize(lot.units, sku: lot.sku)
      return
    }
    if let age = lot.usedAgeDays {
      arrive(lot.units, sku: lot.sku, source: .gray, lot: lot.channel * Int(LotSources.maximumLotsPerMonth) * 2 + lot.number, ageDays: age)
    } else {
      arrive(lot.units, sku: lot.sku, source: .gray)
    }
    result.cumulativeGrayUnits += lot.units
  }

  func scheduleGamingLots(month: Int, start: Double, length: Double, in simulation: inout Simulation<Event>) {
    for (index, channel) in scenario.gaming.enumerated() {
      guard let size = lots.gamingSize[index], ships(channel.window, start: start, length: length) else { continue }
      let stream = draws.stream(.gamingLots, index, month)
      for _ in 0..<LotSources.lotCount(mean: channel.lotsPerMonth, using: stream) {
        let day = start + stream.uniform() * length
        let units = Saturating.count(size.sample(using: stream))
        let seizure = stream.uniform()
        guard channel.window.contains(date(atDay: day)), units > 0 else { continue }
        lotBook.gaming.append(GamingLot(channel: index, units: units, seizureDraw: seizure))
        simulation.schedule(.gamingLot(lotBook.gaming.count - 1), at: day)
      }
    }
  }

  /// Cards of an uncontrolled SKU arrive through retail; a controlled SKU's lot is smuggled
  /// and seized with the channel's probability.
  func receiveGamingLot(_ lot: GamingLot) {
    let sku = lots.gamingSKU[lot.channel]
    if regime.verdict(for: scenario.chips[sku]) != .allowed, lot.seizureDraw < parameters.gamingSeizureProbability[lot.channel] {
      seize(lot.units, sku: sku)
    } else {
      arrive(lot.units, sku: sku, source: .gaming)
    }
  }

  private func seize(_ units: Int, sku: Int) {
    ledger.seized[sku] += units
    period.graySeized += units
  }
}
