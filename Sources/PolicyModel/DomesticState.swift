/// What a domestic vendor holds during a replication: good dies by compute die, the die bank,
/// and HBM stacks by supply; with the fixed facts of its products.
struct DomesticState {
  struct Product {
    /// Catalog index of the product's SKU, and its global product number (metric columns).
    let sku: Int
    let number: Int
    /// Index of its compute die in the vendor's `dies`.
    let die: Int
    let diesPerPackage: Int
    let stacksPerPackage: Int
    let grossDiesPerWafer: Int
    let hbm: HBMSupply
  }

  let products: [Product]
  /// The compute dies the vendor's products use, by name.
  let dies: [String]
  /// Index in `dies` of the die the bank holds (nil: no bank, or a die no product uses).
  let bankDie: Int?
  var dieStock: [Int]
  var bank: Int
  /// Stacks by ``HBMSupply`` (`[imported, domestic]`).
  var hbm: [Int] = [0, 0]

  init(vendor: DomesticVendor, chips: [ChipSKU], firstProductNumber: Int, bank: Int, hbmStacks: Int) {
    var dies: [String] = []
    var products: [Product] = []
    for (offset, product) in vendor.products.enumerated() {
      let chip = chips.first { $0.id == product.sku }!
      let die = chip.computeDie ?? chip.id
      if !dies.contains(die) { dies.append(die) }
      products.append(
        Product(
          sku: chips.firstIndex { $0.id == product.sku }!, number: firstProductNumber + offset,
          die: dies.firstIndex(of: die)!, diesPerPackage: chip.diesPerPackage,
          stacksPerPackage: chip.hbmStacksPerPackage,
          grossDiesPerWafer: WaferGeometry.grossDies(dieAreaMm2: chip.dieAreaPerDieMm2), hbm: product.hbm))
    }
    self.products = products
    self.dies = dies
    bankDie = vendor.dieBank.flatMap { dies.firstIndex(of: $0.die) }
    dieStock = Array(repeating: 0, count: dies.count)
    self.bank = bank
    hbm[HBMSupply.imported.index] = hbmStacks
  }

  /// Dies of die `die` available to package: the fab's stock plus the bank if it holds them.
  func available(die: Int) -> Int { dieStock[die] + (die == bankDie ? bank : 0) }
}

extension HBMSupply {
  /// Position in `allCases`.
  var index: Int {
    switch self {
    case .imported: 0
    case .domestic: 1
    }
  }
}
