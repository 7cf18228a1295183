/// Flows counted during the month under way, reported at its end and then reset.
struct PeriodCounts {
  struct Product {
    var waferStarts = 0.0
    var diesMade = 0, diesUsed = 0, bankDies = 0, packages = 0
  }

  var acquiredUnits = [Int](repeating: 0, count: SupplySource.allCases.count)
  var acquiredH100e = [Double](repeating: 0, count: SupplySource.allCases.count)
  var graySeized = 0, legalCancelled = 0, failed = 0, retired = 0
  var deployedH100e = 0.0
  var product: [Product]

  init(metrics: MetricLayout) {
    product = Array(repeating: Product(), count: metrics.products.count)
  }

  mutating func acquired(_ units: Int, source: SupplySource, h100e: Double) {
    acquiredUnits[source.index] += units
    acquiredH100e[source.index] += h100e
  }

  /// Zeroes every count, keeping the arrays' storage.
  mutating func reset() {
    for index in acquiredUnits.indices {
      acquiredUnits[index] = 0
      acquiredH100e[index] = 0
    }
    graySeized = 0
    legalCancelled = 0
    failed = 0
    retired = 0
    deployedH100e = 0
    for index in product.indices { product[index] = Product() }
  }
}
