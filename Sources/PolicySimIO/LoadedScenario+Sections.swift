import Foundation
import PolicyModel
import Stochastic

extension LoadedScenario {
  static let policyKinds = ["classification", "destinationTier", "skuRule", "chinaImportBan"]
  static let classificationRules = ["oct2022": ClassificationRule.october2022, "oct2023": .october2023]

  static func decodePolicies(_ value: JSONValue?, reader: inout ScenarioReader) -> [PolicyEvent] {
    let listPath = JSONPath.root.appending("policies")
    let skuIDs = ChipCatalog.standard.map(\.id)
    return reader.array(value, at: listPath).enumerated().compactMap { index, item in
      let path = listPath.appending(index)
      let keys = ["date", "kind", "note", "rule", "tier", "sku", "status", "approvalProbability", "delayDays", "banned"]
      guard let policy = reader.object(item, at: path, allowed: keys, required: ["date", "kind"]),
        let date = reader.date(policy["date"], at: path.appending("date")),
        let kind = reader.string(policy["kind"], at: path.appending("kind"))
      else { return nil }
      let note = reader.string(policy["note"], at: path.appending("note")) ?? kind
      func sku() -> String? {
        guard let id = reader.string(policy["sku"], at: path.appending("sku")) else {
          if policy["sku"] == nil { reader.report(path.appending("sku"), "expected a SKU, found nothing") }
          return nil
        }
        guard skuIDs.contains(id) else {
          let hint = suggestion(for: id, among: skuIDs).map { "; did you mean \"\($0)\"?" } ?? ""
          reader.report(path.appending("sku"), "expected a SKU of the catalog, found \"\(id)\"\(hint)")
          return nil
        }
        return id
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
      default:
        let hint = suggestion(for: kind, among: policyKinds).map { "; did you mean \"\($0)\"?" } ?? ""
        reader.report(path.appending("kind"), "expected one of \(policyKinds.joined(separator: ", ")), found \"\(kind)\"\(hint)")
        return nil
      }
      return change.map { PolicyEvent(date: date, change: $0, note: note) }
    }
  }

  static func decodeDomestic(_ value: JSONValue, reader: inout ScenarioReader) -> DomesticLine? {
    let path = JSONPath.root.appending("domestic")
    let counts = ["waferStartsPerMonth", "cycleTimeDays", "hbmStacks", "dieBank", "packagingCapacityPerMonth", "yieldRatePerMonth"]
    let fractions = ["aiShare", "initialYield", "maximumYield"]
    guard let line = reader.object(value, at: path, allowed: ["sku"] + counts + fractions, required: ["sku"] + counts + fractions),
      let sku = reader.string(line["sku"], at: path.appending("sku"))
    else { return nil }
    var drawn: [String: Distribution] = [:]
    for key in counts {
      drawn[key] = reader.distribution(line[key], at: path.appending(key), support: 0...(.infinity), expected: "a number >= 0")
    }
    for key in fractions {
      drawn[key] = reader.distribution(line[key], at: path.appending(key), support: 0...1, expected: "a fraction in [0, 1]")
    }
    guard drawn.count == counts.count + fractions.count else { return nil }
    return DomesticLine(
      sku: sku, waferStartsPerMonth: drawn["waferStartsPerMonth"]!, aiShare: drawn["aiShare"]!,
      initialYield: drawn["initialYield"]!, maximumYield: drawn["maximumYield"]!,
      yieldRatePerMonth: drawn["yieldRatePerMonth"]!, cycleTimeDays: drawn["cycleTimeDays"]!,
      hbmStacks: drawn["hbmStacks"]!, dieBank: drawn["dieBank"]!,
      packagingCapacityPerMonth: drawn["packagingCapacityPerMonth"]!)
  }
}
