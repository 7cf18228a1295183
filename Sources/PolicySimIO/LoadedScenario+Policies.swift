import Foundation
import PolicyModel
import Stochastic

/// The kinds of policy event, spelled as in the scenario file.
enum PolicyKind: String, CaseIterable {
  case classification, destinationTier, skuRule, chinaImportBan, tier2Cap, enforcement

  /// The keys a policy of this kind requires and the ones it may add.
  var keys: (required: [String], optional: [String]) {
    switch self {
    case .classification: (["rule"], [])
    case .destinationTier: (["tier"], [])
    case .skuRule: (["sku", "status"], ["approvalProbability", "delayDays"])
    case .chinaImportBan: (["sku", "banned"], [])
    case .tier2Cap: (["h100ePerYear"], [])
    case .enforcement: (["grayMarketMultiplier"], [])
    }
  }
}

/// Decoding of the `policies` list: dated changes of the export regime.
extension LoadedScenario {
  static let classificationRules = ["oct2022": ClassificationRule.october2022, "oct2023": .october2023]

  static func decodePolicies(_ value: JSONValue?, reader: inout ScenarioReader) -> [PolicyEvent] {
    let listPath = JSONPath.root.appending("policies")
    let common = ["date", "kind", "note"]
    let every = common + PolicyKind.allCases.flatMap { $0.keys.required + $0.keys.optional }
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      guard let policy = reader.object(item, at: path, allowed: every, required: ["date", "kind"]) else { return nil }
      let date = reader.date(policy["date"], at: path.appending("date"))
      let note = reader.string(policy["note"], at: path.appending("note"))
      guard let name = reader.string(policy["kind"], at: path.appending("kind")) else { return nil }
      guard let kind = PolicyKind(rawValue: name) else {
        let names = PolicyKind.allCases.map(\.rawValue)
        let hint = suggestion(for: name, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
        reader.report(path.appending("kind"), "expected one of \(names.joined(separator: ", ")), found \"\(name)\"\(hint)")
        return nil
      }
      let keys = kind.keys
      for key in policy.keys.sorted() where every.contains(key) && !(common + keys.required + keys.optional).contains(key) {
        reader.report(path, "key \"\(key)\" does not apply to a \(name) policy (it takes \((keys.required + keys.optional).joined(separator: ", ")))")
      }
      for key in keys.required where policy[key] == nil {
        reader.report(path.appending(key), "expected a value, found nothing")
      }
      let change = decodeChange(kind, policy, at: path, reader: &reader)
      guard let date, let change else { return nil }
      return PolicyEvent(date: date, change: change, note: note ?? name)
    }
  }

  /// The change a policy of `kind` makes (its required keys were checked by the caller).
  private static func decodeChange(_ kind: PolicyKind, _ policy: [String: JSONValue], at path: JSONPath, reader: inout ScenarioReader) -> PolicyChange? {
    switch kind {
    case .classification:
      guard let name = reader.string(policy["rule"], at: path.appending("rule")) else { return nil }
      guard let rule = classificationRules[name] else {
        reader.report(path.appending("rule"), "expected one of \(classificationRules.keys.sorted().joined(separator: ", ")), found \"\(name)\"")
        return nil
      }
      return .classification(rule)
    case .destinationTier:
      return reader.wholeNumber(policy["tier"], at: path.appending("tier"), in: 1...3, expected: "a tier 1, 2 or 3")
        .flatMap { DestinationTier(rawValue: $0) }.map { .destinationTier($0) }
    case .skuRule:
      let sku = reader.sku(policy["sku"], at: path.appending("sku"), origin: .foreign)
      let status: SKUStatus?
      let statusText = reader.string(policy["status"], at: path.appending("status"))
      if let statusText, statusText != "licence" {
        for key in ["approvalProbability", "delayDays"] where policy[key] != nil {
          reader.report(path.appending(key), "expected this key only with status \"licence\", found it with \"\(statusText)\"")
        }
      }
      switch statusText {
      case "allowed": status = .allowed
      case "banned": status = .banned
      case "licence":
        for key in ["approvalProbability", "delayDays"] where policy[key] == nil {
          reader.report(path.appending(key), "expected a value for a licence, found nothing")
        }
        let p = reader.number(policy["approvalProbability"], at: path.appending("approvalProbability"), in: 0...1, expected: "a probability in [0, 1]")
        let delay = reader.number(policy["delayDays"], at: path.appending("delayDays"), in: 0...3_650, expected: "days in [0, 3650]")
        status = p.flatMap { p in delay.map { .licenceRequired(approvalProbability: p, delayDays: $0) } }
      case let other?:
        reader.report(path.appending("status"), "expected \"allowed\", \"licence\" or \"banned\", found \"\(other)\"")
        status = nil
      case nil:
        status = nil
      }
      guard let sku, let status else { return nil }
      return .skuRule(sku: sku, status: status)
    case .chinaImportBan:
      let sku = reader.sku(policy["sku"], at: path.appending("sku"), origin: .foreign)
      let banned = reader.bool(policy["banned"], at: path.appending("banned"))
      guard let sku, let banned else { return nil }
      return .chinaImportBan(sku: sku, banned: banned)
    case .tier2Cap:
      if case .null? = policy["h100ePerYear"] { return .tier2Cap(h100ePerYear: nil) }
      return reader.number(policy["h100ePerYear"], at: path.appending("h100ePerYear"), in: 0...(.infinity), expected: "H100e per year >= 0, or null to lift the cap")
        .map { .tier2Cap(h100ePerYear: $0) }
    case .enforcement:
      return reader.parameter(policy["grayMarketMultiplier"], at: path.appending("grayMarketMultiplier"), support: 0...1_000, expected: "a rate multiplier in [0, 1000]")
        .map { .enforcement(grayMarketMultiplier: $0) }
    }
  }
}
