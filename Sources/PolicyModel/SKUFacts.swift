/// The per-SKU figures the model reads in its inner loops, taken out of the catalog once per
/// replication (a `ChipSKU` carries strings; copying one per unit of work would cost more
/// than the work).
struct SKUFacts {
  /// How a chip's units are used: the class decides its training share and efficiencies.
  enum Use {
    case importedDatacenter, consumer, domestic
  }

  let h100e: [Double]
  let h100e8Bit: [Double]
  let use: [Use]
  /// Index of the SKU's vendor among the scenario's domestic vendors (nil: not one of them).
  let vendor: [Int?]

  init(chips: [ChipSKU], vendors: [String]) {
    h100e = chips.map(\.h100Equivalents)
    h100e8Bit = chips.map(\.h100Equivalents8Bit)
    use = chips.map { chip in
      switch (chip.origin, chip.market) {
      case (.domestic, _): .domestic
      case (.foreign, .consumer): .consumer
      case (.foreign, .datacenter): .importedDatacenter
      }
    }
    vendor = chips.map { chip in chip.origin == .domestic ? vendors.firstIndex(of: chip.vendor) : nil }
  }
}
