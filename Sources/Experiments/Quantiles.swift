/// Sample quantiles, interpolating linearly between order statistics (type 7, the default of
/// R and NumPy), found by selection rather than a full sort: O(n) per order statistic needed.
public enum Quantiles {
  /// The type-7 quantile of `values` (at least one, no NaN) at each probability in [0, 1].
  public static func of(_ values: [Double], at probabilities: [Double]) -> [Double] {
    precondition(!values.isEmpty, "no values to summarise")
    let last = values.count - 1
    let positions = probabilities.map { $0 * Double(last) }
    let ranks = Set(positions.flatMap { [Int($0.rounded(.down)), min(Int($0.rounded(.down)) + 1, last)] }).sorted()
    var work = values
    select(&work, ranks: ranks[...], in: 0..<work.count)
    return positions.map { position in
      let lower = Int(position.rounded(.down)), upper = min(lower + 1, last)
      return work[lower] + (position - Double(lower)) * (work[upper] - work[lower])
    }
  }

  /// Rearranges `a[range]` so that each index in `ranks` (ascending) holds the value it would
  /// hold were the range sorted: a multi-target quickselect with three-way partitioning.
  private static func select(_ a: inout [Double], ranks: ArraySlice<Int>, in range: Range<Int>) {
    guard !ranks.isEmpty else { return }
    if range.count <= 16 {
      a[range].sort()
      return
    }
    let mid = range.lowerBound + range.count / 2
    let pivot = medianOfThree(a[range.lowerBound], a[mid], a[range.upperBound - 1])
    var less = range.lowerBound, index = range.lowerBound, greater = range.upperBound
    while index < greater {
      if a[index] < pivot {
        a.swapAt(less, index)
        less += 1
        index += 1
      } else if a[index] > pivot {
        greater -= 1
        a.swapAt(index, greater)
      } else {
        index += 1
      }
    }
    // [lower, less) < pivot, [less, greater) == pivot (in place), [greater, upper) > pivot.
    let left = ranks.prefix { $0 < less }, right = ranks.drop { $0 < greater }
    select(&a, ranks: left, in: range.lowerBound..<less)
    select(&a, ranks: right, in: greater..<range.upperBound)
  }

  private static func medianOfThree(_ x: Double, _ y: Double, _ z: Double) -> Double {
    max(min(x, y), min(max(x, y), z))
  }
}
