/// One way a chip can be caught by ECCN 3A090: every threshold set in the criterion must be
/// met (a nil threshold is not tested).
public struct ControlCriterion: Sendable, Equatable {
  public var tppAtLeast: Double
  public var performanceDensityAtLeast: Double?
  public var interconnectGBpsAtLeast: Double?
  /// True when the criterion covers datacenter parts only (the 2023 density test).
  public var datacenterOnly: Bool

  public init(
    tppAtLeast: Double, performanceDensityAtLeast: Double? = nil,
    interconnectGBpsAtLeast: Double? = nil, datacenterOnly: Bool = false
  ) {
    self.tppAtLeast = tppAtLeast
    self.performanceDensityAtLeast = performanceDensityAtLeast
    self.interconnectGBpsAtLeast = interconnectGBpsAtLeast
    self.datacenterOnly = datacenterOnly
  }

  /// True when `chip` meets every threshold of this criterion.
  public func matches(_ chip: ChipSKU) -> Bool {
    (!datacenterOnly || chip.market == .datacenter)
      && chip.tpp >= tppAtLeast
      && (performanceDensityAtLeast.map { chip.performanceDensity >= $0 } ?? true)
      && (interconnectGBpsAtLeast.map { chip.interconnectGBps >= $0 } ?? true)
  }
}

/// A chip-classification rule: a chip is controlled when it matches any criterion.
public struct ClassificationRule: Sendable, Equatable {
  /// A short name for explanations (`"Oct 2023 (3A090.a)"`).
  public var name: String
  public var criteria: [ControlCriterion]

  public init(name: String, criteria: [ControlCriterion]) {
    self.name = name
    self.criteria = criteria
  }

  /// The first criterion `chip` matches, or nil when the chip is not controlled.
  public func matchingCriterion(for chip: ChipSKU) -> ControlCriterion? {
    criteria.first { $0.matches(chip) }
  }

  /// Oct 7 2022: TPP ≥ 4,800 and chip-to-chip I/O ≥ 600 GB/s.
  public static let october2022 = ClassificationRule(
    name: "Oct 2022 rule", criteria: [ControlCriterion(tppAtLeast: 4_800, interconnectGBpsAtLeast: 600)])

  /// Oct 17 2023 (3A090.a): TPP ≥ 4,800, or TPP ≥ 1,600 with performance density ≥ 5.92; the
  /// density test covers datacenter parts only, which left the RTX 4090D (TPP 4,707) legal
  /// (domain.md §9.1).
  public static let october2023 = ClassificationRule(
    name: "Oct 2023 rule (3A090.a)",
    criteria: [
      ControlCriterion(tppAtLeast: 4_800),
      ControlCriterion(tppAtLeast: 1_600, performanceDensityAtLeast: 5.92, datacenterOnly: true),
    ])
}
