extension SupplyScenario {
  /// Runs replication `replication` with streams derived from `seed`.
  /// - Throws: ``ScenarioReferenceError`` for a SKU the catalog lacks; ``ConservationError``
  ///   if the books do not balance (a defect, never ignored); a handler's error with its time.
  public func runReplication(seed: UInt64, replication: Int) throws -> ReplicationResult {
    try checkReferences()
    var model = SupplyChainModel(scenario: self, seed: seed, replication: replication)
    return try model.run()
  }

  /// Every SKU named by a stockpile entry, channel, production line or policy is in `chips`.
  public func checkReferences() throws {
    let known = Set(chips.map(\.id))
    var named: [(String, String)] = stockpile.enumerated().map { ("stockpile[\($0.offset)].sku", $0.element.sku) }
    named += legalImports.enumerated().map { ("legalImports[\($0.offset)].sku", $0.element.sku) }
    named += grayMarket.enumerated().map { ("grayMarket[\($0.offset)].sku", $0.element.sku) }
    if let domestic { named.append(("domestic.sku", domestic.sku)) }
    for (path, sku) in named where !known.contains(sku) {
      throw ScenarioReferenceError(path: path, sku: sku, known: known.sorted())
    }
  }
}

/// A scenario names a SKU the chip catalog does not have.
public struct ScenarioReferenceError: Error, CustomStringConvertible {
  public let path: String
  public let sku: String
  public let known: [String]
  public var description: String {
    "at $.\(path): expected a SKU of the catalog (\(known.joined(separator: ", "))), found \"\(sku)\""
  }
}
