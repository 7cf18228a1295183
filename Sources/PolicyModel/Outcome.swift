/// The outcomes recorded at each monthly report date. The names are a contract: users'
/// notebooks depend on them. Per-period counts are for the month ending at the report date.
public enum Outcome: String, CaseIterable, Sendable {
  case capacityH100e = "capacity_h100e"
  case capacityH100eNvidia = "capacity_h100e_nvidia"
  case capacityH100eDomestic = "capacity_h100e_domestic"
  case capacityH100eGray = "capacity_h100e_gray"
  case capacityPflopsFP16 = "capacity_pflops_fp16"
  case trainingCapacityH100e = "training_capacity_h100e"
  case inferenceCapacityH100e = "inference_capacity_h100e"
  case unmetDemandH100e = "unmet_demand_h100e"
  case inventoryNvidiaUnits = "inventory_nvidia_units"
  case legalImportUnits = "legal_import_units"
  case grayArrivedUnits = "gray_arrived_units"
  case graySeizedUnits = "gray_seized_units"
  case domesticWaferStarts = "domestic_wafer_starts"
  case domesticGoodDies = "domestic_good_dies"
  case domesticPackages = "domestic_packages"
  case domesticYield = "domestic_yield"
  case hbmStacksRemaining = "hbm_stacks_remaining"
  case dieBankRemaining = "die_bank_remaining"
  case failedUnits = "failed_units"
  case retiredUnits = "retired_units"
}

/// The outcomes of one replication.
public struct ReplicationResult: Sendable, Equatable {
  /// `values[month][outcome.index]`, one row per report date.
  public var values: [[Double]]
  /// Day (from the start) the Nvidia inventory first ran out while demand went unmet.
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
  public func value(_ outcome: Outcome, month: Int) -> Double {
    values[month][Outcome.allCases.firstIndex(of: outcome)!]
  }
}
