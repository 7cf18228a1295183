/// Where a unit came from, for the capacity split by source.
enum SupplySource: Int, CaseIterable {
  case nvidia, gray, domestic

  /// The role this source's chips serve first: Nvidia chips train, domestic chips infer.
  var preferredRole: FleetRole { self == .domestic ? .inference : .training }
}

/// What a deployed chip is used for.
enum FleetRole: Int, CaseIterable {
  case training, inference
}

/// Deployed chips, held per cell (source, role, SKU) and tracked per cohort (one deployment)
/// for retirement.
///
/// Failures are memoryless, so they are drawn per cell; a retiring cohort then takes its
/// share of the cell's survivors: `units × nominal(cohort) / nominal(cell)`, rounded, the last
/// cohort of a cell taking all that remain. This keeps the work per month proportional to
/// the number of cells, not of cohorts, and every unit is accounted for.
struct Fleet {
  struct Cell: Equatable {
    var source: SupplySource
    var role: FleetRole
    var sku: Int
  }

  struct Cohort {
    var cell: Cell
    var nominal: Int
  }

  let skuCount: Int
  /// Units and nominal (deployed, not retired) units by cell index, in (source, role, SKU) order.
  private(set) var units: [Int]
  private var nominal: [Int]
  private(set) var cohorts: [Cohort] = []

  init(skuCount: Int) {
    self.skuCount = skuCount
    units = Array(repeating: 0, count: SupplySource.allCases.count * FleetRole.allCases.count * skuCount)
    nominal = units
  }

  private func index(_ cell: Cell) -> Int {
    (cell.source.rawValue * FleetRole.allCases.count + cell.role.rawValue) * skuCount + cell.sku
  }

  private func cell(at index: Int) -> Cell {
    let roles = FleetRole.allCases.count
    return Cell(
      source: SupplySource(rawValue: index / (roles * skuCount))!,
      role: FleetRole(rawValue: index / skuCount % roles)!, sku: index % skuCount)
  }

  /// Cells holding units with their counts, in a fixed order so that draws and sums over
  /// them are reproducible.
  var occupied: [(cell: Cell, units: Int)] {
    units.indices.compactMap { units[$0] > 0 ? (cell(at: $0), units[$0]) : nil }
  }

  /// Deploys `count` units into `cell` as a new cohort; returns the cohort's index.
  mutating func deploy(_ count: Int, into cell: Cell) -> Int {
    units[index(cell)] += count
    nominal[index(cell)] += count
    cohorts.append(Cohort(cell: cell, nominal: count))
    return cohorts.count - 1
  }

  /// Removes `count` failed units from `cell` (at most what it holds).
  mutating func fail(_ count: Int, in cell: Cell) {
    units[index(cell)] -= min(count, units[index(cell)])
  }

  /// Retires cohort `number`: removes its share of the cell's surviving units and returns it.
  mutating func retire(cohort number: Int) -> Int {
    let cohort = cohorts[number], slot = index(cohort.cell)
    guard cohort.nominal > 0 else { return 0 }
    let held = units[slot], total = nominal[slot]
    let share = total == cohort.nominal
      ? held : min(held, Int((Double(held) * Double(cohort.nominal) / Double(total)).rounded()))
    units[slot] = held - share
    nominal[slot] = total - cohort.nominal
    cohorts[number].nominal = 0
    return share
  }

  /// Units deployed of SKU `sku` across sources and roles.
  func deployed(sku: Int) -> Int {
    stride(from: sku, to: units.count, by: skuCount).reduce(0) { $0 + units[$1] }
  }
}
