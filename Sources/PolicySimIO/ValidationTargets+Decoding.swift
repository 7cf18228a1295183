import Experiments
import Foundation

extension ValidationTargets {
  private static let topKeys = ["schemaVersion", "description", "formerNames", "targets"]
  private static let targetKeys = [
    "id", "measures", "published", "source", "caveat", "input", "calibrates", "reason", "window", "unit",
    "normalisation", "conversion", "sigma", "sigmaBasis", "errorGroup",
  ]
  /// Keys that only make sense for a target the model speaks to (with a window).
  private static let comparisonKeys = ["unit", "normalisation", "conversion", "sigma", "sigmaBasis", "errorGroup"]
  private static let largest = 1e15

  static func decode(_ json: JSONValue, reader: inout ScenarioReader) -> (String, [String: String], [ValidationTarget])? {
    let root = JSONPath.root
    guard let top = reader.object(json, at: root, allowed: topKeys, required: ["schemaVersion", "targets"]) else { return nil }
    _ = reader.wholeNumber(top["schemaVersion"], at: root.appending("schemaVersion"), in: 1...Double(schemaVersion), expected: "a targets-file version this tool reads (1 to \(schemaVersion))")
    let description = reader.string(top["description"], at: root.appending("description")) ?? ""
    var formerNames: [String: String] = [:]
    switch top["formerNames"] {
    case .object(let members)?:
      for (name, former) in members.sorted(by: { $0.key < $1.key }) {
        if let former = metricName(former, at: root.appending("formerNames").appending(name), reader: &reader) {
          formerNames[name] = former
        }
      }
    case let other?:
      reader.report(root.appending("formerNames"), "expected an object of metric name -> former name, found \(other.summary)")
    case nil:
      break
    }
    let items = reader.array(top["targets"], at: root.appending("targets"))
    if top["targets"] != nil, items.isEmpty { reader.report(root.appending("targets"), "expected at least one target, found none") }
    var targets: [ValidationTarget] = []
    var seen: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      let path = root.appending("targets").appending(index)
      if let target = decodeTarget(item, at: path, reader: &reader) { targets.append(target) }
      if case .object(let members) = item, case .string(let id)? = members["id"] {
        if let first = seen[id] { reader.report(path.appending("id"), "expected a unique id, found \"\(id)\" (also at $.targets[\(first)])") }
        seen[id] = seen[id] ?? index
      }
    }
    checkErrorGroups(targets, reader: &reader)
    return (description, formerNames, targets)
  }

  /// The targets of one error group share their conversion, since its error is one draw.
  private static func checkErrorGroups(_ targets: [ValidationTarget], reader: inout ScenarioReader) {
    var first: [String: (index: Int, comparison: ValidationTarget.Comparison)] = [:]
    for (index, target) in targets.enumerated() {
      guard let comparison = target.comparison, let group = comparison.errorGroup else { continue }
      guard let (firstIndex, other) = first[group] else {
        first[group] = (index, comparison)
        continue
      }
      if other.conversion != comparison.conversion || other.sigma != nil || comparison.sigma != nil {
        reader.report(
          JSONPath.root.appending("targets").appending(index).appending("errorGroup"),
          "expected the conversion of $.targets[\(firstIndex)] and no stated sigma in error group \"\(group)\" (its members share the conversion's error), found another")
      }
    }
  }

  private static func decodeTarget(_ value: JSONValue, at path: JSONPath, reader: inout ScenarioReader) -> ValidationTarget? {
    guard let members = reader.object(value, at: path, allowed: targetKeys, required: ["id", "measures", "published", "source", "input"]) else { return nil }
    let id = reader.string(members["id"], at: path.appending("id"))
    if let id, id.isEmpty || id.contains(where: { $0 == "," || $0.isWhitespace }) {
      reader.report(path.appending("id"), "expected an id without spaces or commas, found \"\(id)\"")
    }
    let measures = reader.string(members["measures"], at: path.appending("measures"))
    let source = reader.string(members["source"], at: path.appending("source"))
    let caveat = reader.string(members["caveat"], at: path.appending("caveat"))
    let isInput = reader.bool(members["input"], at: path.appending("input"))
    let calibrates = reader.string(members["calibrates"], at: path.appending("calibrates"))
    if isInput == true, members["calibrates"] == nil {
      reader.report(path.appending("calibrates"), "expected the scenario parameter this input calibrated, found nothing")
    } else if isInput == false, members["calibrates"] != nil {
      reader.report(path.appending("calibrates"), "expected no calibrates when input is false, found \(members["calibrates"]!.summary)")
    }
    let published = decodePublished(members["published"], at: path.appending("published"), reader: &reader)
    let mapping: ValidationTarget.Mapping?
    switch (members["window"], members["reason"]) {
    case (nil, nil):
      reader.report(path, "expected a window (the model outcome it maps to) or a reason (why the model cannot speak to it), found neither")
      mapping = nil
    case (.some, .some):
      reader.report(path.appending("reason"), "expected either a window or a reason, found both")
      mapping = nil
    case (nil, let reason?):
      for key in comparisonKeys where members[key] != nil {
        reader.report(path.appending(key), "expected no \(key) for a target with a reason (it is not compared), found \(members[key]!.summary)")
      }
      mapping = reader.string(reason, at: path.appending("reason")).map { .notModelled(reason: $0) }
    case (let window?, nil):
      mapping = decodeComparison(window, members: members, published: published, at: path, reader: &reader).map { .compared($0) }
    }
    guard let id, let measures, let source, let published, let mapping, isInput != nil else { return nil }
    return ValidationTarget(
      id: id, measures: measures, publishedText: published.text, source: source, caveat: caveat,
      calibrates: isInput == true ? calibrates : nil, mapping: mapping)
  }

  private static func decodePublished(_ value: JSONValue?, at path: JSONPath, reader: inout ScenarioReader)
    -> (text: String, central: Double?, range: ClosedRange<Double>?)?
  {
    guard let value, let members = reader.object(value, at: path, allowed: ["text", "central", "low", "high"], required: ["text"]) else { return nil }
    let text = reader.string(members["text"], at: path.appending("text"))
    let central = positive(members["central"], at: path.appending("central"), reader: &reader)
    let range = range(low: members["low"], high: members["high"], around: central, at: path, reader: &reader)
    guard let text else { return nil }
    return (text, central, range)
  }

  private static func decodeComparison(
    _ window: JSONValue, members: [String: JSONValue], published: (text: String, central: Double?, range: ClosedRange<Double>?)?,
    at path: JSONPath, reader: inout ScenarioReader
  ) -> ValidationTarget.Comparison? {
    let window = decodeWindow(window, at: path.appending("window"), reader: &reader)
    let unit = reader.string(members["unit"], at: path.appending("unit"))
    if members["unit"] == nil { reader.report(path.appending("unit"), "expected the metric's unit, found nothing") }
    var normalisation: H100eNormalisation?
    if let text = reader.string(members["normalisation"], at: path.appending("normalisation")) {
      normalisation = H100eNormalisation(rawValue: text)
      if normalisation == nil {
        let names = H100eNormalisation.allCases.map(\.rawValue)
        let hint = suggestion(for: text, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
        reader.report(path.appending("normalisation"), "expected one of \(names.joined(separator: ", ")), found \"\(text)\"\(hint)")
      }
    }
    if let published, published.central == nil {
      reader.report(path.appending("published").appending("central"), "expected the central value to compare with, found nothing")
    }
    let conversion = members["conversion"].flatMap { decodeConversion($0, at: path.appending("conversion"), reader: &reader) }
    var sigma: (Double, String)?
    switch (members["sigma"], members["sigmaBasis"]) {
    case (let value?, let basis?):
      let number = reader.number(value, at: path.appending("sigma"), in: 0.001...5, expected: "a log-scale spread in [0.001, 5]")
      if let number, let basis = reader.string(basis, at: path.appending("sigmaBasis")) { sigma = (number, basis) }
    case (.some, nil): reader.report(path.appending("sigmaBasis"), "expected the basis of the stated sigma, found nothing")
    case (nil, .some): reader.report(path.appending("sigma"), "expected the sigma its sigmaBasis explains, found nothing")
    case (nil, nil): break
    }
    guard let window, let unit, let published, let central = published.central else { return nil }
    let factor = conversion?.factor ?? 1
    let conversionSigma = conversion?.range.map { LognormalError.sigma(ninetyPercentLow: $0.lowerBound, high: $0.upperBound) } ?? 0
    return ValidationTarget.Comparison(
      window: window, unit: unit, normalisation: normalisation,
      published: PublishedFigure(central: central * factor, range: published.range.map { ($0.lowerBound * factor)...($0.upperBound * factor) }),
      conversion: conversion?.text, conversionSigma: conversionSigma, sigma: sigma,
      errorGroup: reader.string(members["errorGroup"], at: path.appending("errorGroup")))
  }

  private static func decodeWindow(_ value: JSONValue, at path: JSONPath, reader: inout ScenarioReader) -> TargetWindow? {
    guard let members = reader.object(value, at: path, allowed: ["kind", "metric", "date", "from", "to"], required: ["kind", "metric"]) else { return nil }
    var metrics: [String]?
    switch members["metric"] {
    case .array(let items)?:
      let names = items.enumerated().compactMap { metricName($1, at: path.appending("metric").appending($0), reader: &reader) }
      if items.isEmpty { reader.report(path.appending("metric"), "expected a metric name or a list of them to sum, found an empty list") }
      metrics = names.count == items.count && !items.isEmpty ? names : nil
    case let single?:
      metrics = metricName(single, at: path.appending("metric"), reader: &reader).map { [$0] }
    case nil:
      break
    }
    let kind = reader.string(members["kind"], at: path.appending("kind"))
    func date(_ key: String) -> String? {
      if members[key] == nil { reader.report(path.appending(key), "expected a date \"YYYY-MM-DD\", found nothing") }
      guard reader.date(members[key], at: path.appending(key)) != nil else { return nil }
      return reader.string(members[key], at: path.appending(key))
    }
    switch kind {
    case "stock"?:
      for key in ["from", "to"] where members[key] != nil {
        reader.report(path.appending(key), "expected no \(key) in a stock window (it has a date), found \(members[key]!.summary)")
      }
      guard let date = date("date"), let metrics else { return nil }
      return .stock(metrics: metrics, date: date)
    case "flow"?:
      if let found = members["date"] { reader.report(path.appending("date"), "expected no date in a flow window (it has from and to), found \(found.summary)") }
      let from = date("from"), to = date("to")
      if let from, let to, to < from { reader.report(path.appending("to"), "expected a date on or after from (\(from)), found \"\(to)\"") }
      guard let from, let to, from <= to, let metrics else { return nil }
      return .flow(metrics: metrics, from: from, to: to)
    case let other?:
      let hint = suggestion(for: other, among: ["stock", "flow"]).map { "; did you mean \"\($0)\"?" } ?? ""
      reader.report(path.appending("kind"), "expected \"stock\" or \"flow\", found \"\(other)\"\(hint)")
      return nil
    case nil:
      return nil
    }
  }

  private static func decodeConversion(_ value: JSONValue, at path: JSONPath, reader: inout ScenarioReader)
    -> (factor: Double, range: ClosedRange<Double>?, text: String)?
  {
    guard let members = reader.object(value, at: path, allowed: ["factor", "low", "high", "basis"], required: ["factor", "basis"]) else { return nil }
    let factor = reader.number(members["factor"], at: path.appending("factor"), in: 1e-9...1e9, expected: "a positive factor in [1e-9, 1e9]")
    let range = range(low: members["low"], high: members["high"], around: factor, at: path, reader: &reader)
    guard let factor, let basis = reader.string(members["basis"], at: path.appending("basis")) else { return nil }
    let spread = range.map { " (\(CSVTable.number($0.lowerBound))-\(CSVTable.number($0.upperBound)))" } ?? ""
    return (factor, range, "x\(CSVTable.number(factor))\(spread): \(basis)")
  }

  /// `low` and `high`, both or neither, positive, `low < high`, bracketing `central` if known.
  private static func range(low: JSONValue?, high: JSONValue?, around central: Double?, at path: JSONPath, reader: inout ScenarioReader) -> ClosedRange<Double>? {
    let lowValue = positive(low, at: path.appending("low"), reader: &reader)
    let highValue = positive(high, at: path.appending("high"), reader: &reader)
    switch (low, high) {
    case (.some, nil): reader.report(path.appending("high"), "expected a high value with the low one, found nothing")
    case (nil, .some): reader.report(path.appending("low"), "expected a low value with the high one, found nothing")
    default: break
    }
    guard let lowValue, let highValue else { return nil }
    guard lowValue < highValue else {
      reader.report(path.appending("high"), "expected a value above low (\(low!.summary)), found \(high!.summary)")
      return nil
    }
    if let central, !(lowValue...highValue).contains(central) {
      reader.report(path, "expected low <= central <= high, found \(low!.summary), \(CSVTable.number(central)), \(high!.summary)")
      return nil
    }
    return lowValue...highValue
  }

  private static func positive(_ value: JSONValue?, at path: JSONPath, reader: inout ScenarioReader) -> Double? {
    reader.number(value, at: path, in: Double.leastNonzeroMagnitude...largest, expected: "a positive number up to 1e15")
  }

  private static func metricName(_ value: JSONValue, at path: JSONPath, reader: inout ScenarioReader) -> String? {
    guard let name = reader.string(value, at: path) else { return nil }
    guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
      reader.report(path, "expected a metric name (lowercase letters, digits and _), found \"\(name)\"")
      return nil
    }
    return name
  }
}
