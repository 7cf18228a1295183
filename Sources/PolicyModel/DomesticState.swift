/// What a domestic vendor holds during a replication: good dies by compute die, the die bank,
/// and HBM stacks by supply; with the fixed facts of its products.
struct DomesticState {
  struct Product: Sendable {
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
  /// The products of each die, and of each HBM supply (by ``HBMSupply/index``).
  let productsOfDie: [[Int]]
  let productsOfSupply: [[Int]]
  /// The product shares of the last month packaged, and of the wafers last started (see
  /// ``ProductMix``).
  var shares: [Double]
  var waferShares: [Double]
  /// Index in `dies` of the die the bank holds (nil: no bank, or a die no product uses).
  let bankDie: Int?
  var dieStock: [Int]
  var bank: Int
  /// Stacks by ``HBMSupply`` (`[imported, domestic]`).
  var hbm: [Int] = [0, 0]

  /// A vendor's state at the start: its fixed facts from `layout`, the drawn bank and stacks.
  init(layout: Layout, bank: Int, hbmStacks: Int) {
    products = layout.products
    dies = layout.dies
    productsOfDie = layout.productsOfDie
    productsOfSupply = layout.productsOfSupply
    bankDie = layout.bankDie
    shares = Array(repeating: 0, count: products.count)
    waferShares = shares
    dieStock = Array(repeating: 0, count: dies.count)
    self.bank = bank
    hbm[HBMSupply.imported.index] = hbmStacks
  }

  /// The fixed facts of a vendor's products and dies, worked out once per scenario.
  struct Layout: Sendable {
    let products: [Product]
    let dies: [String]
    let productsOfDie: [[Int]]
    let productsOfSupply: [[Int]]
    let bankDie: Int?

    init(vendor: DomesticVendor, chips: [ChipSKU], skuIndex: [String: Int], firstProductNumber: Int) {
      var dies: [String] = []
      var products: [Product] = []
      for (offset, product) in vendor.products.enumerated() {
        guard let sku = skuIndex[product.sku] else { continue }  // refused before any replication runs
        let chip = chips[sku]
        let die = chip.computeDie ?? chip.id
        if !dies.contains(die) { dies.append(die) }
        products.append(
          Product(
            sku: sku, number: firstProductNumber + offset, die: dies.firstIndex(of: die)!, diesPerPackage: chip.diesPerPackage,
            stacksPerPackage: chip.hbmStacksPerPackage,
            grossDiesPerWafer: WaferGeometry.grossDies(dieAreaMm2: chip.dieAreaPerDieMm2), hbm: product.hbm))
      }
      self.products = products
      self.dies = dies
      productsOfDie = dies.indices.map { die in products.indices.filter { products[$0].die == die } }
      productsOfSupply = HBMSupply.allCases.map { supply in products.indices.filter { products[$0].hbm == supply } }
      bankDie = vendor.dieBank.flatMap { dies.firstIndex(of: $0.die) }
    }
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
