/// Deployed chips, one cohort per deployment of an arrival (source, SKU, arrival month, lot).
///
/// Each cohort carries its own draws, keyed to it (see ``KeyedDraws``): a lifetime and a
/// failure-hazard multiplier. Failures follow the cohort's hazard deterministically: after k
/// months ⌊deployed · e^(−λk/12)⌋ units survive, so a larger cohort never has fewer survivors
/// and two runs that share a cohort share its fate. The whole cohort retires at the end of
/// its lifetime.
struct Fleet {
  struct Cohort {
    let source: SupplySource
    let sku: Int
    let deployed: Int
    /// Fraction of `deployed` that has survived failures so far.
    var survival: Double
    var units: Int
    let monthlySurvival: Double
    /// Day the cohort retires (`.infinity`: never within the model).
    let retireDay: Double
  }

  private(set) var cohorts: [Cohort] = []

  /// Adds a cohort of `units` with its monthly survival factor and retirement day.
  mutating func deploy(_ units: Int, source: SupplySource, sku: Int, monthlySurvival: Double, retireDay: Double) {
    guard units > 0 else { return }
    cohorts.append(
      Cohort(source: source, sku: sku, deployed: units, survival: 1, units: units, monthlySurvival: monthlySurvival, retireDay: retireDay))
  }

  /// Ages every cohort by one month: failures by each cohort's hazard, then retirement of the
  /// cohorts whose lifetime ends by `day`. Returns (failed, retired) units by SKU, added into
  /// the given arrays.
  mutating func age(toDay day: Double, failed: inout [Int], retired: inout [Int]) {
    for index in cohorts.indices {
      var cohort = cohorts[index]
      cohort.survival *= cohort.monthlySurvival
      let survivors = min(cohort.units, Saturating.floor(Double(cohort.deployed) * cohort.survival))
      failed[cohort.sku] += cohort.units - survivors
      cohort.units = survivors
      if cohort.retireDay <= day {
        retired[cohort.sku] += cohort.units
        cohort.units = 0
      }
      cohorts[index] = cohort
    }
    cohorts.removeAll { $0.units == 0 }
  }

  /// Units deployed, by source and SKU: `units[source.index][sku]`.
  func units(sources: Int, skus: Int) -> [[Int]] {
    var units = Array(repeating: Array(repeating: 0, count: skus), count: sources)
    for cohort in cohorts { units[cohort.source.index][cohort.sku] += cohort.units }
    return units
  }
}
