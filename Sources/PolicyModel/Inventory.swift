/// Chips that have arrived in China and are not yet deployed, in order of arrival.
///
/// Units of one SKU from one source arriving in one month form one entry (a used gray lot is an
/// entry of its own, since its chips carry an age); each entry becomes deployable on its ready
/// day (arrival month end plus the integration or migration lag) and is deployed first-in,
/// first-out.
struct Inventory {
  struct Entry {
    let source: SupplySource
    let sku: Int
    /// Month of arrival (−1 for the stockpile) and lot number (−1 when lots are merged).
    let month: Int
    let lot: Int
    var units: Int
    let readyDay: Double
    /// Age of the chips on arrival, days (used lots).
    let ageDays: Double
  }

  private(set) var entries: [Entry] = []

  /// Adds `units` to the entry of (source, SKU, month), or a new entry for a distinct lot.
  mutating func add(_ units: Int, source: SupplySource, sku: Int, month: Int, lot: Int = -1, readyDay: Double, ageDays: Double = 0) {
    guard units > 0 else { return }
    if lot < 0 {
      // This month's entries are the last ones: arrivals come in time order.
      for index in entries.indices.reversed() {
        guard entries[index].month == month else { break }
        if entries[index].source == source && entries[index].sku == sku && entries[index].lot < 0 {
          entries[index].units += units
          return
        }
      }
    }
    entries.append(Entry(source: source, sku: sku, month: month, lot: lot, units: units, readyDay: readyDay, ageDays: ageDays))
  }

  /// Takes `units` of entry `index` (for deployment).
  mutating func take(_ units: Int, from index: Int) {
    entries[index].units -= units
  }

  /// Removes the entries that have been emptied.
  mutating func removeEmpty() {
    if entries.contains(where: { $0.units == 0 }) { entries.removeAll { $0.units == 0 } }
  }

  /// Units held, by SKU, added into `units`.
  func count(into units: inout [Int]) {
    for entry in entries { units[entry.sku] += entry.units }
  }
}
