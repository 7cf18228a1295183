import Foundation
import PolicyModel
import Stochastic

extension LoadedScenario {
  static let policyKinds = [
    "classification", "destinationTier", "skuRule", "chinaImportBan", "tier2Cap", "enforcement",
  ]
  static let classificationRules = ["oct2022": ClassificationRule.october2022, "oct2023": .october2023]

  static func decodePolicies(_ value: JSONValue?, reader: inout ScenarioReader) -> [PolicyEvent] {
    let listPath = JSONPath.root.appending("policies")
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      let keys = [
        "date", "kind", "note", "rule", "tier", "sku", "status", "approvalProbability", "delayDays", "banned",
        "h100ePerYear", "grayMarketMultiplier",
      ]
      guard let policy = reader.object(item, at: path, allowed: keys, required: ["date", "kind"]),
        let date = reader.date(policy["date"], at: path.appending("date")),
        let kind = reader.string(policy["kind"], at: path.appending("kind"))
      else { return nil }
      let note = reader.string(policy["note"], at: path.appending("note")) ?? kind
      func sku() -> String? {
        if policy["sku"] == nil { reader.report(path.appending("sku"), "expected a SKU, found nothing") }
        return reader.sku(policy["sku"], at: path.appending("sku"))
      }
      let change: PolicyChange?
      switch kind {
      case "classification":
        let name = reader.string(policy["rule"], at: path.appending("rule"))
        change = name.flatMap { classificationRules[$0] }.map { .classification($0) }
        if change == nil {
          reader.report(path.appending("rule"), "expected one of \(classificationRules.keys.sorted().joined(separator: ", ")), found \(policy["rule"]?.summary ?? "nothing")")
        }
      case "destinationTier":
        change = reader.number(policy["tier"], at: path.appending("tier"), in: 1...3, expected: "a tier 1, 2 or 3")
          .flatMap { DestinationTier(rawValue: Int($0)) }.map { .destinationTier($0) }
      case "skuRule":
        guard let id = sku() else { return nil }
        switch reader.string(policy["status"], at: path.appending("status")) {
        case "allowed": change = .skuRule(sku: id, status: .allowed)
        case "banned": change = .skuRule(sku: id, status: .banned)
        case "licence":
          guard let p = reader.number(policy["approvalProbability"], at: path.appending("approvalProbability"), in: 0...1, expected: "a probability in [0, 1]"),
            let delay = reader.number(policy["delayDays"], at: path.appending("delayDays"), in: 0...3_650, expected: "days in [0, 3650]")
          else { return nil }
          change = .skuRule(sku: id, status: .licenceRequired(approvalProbability: p, delayDays: delay))
        case let other:
          reader.report(path.appending("status"), "expected \"allowed\", \"licence\" or \"banned\", found \(other.map { "\"\($0)\"" } ?? "nothing")")
          return nil
        }
      case "chinaImportBan":
        guard let id = sku() else { return nil }
        guard case .bool(let banned)? = policy["banned"] else {
          reader.report(path.appending("banned"), "expected true or false, found \(policy["banned"]?.summary ?? "nothing")")
          return nil
        }
        change = .chinaImportBan(sku: id, banned: banned)
      case "tier2Cap":
        if case .null? = policy["h100ePerYear"] {
          change = .tier2Cap(h100ePerYear: nil)
        } else {
          guard let cap = reader.number(policy["h100ePerYear"], at: path.appending("h100ePerYear"), in: 0...(.infinity), expected: "H100e per year >= 0, or null to lift the cap")
          else {
            if policy["h100ePerYear"] == nil { reader.report(path.appending("h100ePerYear"), "expected H100e per year >= 0, or null to lift the cap, found nothing") }
            return nil
          }
          change = .tier2Cap(h100ePerYear: cap)
        }
      case "enforcement":
        let multiplierPath = path.appending("grayMarketMultiplier")
        guard let multiplier = reader.distribution(policy["grayMarketMultiplier"], at: multiplierPath, support: 0...(.infinity), expected: "a rate multiplier >= 0")
        else {
          if policy["grayMarketMultiplier"] == nil { reader.report(multiplierPath, "expected a rate multiplier >= 0, found nothing") }
          return nil
        }
        change = .enforcement(grayMarketMultiplier: multiplier)
      default:
        let hint = suggestion(for: kind, among: policyKinds).map { "; did you mean \"\($0)\"?" } ?? ""
        reader.report(path.appending("kind"), "expected one of \(policyKinds.joined(separator: ", ")), found \"\(kind)\"\(hint)")
        return nil
      }
      return change.map { PolicyEvent(date: date, change: $0, note: note) }
    }
  }
}
