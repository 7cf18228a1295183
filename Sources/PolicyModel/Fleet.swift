/// Deployed chips, one cohort per deployment of an arrival (source, SKU, arrival month, lot).
///
/// Each cohort carries its own draws, keyed to it (see ``KeyedDraws``): a lifetime and a
/// failure-hazard multiplier. Failures follow the cohort's hazard deterministically: after k
/// months ⌊deployed · e^(−λk/12)⌋ units survive, so a larger cohort never has fewer survivors
/// and two runs that share a cohort share its fate. The whole cohort retires at the end of
/// its lifetime. Cohorts are stored column by column, since every month touches each of them.
struct Fleet {
  private(set) var source: [SupplySource] = []
  /// `source.index * skus`, the start of the source's row in a tally.
  private var slot: [Int] = []
  private(set) var sku: [Int] = []
  /// Cohorts left empty (failed or retired to the last unit) since the last compaction.
  private var empty = 0
  private var deployed: [Double] = []
  /// Fraction of `deployed` that has survived failures so far.
  private var survival: [Double] = []
  private(set) var units: [Int] = []
  private var monthlySurvival: [Double] = []
  /// Day each cohort retires (`.infinity`: never within the model).
  private var retireDay: [Double] = []

  /// Adds a cohort of `units` with its monthly survival factor and retirement day.
  mutating func deploy(_ count: Int, source: SupplySource, sku: Int, skus: Int, monthlySurvival: Double, retireDay: Double) {
    guard count > 0 else { return }
    self.source.append(source)
    slot.append(source.index * skus)
    self.sku.append(sku)
    deployed.append(Double(count))
    survival.append(1)
    units.append(count)
    self.monthlySurvival.append(monthlySurvival)
    self.retireDay.append(retireDay)
  }

  /// Ages every cohort by one month: failures by each cohort's hazard, then retirement of the
  /// cohorts whose lifetime ends by `day`. Adds the failed and retired units by SKU into the
  /// given arrays, and writes the survivors by source and SKU into
  /// `tally[source.index * skus + sku]`.
  mutating func age(toDay day: Double, failed: inout [Int], retired: inout [Int], tally: inout [Int], skus: Int) {
    for index in tally.indices { tally[index] = 0 }
    var emptied = 0
    for index in units.indices where units[index] > 0 {
      survival[index] *= monthlySurvival[index]
      let held = units[index], kind = sku[index]
      // deployed ≤ 10^13 and survival only falls, so this is ⌊·⌋ and never above held.
      let survivors = Int(deployed[index] * survival[index])
      failed[kind] += held - survivors
      if retireDay[index] <= day {
        retired[kind] += survivors
        units[index] = 0
      } else {
        units[index] = survivors
        tally[slot[index] + kind] += survivors
      }
      if units[index] == 0 { emptied += 1 }
    }
    empty += emptied
    if empty * 8 > units.count { removeEmpty() }
  }

  private mutating func removeEmpty() {
    empty = 0
    var kept = 0
    for index in units.indices where units[index] > 0 {
      source[kept] = source[index]
      slot[kept] = slot[index]
      sku[kept] = sku[index]
      deployed[kept] = deployed[index]
      survival[kept] = survival[index]
      units[kept] = units[index]
      monthlySurvival[kept] = monthlySurvival[index]
      retireDay[kept] = retireDay[index]
      kept += 1
    }
    let removed = units.count - kept
    guard removed > 0 else { return }
    source.removeLast(removed)
    slot.removeLast(removed)
    sku.removeLast(removed)
    deployed.removeLast(removed)
    survival.removeLast(removed)
    units.removeLast(removed)
    monthlySurvival.removeLast(removed)
    retireDay.removeLast(removed)
  }
}
