/// The outcomes recorded for the whole scenario at each monthly report date. The names are a
/// contract: users' notebooks depend on them. Stocks are at the report date (month end); flows
/// (`isFlow`) are for the month ending at the report date. Paper H100e are dense FP16 unless the
/// name says 8-bit (Epoch AI's normalisation); effective capacity applies role, SKU and
/// software efficiencies.
public enum Outcome: String, CaseIterable, Sendable {
  case capacityH100e = "capacity_h100e"
  case capacityStockpile = "capacity_h100e_stockpile"
  case capacityLegal = "capacity_h100e_legal"
  case capacityGray = "capacity_h100e_gray"
  case capacityGaming = "capacity_h100e_gaming"
  case capacityDomestic = "capacity_h100e_domestic"
  case trainingCapacityH100e = "training_capacity_h100e"
  case inferenceCapacityH100e = "inference_capacity_h100e"
  case paperH100e = "paper_h100e"
  case paperStockpile = "paper_h100e_stockpile"
  case paperLegal = "paper_h100e_legal"
  case paperGray = "paper_h100e_gray"
  case paperGaming = "paper_h100e_gaming"
  case paperDomestic = "paper_h100e_domestic"
  case paper8Bit = "paper_h100e_8bit"
  case paper8BitStockpile = "paper_h100e_8bit_stockpile"
  case paper8BitLegal = "paper_h100e_8bit_legal"
  case paper8BitGray = "paper_h100e_8bit_gray"
  case paper8BitGaming = "paper_h100e_8bit_gaming"
  case paper8BitDomestic = "paper_h100e_8bit_domestic"
  case demandTargetH100e = "demand_target_h100e"
  case unmetDemandH100e = "unmet_demand_h100e"
  case deployedH100e = "deployed_h100e"
  case inventoryUnits = "inventory_units"
  case inventoryH100e = "inventory_h100e"
  case acquiredUnitsLegal = "acquired_units_legal"
  case acquiredUnitsGray = "acquired_units_gray"
  case acquiredUnitsGaming = "acquired_units_gaming"
  case acquiredUnitsDomestic = "acquired_units_domestic"
  case acquiredH100eLegal = "acquired_h100e_legal"
  case acquiredH100eGray = "acquired_h100e_gray"
  case acquiredH100eGaming = "acquired_h100e_gaming"
  case acquiredH100eDomestic = "acquired_h100e_domestic"
  case graySeizedUnits = "gray_seized_units"
  case legalCancelledUnits = "legal_cancelled_units"
  /// SMIC's advanced-node wafer starts for all customers this month.
  case smicWaferStarts = "smic_wafer_starts"
  /// The AI accelerator vendors' share of them.
  case waferStarts = "wafer_starts"
  case diesMade = "dies_made"
  case diesUsed = "dies_used"
  case packages = "packages"
  case bankDiesUsed = "bank_dies_used"
  case strandedDies = "stranded_dies"
  case dieBankRemaining = "die_bank_remaining"
  case hbmStacksRemaining = "hbm_stacks_remaining"
  case failedUnits = "failed_units"
  case retiredUnits = "retired_units"

  /// True for per-month flows, false for stocks and levels at the date.
  public var isFlow: Bool {
    switch self {
    case .deployedH100e, .acquiredUnitsLegal, .acquiredUnitsGray, .acquiredUnitsGaming,
      .acquiredUnitsDomestic, .acquiredH100eLegal, .acquiredH100eGray, .acquiredH100eGaming,
      .acquiredH100eDomestic, .graySeizedUnits, .legalCancelledUnits, .smicWaferStarts, .waferStarts, .diesMade,
      .diesUsed, .packages, .bankDiesUsed, .failedUnits, .retiredUnits:
      true
    case .capacityH100e, .capacityStockpile, .capacityLegal, .capacityGray, .capacityGaming,
      .capacityDomestic, .trainingCapacityH100e, .inferenceCapacityH100e, .paperH100e,
      .paperStockpile, .paperLegal, .paperGray, .paperGaming, .paperDomestic, .paper8Bit,
      .paper8BitStockpile, .paper8BitLegal, .paper8BitGray, .paper8BitGaming, .paper8BitDomestic,
      .demandTargetH100e, .unmetDemandH100e, .inventoryUnits, .inventoryH100e, .strandedDies,
      .dieBankRemaining, .hbmStacksRemaining:
      false
    }
  }

  /// Column of this outcome in a replication's rows (the fixed outcomes come first, in
  /// declaration order; a test checks this table against `allCases`).
  public var column: Int {
    switch self {
    case .capacityH100e: 0
    case .capacityStockpile: 1
    case .capacityLegal: 2
    case .capacityGray: 3
    case .capacityGaming: 4
    case .capacityDomestic: 5
    case .trainingCapacityH100e: 6
    case .inferenceCapacityH100e: 7
    case .paperH100e: 8
    case .paperStockpile: 9
    case .paperLegal: 10
    case .paperGray: 11
    case .paperGaming: 12
    case .paperDomestic: 13
    case .paper8Bit: 14
    case .paper8BitStockpile: 15
    case .paper8BitLegal: 16
    case .paper8BitGray: 17
    case .paper8BitGaming: 18
    case .paper8BitDomestic: 19
    case .demandTargetH100e: 20
    case .unmetDemandH100e: 21
    case .deployedH100e: 22
    case .inventoryUnits: 23
    case .inventoryH100e: 24
    case .acquiredUnitsLegal: 25
    case .acquiredUnitsGray: 26
    case .acquiredUnitsGaming: 27
    case .acquiredUnitsDomestic: 28
    case .acquiredH100eLegal: 29
    case .acquiredH100eGray: 30
    case .acquiredH100eGaming: 31
    case .acquiredH100eDomestic: 32
    case .graySeizedUnits: 33
    case .legalCancelledUnits: 34
    case .smicWaferStarts: 35
    case .waferStarts: 36
    case .diesMade: 37
    case .diesUsed: 38
    case .packages: 39
    case .bankDiesUsed: 40
    case .strandedDies: 41
    case .dieBankRemaining: 42
    case .hbmStacksRemaining: 43
    case .failedUnits: 44
    case .retiredUnits: 45
    }
  }
}

