/// Quantiles of a weighted sample, the weighted analogue of type 7 (``Quantiles``): the
/// weights are rescaled to sum to the number of values and read as case counts, so a value of
/// weight 2 counts as two values and one of weight 0 as none. This is Hmisc's
/// `wtd.quantile(type = "quantile")` with the weights normalised to sum to `n`.
///
/// With every weight equal it gives exactly the type-7 quantiles; with whole-number weights
/// summing to `n` it gives exactly the type-7 quantiles of the sample with each value repeated
/// as often as its weight.
public enum WeightedQuantiles {
  /// The quantiles of `values` weighted by `weights` (same count, at least one value, weights
  /// finite and >= 0 with a positive sum, no NaN) at each probability in [0, 1].
  ///
  /// Position `h = p (n - 1)` on the 0-based case scale; the result interpolates linearly
  /// between the values at cases `floor(h)` and `floor(h) + 1`, the value at case `j` being
  /// the smallest value whose cumulative weight reaches `j + 1`.
  /// - Complexity: O(n log n).
  public static func of(_ values: [Double], weights: [Double], at probabilities: [Double]) -> [Double] {
    precondition(!values.isEmpty && values.count == weights.count, "one weight per value")
    let total = weights.reduce(0, +)
    precondition(total > 0 && total.isFinite, "weights must have a positive, finite sum")
    let order = values.indices.sorted { values[$0] < values[$1] }
    let n = values.count
    let scale = Double(n) / total
    var cumulative: [Double] = []
    cumulative.reserveCapacity(n)
    var sum = 0.0
    for index in order {
      sum += weights[index] * scale
      cumulative.append(sum)
    }
    // Rescaled weights that should be whole numbers (e.g. all equal) land within rounding of
    // an integer; the tolerance keeps them on the integer's side.
    let tolerance = 1e-9 * Double(n)
    func valueAtCase(_ j: Int) -> Double {
      let needed = Double(j + 1) - tolerance
      var low = 0, high = n - 1
      while low < high {
        let middle = (low + high) / 2
        if cumulative[middle] >= needed { high = middle } else { low = middle + 1 }
      }
      return values[order[low]]
    }
    let last = n - 1
    return probabilities.map { probability in
      let position = probability * Double(last)
      let lower = Int(position.rounded(.down)), upper = min(lower + 1, last)
      let a = valueAtCase(lower), b = valueAtCase(upper)
      return a + (position - Double(lower)) * (b - a)
    }
  }
}
