import Foundation
import Stochastic

/// A destination tier of the January 2025 AI Diffusion Framework.
public enum DestinationTier: Int, Sendable, Comparable, CaseIterable {
  /// Unrestricted (the US and 18 partners).
  case tier1 = 1
  /// Controlled chips exportable within country caps.
  case tier2 = 2
  /// Embargoed for controlled chips (presumption of denial).
  case tier3 = 3

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a US rule says about one SKU regardless of its classification.
public enum SKUStatus: Sendable, Equatable {
  /// Exportable without a licence.
  case allowed
  /// Needs a licence, approved with `approvalProbability` after about `delayDays`.
  case licenceRequired(approvalProbability: Double, delayDays: Double)
  /// Not exportable.
  case banned
}

/// A dated change of the export-control regime.
public enum PolicyChange: Sendable, Equatable {
  /// A new classification rule replaces the previous one.
  case classification(ClassificationRule)
  /// The destination (China) moves to a tier.
  case destinationTier(DestinationTier)
  /// A SKU-specific US rule (licence requirement, ban, case-by-case review).
  case skuRule(sku: String, status: SKUStatus)
  /// Beijing blocks (or unblocks) imports of a SKU.
  case chinaImportBan(sku: String, banned: Bool)
  /// A per-country cap on controlled chips for Tier 2 destinations, H100e per year (nil
  /// lifts it); bounds transshipment through Tier 2 hubs.
  case tier2Cap(h100ePerYear: Double?)
  /// Enforcement against smuggling: gray-market lot rates are multiplied by this drawn value
  /// (1 = the channels' own rates). Does not change export decisions.
  case enforcement(grayMarketMultiplier: Parameter)
}

/// A policy change with its effective date and a note naming the rule.
public struct PolicyEvent: Sendable, Equatable {
  public var date: Date
  public var change: PolicyChange
  public var note: String

  public init(date: Date, change: PolicyChange, note: String) {
    self.date = date
    self.change = change
    self.note = note
  }
}

/// The decision on exporting one SKU to the destination at one date, with the reason.
public struct ExportDecision: Sendable, Equatable {
  public enum Verdict: Sendable, Equatable {
    case allowed
    case licenceRequired(approvalProbability: Double, delayDays: Double)
    /// Controlled and the destination is Tier 2: exportable within the country cap.
    case capped
    case denied
  }

  public var verdict: Verdict
  /// Why, in words a user can check against the rule texts.
  public var reason: String
}

/// The export-control state in force at one instant: the result of applying every policy
/// event up to that date, in date order (ties in the order given).
public struct ExportRegime: Sendable, Equatable {
  public var classification: ClassificationRule?
  public var destinationTier: DestinationTier
  public var skuRules: [String: (status: SKUStatus, note: String)]
  public var chinaImportBans: [String: String]
  /// The Tier 2 per-country cap in force, H100e per year.
  public var tier2CapH100ePerYear: Double?

  public static func == (lhs: ExportRegime, rhs: ExportRegime) -> Bool {
    lhs.classification == rhs.classification && lhs.destinationTier == rhs.destinationTier
      && lhs.chinaImportBans == rhs.chinaImportBans
      && lhs.tier2CapH100ePerYear == rhs.tier2CapH100ePerYear
      && lhs.skuRules.keys.sorted() == rhs.skuRules.keys.sorted()
      && lhs.skuRules.allSatisfy { rhs.skuRules[$0.key]?.status == $0.value.status }
  }

  /// The regime before any event: no classification rule, destination in Tier 1.
  public init() {
    classification = nil
    destinationTier = .tier1
    skuRules = [:]
    chinaImportBans = [:]
    tier2CapH100ePerYear = nil
  }

  /// The regime in force at `date` under `events`.
  public init(events: [PolicyEvent], at date: Date) {
    self.init()
    for event in events.enumerated().sorted(by: {
      ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
    }) where event.element.date <= date {
      apply(event.element)
    }
  }

  /// Applies one policy event.
  public mutating func apply(_ event: PolicyEvent) {
    switch event.change {
    case .classification(let rule): classification = rule
    case .destinationTier(let tier): destinationTier = tier
    case .skuRule(let sku, let status): skuRules[sku] = (status, event.note)
    case .chinaImportBan(let sku, let banned): chinaImportBans[sku] = banned ? event.note : nil
    case .tier2Cap(let cap): tier2CapH100ePerYear = cap
    case .enforcement: break  // acts on smuggling rates (the model's), not on export decisions
    }
  }

  /// Whether `chip` may be exported from the US to the destination under this regime, and why.
  /// A SKU-specific rule takes precedence over classification; China's own bans are reported
  /// separately by `isBlockedByChina(_:)`.
  public func exportDecision(for chip: ChipSKU) -> ExportDecision {
    let verdict = self.verdict(for: chip)
    if let (_, note) = skuRules[chip.id] {
      switch verdict {
      case .allowed: return ExportDecision(verdict: verdict, reason: "allowed by SKU rule: \(note)")
      case .licenceRequired: return ExportDecision(verdict: verdict, reason: "licence required: \(note)")
      case .capped, .denied: return ExportDecision(verdict: verdict, reason: "banned by SKU rule: \(note)")
      }
    }
    guard let rule = classification, let criterion = rule.matchingCriterion(for: chip) else {
      return ExportDecision(verdict: verdict, reason: "not controlled\(classification.map { " under \($0.name)" } ?? "")")
    }
    let why = "controlled under \(rule.name): \(Self.explain(chip, criterion))"
    switch destinationTier {
    case .tier1: return ExportDecision(verdict: verdict, reason: "\(why); Tier 1 destination")
    case .tier2: return ExportDecision(verdict: verdict, reason: "\(why); Tier 2 country cap")
    case .tier3: return ExportDecision(verdict: verdict, reason: "\(why); Tier 3 embargo")
    }
  }

  /// The verdict of ``exportDecision(for:)`` without composing its reason (the model's
  /// per-lot path).
  public func verdict(for chip: ChipSKU) -> ExportDecision.Verdict {
    if let (status, _) = skuRules[chip.id] {
      switch status {
      case .allowed: return .allowed
      case .banned: return .denied
      case .licenceRequired(let p, let delay): return .licenceRequired(approvalProbability: p, delayDays: delay)
      }
    }
    guard let rule = classification, rule.matchingCriterion(for: chip) != nil else { return .allowed }
    switch destinationTier {
    case .tier1: return .allowed
    case .tier2: return .capped
    case .tier3: return .denied
    }
  }

  /// The note of China's import ban on `chip`, or nil when Beijing does not block it.
  public func isBlockedByChina(_ chip: ChipSKU) -> String? { chinaImportBans[chip.id] }

  private static func explain(_ chip: ChipSKU, _ criterion: ControlCriterion) -> String {
    var parts = ["TPP \(Int(chip.tpp.rounded())) ≥ \(Int(criterion.tppAtLeast))"]
    if let density = criterion.performanceDensityAtLeast {
      parts.append(String(format: "PD %.2f ≥ %.2f", chip.performanceDensity, density))
    }
    if let io = criterion.interconnectGBpsAtLeast {
      parts.append("I/O \(Int(chip.interconnectGBps)) GB/s ≥ \(Int(io))")
    }
    return parts.joined(separator: " and ")
  }
}
