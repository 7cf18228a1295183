/// Where a chip is designed and made, as the model distinguishes supply routes.
public enum ChipOrigin: String, Sendable, Codable {
  /// Made abroad (Nvidia, AMD): reaches China by legal export or the gray market.
  case foreign
  /// Made in China (Huawei Ascend at SMIC): reaches the fleet through domestic production.
  case domestic
}

/// Whom a chip is sold to, which decides whether the performance-density test applies: the
/// October 2023 rule's density criterion covers datacenter parts, not consumer graphics cards
/// (The Register and Tom's Hardware on the RTX 4090D, domain.md §9.1).
public enum ChipMarket: String, Sendable, Codable {
  case datacenter
  /// Gaming graphics cards (RTX 4090, 4090D) that Chinese firms convert into AI cards.
  case consumer
}

/// One accelerator product with the specifications export rules and capacity accounting use.
///
/// Throughputs are dense (no sparsity), as the Total Processing Performance (TPP) definition
/// requires. H100-equivalents are computed only when reporting, from dense FP16/BF16 TFLOPS.
public struct ChipSKU: Sendable, Equatable {
  /// Short identifier used by scenarios (`"H20"`, `"Ascend910C"`).
  public let id: String
  public let vendor: String
  public let origin: ChipOrigin
  /// Dense FP16/BF16 tensor throughput, TFLOPS.
  public let fp16DenseTFLOPS: Double
  /// Dense INT8/FP8 tensor throughput, TOPS.
  public let int8DenseTOPS: Double
  /// Total logic die area per package, mm² (the performance-density denominator).
  public let dieAreaMm2: Double
  /// Bidirectional chip-to-chip I/O bandwidth, GB/s (the October 2022 rule's second prong).
  public let interconnectGBps: Double
  /// Logic dies per package (2 for the Ascend 910C).
  public let diesPerPackage: Int
  /// HBM stacks per package (0 for GDDR parts).
  public let hbmStacksPerPackage: Int
  public let market: ChipMarket
  /// The compute die a domestic product is made of (910B and 910C share the 910-class die);
  /// nil for chips made abroad.
  public let computeDie: String?
  /// True when the specifications are press reports rather than a datasheet.
  public let specsReported: Bool
  /// Where the figures come from.
  public let source: String

  public init(
    id: String, vendor: String, origin: ChipOrigin, fp16DenseTFLOPS: Double,
    int8DenseTOPS: Double, dieAreaMm2: Double, interconnectGBps: Double,
    diesPerPackage: Int = 1, hbmStacksPerPackage: Int, market: ChipMarket = .datacenter,
    computeDie: String? = nil, specsReported: Bool = false, source: String
  ) {
    self.id = id
    self.vendor = vendor
    self.origin = origin
    self.fp16DenseTFLOPS = fp16DenseTFLOPS
    self.int8DenseTOPS = int8DenseTOPS
    self.dieAreaMm2 = dieAreaMm2
    self.interconnectGBps = interconnectGBps
    self.diesPerPackage = diesPerPackage
    self.hbmStacksPerPackage = hbmStacksPerPackage
    self.market = market
    self.computeDie = computeDie
    self.specsReported = specsReported
    self.source = source
  }

  /// Dense FP16 TFLOPS of an H100 SXM, the H100-equivalent unit.
  public static let h100DenseFP16TFLOPS = 989.0

  /// Total Processing Performance: dense TOPS × bit length, the highest over formats
  /// (ECCN 3A090; BIS notes 2 × MacTOPS equals the datasheet's dense figure).
  public var tpp: Double { max(fp16DenseTFLOPS * 16, int8DenseTOPS * 8) }

  /// TPP per mm² of die area.
  public var performanceDensity: Double { tpp / dieAreaMm2 }

  /// Dense 8-bit tensor throughput of an H100 SXM, TOPS (Epoch AI's normalisation).
  public static let h100Dense8BitTOPS = 1_979.0

  /// Dense FP16 throughput relative to an H100 (H100e per unit).
  public var h100Equivalents: Double { fp16DenseTFLOPS / Self.h100DenseFP16TFLOPS }

  /// Dense 8-bit throughput relative to an H100: H100e as Epoch AI counts them.
  public var h100Equivalents8Bit: Double { int8DenseTOPS / Self.h100Dense8BitTOPS }

  /// Logic area of one compute die, mm².
  public var dieAreaPerDieMm2: Double { dieAreaMm2 / Double(diesPerPackage) }
}
