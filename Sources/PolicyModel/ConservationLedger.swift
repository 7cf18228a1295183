/// Counts every unit, die and HBM stack by the event that moved it, so that a replication can
/// prove nothing was created or lost without a reason:
/// - chips, per SKU: initial + arrived = inventory + deployed + failed + retired (seized and
///   cancelled units never arrived and are counted apart);
/// - dies, per vendor: bank at start + made = bank + fab stock + used;
/// - HBM, per vendor: stacks at start + delivered = held + used.
struct ConservationLedger {
  var initial: [Int]
  var arrived: [Int]
  var failed: [Int]
  var retired: [Int]
  var seized: [Int]
  var cancelled: [Int]
  let initialBank: [Int]
  let initialHBM: [Int]
  var diesMade: [Int]
  var diesUsed: [Int]
  var hbmDelivered: [Int]
  var hbmUsed: [Int]

  init(skuCount: Int, vendors: [DomesticState]) {
    initial = Array(repeating: 0, count: skuCount)
    arrived = initial
    failed = initial
    retired = initial
    seized = initial
    cancelled = initial
    initialBank = vendors.map(\.bank)
    initialHBM = vendors.map { $0.hbm.reduce(0, +) }
    diesMade = Array(repeating: 0, count: vendors.count)
    diesUsed = diesMade
    hbmDelivered = diesMade
    hbmUsed = diesMade
  }

  /// Throws when any SKU's, vendor's dies' or vendor's HBM's books do not balance.
  func check(inventory: Inventory, fleet: Fleet, vendors: [DomesticState], skuIDs: [String]) throws {
    var held = [Int](repeating: 0, count: skuIDs.count)
    inventory.count(into: &held)
    var deployed = held.map { _ in 0 }
    for (sku, units) in zip(fleet.sku, fleet.units) { deployed[sku] += units }
    for sku in skuIDs.indices {
      let sources = initial[sku] + arrived[sku]
      let uses = held[sku] + deployed[sku] + failed[sku] + retired[sku]
      if sources != uses {
        throw ConservationError(
          item: skuIDs[sku],
          detail: "initial \(initial[sku]) + arrived \(arrived[sku]) ≠ inventory \(held[sku]) + deployed \(deployed[sku]) + failed \(failed[sku]) + retired \(retired[sku])")
      }
    }
    for (index, vendor) in vendors.enumerated() {
      let stock = vendor.dieStock.reduce(0, +)
      if initialBank[index] + diesMade[index] != vendor.bank + stock + diesUsed[index] {
        throw ConservationError(
          item: "dies of vendor \(index)",
          detail: "bank \(initialBank[index]) + made \(diesMade[index]) ≠ bank \(vendor.bank) + stock \(stock) + used \(diesUsed[index])")
      }
      let stacks = vendor.hbm.reduce(0, +)
      if initialHBM[index] + hbmDelivered[index] != stacks + hbmUsed[index] {
        throw ConservationError(
          item: "HBM of vendor \(index)",
          detail: "start \(initialHBM[index]) + delivered \(hbmDelivered[index]) ≠ held \(stacks) + used \(hbmUsed[index])")
      }
    }
  }
}

/// A replication's books did not balance: a modelling defect, never silently ignored.
public struct ConservationError: Error, CustomStringConvertible {
  /// The SKU or stock whose books failed.
  public let item: String
  public let detail: String
  public var description: String { "conservation violated for \(item): \(detail)" }
}
