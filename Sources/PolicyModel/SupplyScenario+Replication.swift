extension SupplyScenario {
  /// Runs replication `replication` with streams derived from `seed`.
  /// - Throws: ``ScenarioReferenceError`` for a SKU the catalog lacks; ``ConservationError``
  ///   if the books do not balance (a defect, never ignored); a handler's error with its time.
  public func runReplication(seed: UInt64, replication: Int) throws -> ReplicationResult {
    if let unknown = unknownSKU {
      throw ScenarioReferenceError(place: unknown.place, sku: unknown.sku, known: chips.map(\.id).sorted())
    }
    let model = SupplyChainModel(scenario: self, seed: seed, replication: replication)
    return try model.run()
  }
}

/// A scenario names a SKU the chip catalog does not have.
public struct ScenarioReferenceError: Error, CustomStringConvertible {
  public let place: String
  public let sku: String
  public let known: [String]
  public var description: String {
    "\(place): expected a SKU of the catalog (\(known.joined(separator: ", "))), found \"\(sku)\""
  }
}
