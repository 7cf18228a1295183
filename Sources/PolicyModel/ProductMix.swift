/// How a vendor's output is split across its products by date: newer products ramp in and take
/// their share of what is left, so a product introduced later really gets new wafers and
/// packaging instead of waiting behind an old backlog.
///
/// From newest to oldest, product i takes sᵢ = rᵢ(t) · (1 − Σ_{j > i} sⱼ), where rᵢ rises
/// linearly from 0 at its start to its final share over its ramp; the first product takes all
/// that remains. A product before its start takes nothing.
enum ProductMix {
  /// The shares of `products` (in order of introduction) on `day`; they sum to 1 once the first
  /// product has started.
  static func shares(onDay day: Double, of products: [(fromDay: Double, rampDays: Double, finalShare: Double)]) -> [Double] {
    var shares = [Double](repeating: 0, count: products.count)
    write(onDay: day, of: products, into: &shares)
    return shares
  }

  /// The shares of ``shares(onDay:of:)`` written into `shares` (as many entries as products).
  static func write(onDay day: Double, of products: [(fromDay: Double, rampDays: Double, finalShare: Double)], into shares: inout [Double]) {
    for index in shares.indices { shares[index] = 0 }
    var remaining = 1.0
    for index in products.indices.reversed() where day >= products[index].fromDay {
      let product = products[index]
      let ramp = product.rampDays > 0 ? min(1, (day - product.fromDay) / product.rampDays) : 1
      let share = index == 0 ? remaining : remaining * ramp * product.finalShare
      shares[index] = share
      remaining -= share
    }
  }
}