/// Outcomes recorded per domestic vendor, named `<outcome>_<vendor>` (`packages_huawei`).
public enum VendorOutcome: String, CaseIterable, Sendable {
  /// Effective capacity of the vendor's installed chips.
  case capacityH100e = "capacity_h100e"
  case diesMade = "dies_made"
  case diesUsed = "dies_used"
  case packages = "packages"

  /// Position in `allCases`.
  var offset: Int {
    switch self {
    case .capacityH100e: 0
    case .diesMade: 1
    case .diesUsed: 2
    case .packages: 3
    }
  }
}

/// Outcomes recorded per domestic product, named `<outcome>_<sku>` (`packages_ascend910c`).
public enum ProductOutcome: String, CaseIterable, Sendable {
  /// Wafers started for the product's dies this month (its share of the vendor's wafers).
  case waferStarts = "wafer_starts"
  /// Good dies from those wafers, leaving the fab this month.
  case diesMade = "dies_made"
  /// Dies packaged as this product this month, of which from the die bank.
  case diesUsed = "dies_used"
  case bankDies = "bank_dies"
  case packages = "packages"
  /// Yield of the product's die on wafers started this month.
  case yield = "yield"

  /// Position in `allCases`.
  var offset: Int {
    switch self {
    case .waferStarts: 0
    case .diesMade: 1
    case .diesUsed: 2
    case .bankDies: 3
    case .packages: 4
    case .yield: 5
    }
  }
}

/// The columns of a replication's rows: every ``Outcome``, then each vendor's
/// ``VendorOutcome``s, then each product's ``ProductOutcome``s.
public struct MetricLayout: Sendable, Equatable {
  public let vendors: [String]
  public let products: [String]
  /// Column names, in order.
  public let names: [String]
  /// First column of the vendor outcomes and of the product outcomes.
  private let vendorBase: Int, productBase: Int
  private static let vendorWidth = VendorOutcome.allCases.count
  private static let productWidth = ProductOutcome.allCases.count

  public init(vendors: [String], products: [String]) {
    self.vendors = vendors
    self.products = products
    names = Outcome.allCases.map(\.rawValue)
      + vendors.flatMap { vendor in VendorOutcome.allCases.map { "\($0.rawValue)_\(vendor.lowercased())" } }
      + products.flatMap { sku in ProductOutcome.allCases.map { "\($0.rawValue)_\(sku.lowercased())" } }
    vendorBase = Outcome.allCases.count
    productBase = vendorBase + vendors.count * VendorOutcome.allCases.count
  }

  /// Column of `outcome` for vendor number `vendor`.
  public func column(_ outcome: VendorOutcome, vendor: Int) -> Int {
    vendorBase + vendor * Self.vendorWidth + outcome.offset
  }

  /// Column of `outcome` for product number `product` (products of all vendors, in order).
  public func column(_ outcome: ProductOutcome, product: Int) -> Int {
    productBase + product * Self.productWidth + outcome.offset
  }

  /// True when the metric named `name` is a per-month flow.
  public func isFlow(_ name: String) -> Bool {
    guard let column = names.firstIndex(of: name) else { return false }
    if column < Outcome.allCases.count { return Outcome.allCases[column].isFlow }
    let vendorColumns = vendors.count * VendorOutcome.allCases.count
    if column < Outcome.allCases.count + vendorColumns {
      return VendorOutcome.allCases[(column - Outcome.allCases.count) % VendorOutcome.allCases.count] != .capacityH100e
    }
    let product = ProductOutcome.allCases[(column - Outcome.allCases.count - vendorColumns) % ProductOutcome.allCases.count]
    return product != .yield
  }
}

/// The outcomes of one replication.
public struct ReplicationResult: Sendable, Equatable {
  /// `values[month][column]`, one row per report date, columns as ``MetricLayout/names``.
  public var values: [[Double]]
  /// Day (from the start) the imported-chip inventory (including chips still being
  /// integrated) first ran out while demand went unmet.
  public var stockpileDepletedDay: Double?
  public var cumulativeDomesticPackages: Int
  public var cumulativeGrayUnits: Int
  /// Every sampled uncertain parameter, by name, in a fixed order.
  public var draws: [(parameter: String, value: Double)]
  /// Events the replication's simulation fired (for throughput measurements).
  public var eventsFired = 0

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.values == rhs.values && lhs.stockpileDepletedDay == rhs.stockpileDepletedDay
      && lhs.cumulativeDomesticPackages == rhs.cumulativeDomesticPackages
      && lhs.cumulativeGrayUnits == rhs.cumulativeGrayUnits
      && lhs.draws.map(\.parameter) == rhs.draws.map(\.parameter)
      && lhs.draws.map(\.value) == rhs.draws.map(\.value)
  }

  /// The value of `outcome` at report `month` (0-based).
  public func value(_ outcome: Outcome, month: Int) -> Double { values[month][outcome.column] }
}
