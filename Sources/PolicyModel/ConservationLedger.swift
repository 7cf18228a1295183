/// Counts every unit of every SKU by the event that moved it, so that a replication can prove
/// no chip was created or lost without a reason:
/// initial + arrived = inventory + deployed + failed + retired. Seized, blocked and cancelled
/// units never arrived and are counted apart.
struct ConservationLedger {
  var initial: [Int]
  var arrived: [Int]
  var failed: [Int]
  var retired: [Int]
  var seized: [Int]
  var cancelled: [Int]

  init(skuCount: Int) {
    initial = Array(repeating: 0, count: skuCount)
    arrived = initial
    failed = initial
    retired = initial
    seized = initial
    cancelled = initial
  }

  /// Throws when any SKU's books do not balance against the stocks held.
  func check(inventory: [Int], deployed: [Int], skuIDs: [String]) throws {
    for sku in skuIDs.indices {
      let sources = initial[sku] + arrived[sku]
      let uses = inventory[sku] + deployed[sku] + failed[sku] + retired[sku]
      if sources != uses {
        throw ConservationError(
          sku: skuIDs[sku],
          detail: "initial \(initial[sku]) + arrived \(arrived[sku]) ≠ inventory \(inventory[sku]) + deployed \(deployed[sku]) + failed \(failed[sku]) + retired \(retired[sku])")
      }
    }
  }
}

/// A replication's books did not balance: a modelling defect, never silently ignored.
public struct ConservationError: Error, CustomStringConvertible {
  public let sku: String
  public let detail: String
  public var description: String { "conservation violated for \(sku): \(detail)" }
}
