import Experiments
import Foundation

/// Reading a sweep spec's parameters: each path checked against the scenario, each value list
/// or range checked by the scenario's own rules, and the design's size against the limit.
extension SweepSpec {
  /// Refuses designs of more than ``InputLimits/sweepPoints`` points before any is placed.
  static func checkPointCount(kind: String?, points: Int?, parameters: [Parameter], reader: inout ScenarioReader) {
    let limit = Double(InputLimits.sweepPoints)
    switch kind {
    case "grid":
      let count = parameters.reduce(1.0) { product, parameter in
        switch parameter.domain {
        case .values(let values): return product * Double(values.count)
        case .interval(_, _, let levels): return product * Double(levels ?? 1)
        }
      }
      if count > limit {
        reader.report(JSONPath.root.appending("parameters"), "expected a grid of at most \(InputLimits.sweepPoints) points, found \(CSVTable.number(count)) combinations of values")
      }
    case "saltelli":
      if let points, Double(points) * Double(parameters.count + 2) > limit {
        reader.report(JSONPath.root.appending("points"), "expected a saltelli base of at most \(InputLimits.sweepPoints / (parameters.count + 2)) (points × (parameters + 2) at most \(InputLimits.sweepPoints)), found \(points)")
      }
    default:
      if let points, points > InputLimits.sweepPoints {
        reader.report(JSONPath.root.appending("points"), "expected at most \(InputLimits.sweepPoints) points, found \(points)")
      }
    }
  }

  static func readParameters(
    _ value: JSONValue?, reader: inout ScenarioReader, isGrid: Bool, scenario: LoadedScenario
  ) -> [Parameter] {
    let listPath = JSONPath.root.appending("parameters")
    let items = reader.array(value, at: listPath)
    if value != nil, items.isEmpty, case .array? = value {
      reader.report(listPath, "expected at least one parameter, found an array of 0")
    }
    var parameters: [Parameter] = []
    for (index, item) in items.enumerated() {
      let at = listPath.appending(index)
      guard let members = reader.object(item, at: at, allowed: ["path", "name", "values", "range"], required: ["path"]) else { continue }
      guard let text = reader.string(members["path"], at: at.appending("path")) else { continue }
      guard let path = JSONPath(parsing: text) else {
        reader.report(at.appending("path"), "expected a JSON path like $.domestic.waferStarts.level, found \"\(text)\"")
        continue
      }
      var probe = scenario.resolved
      do {
        try probe.set(.number(0), at: path)
      } catch {
        reader.report(at.appending("path"), "\(text) is not in the scenario (\(scenario.file)): \(error)")
        continue
      }
      if parameters.contains(where: { $0.path == path }) {
        reader.report(at.appending("path"), "\(text) is swept twice")
        continue
      }
      let name = reader.string(members["name"], at: at.appending("name")) ?? text
      if parameters.contains(where: { $0.name == name }) {
        reader.report(at.appending("name"), "expected a column name used once, found \"\(name)\" again")
      }
      guard let (domain, checks) = readDomain(members, at: at, reader: &reader, isGrid: isGrid) else { continue }
      for (valuePath, number) in checks {
        do {
          _ = try scenario.applying([(path, .number(number))])
        } catch let issues as ScenarioIssues {
          let first = issues.issues.first.map { issue in issue.path.map { "at \($0): \(issue.message)" } ?? issue.message } ?? "invalid"
          reader.report(valuePath, "the scenario rejects \(CSVTable.number(number)): \(first)")
        } catch {
          reader.report(valuePath, "the scenario rejects \(CSVTable.number(number)) at \(text): \(error)")
        }
      }
      parameters.append(Parameter(path: path, name: name, domain: domain))
    }
    return parameters
  }

  /// The domain of one parameter and the (spec path, value) pairs to try in the scenario.
  static func readDomain(
    _ members: [String: JSONValue], at: JSONPath, reader: inout ScenarioReader, isGrid: Bool
  ) -> (ParameterDomain, [(JSONPath, Double)])? {
    switch (members["values"], members["range"]) {
    case (nil, nil), (.some, .some):
      reader.report(at, "expected exactly one of \"values\" (a list) or \"range\" ({\"min\", \"max\"}), found \(members["values"] == nil ? "neither" : "both")")
      return nil
    case (let list?, nil):
      let valuesPath = at.appending("values")
      let items = reader.array(list, at: valuesPath)
      guard case .array = list else { return nil }
      guard !items.isEmpty else {
        reader.report(valuesPath, "expected a non-empty list of numbers, found an array of 0")
        return nil
      }
      let numbers = items.enumerated().compactMap { index, item -> (JSONPath, Double)? in
        reader.number(item, at: valuesPath.appending(index)).map { (valuesPath.appending(index), $0) }
      }
      guard numbers.count == items.count else { return nil }
      let values = numbers.map { $0.1 }
      if Set(values).count != values.count {
        reader.report(valuesPath, "expected distinct values, found a repeat in \(list.summary)")
        return nil
      }
      return (.values(values), numbers.map { ($0.0, $0.1) })
    case (nil, let range?):
      let rangePath = at.appending("range")
      guard let bounds = reader.object(range, at: rangePath, allowed: ["min", "max", "levels"], required: ["min", "max"]),
        let lower = reader.number(bounds["min"], at: rangePath.appending("min")),
        let upper = reader.number(bounds["max"], at: rangePath.appending("max"))
      else { return nil }
      guard upper > lower else {
        reader.report(rangePath, "expected max > min, found an empty range (min \(CSVTable.number(lower)), max \(CSVTable.number(upper)))")
        return nil
      }
      let levels = reader.wholeNumber(bounds["levels"], at: rangePath.appending("levels"), atLeast: 2, expected: "a whole number of levels >= 2")
      if let levels, levels > InputLimits.sweepPoints {
        reader.report(rangePath.appending("levels"), "expected at most \(InputLimits.sweepPoints) levels, found \(levels)")
        return nil
      }
      if isGrid, levels == nil, bounds["levels"] == nil {
        reader.report(rangePath.appending("levels"), "expected a whole number of levels >= 2 for a range in a grid, found nothing")
        return nil
      }
      return (.interval(lower: lower, upper: upper, levels: levels), [(rangePath.appending("min"), lower), (rangePath.appending("max"), upper)])
    }
  }
}
