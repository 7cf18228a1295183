import Stochastic

/// Reads an uncertain parameter from a scenario: a plain number (a constant) or a
/// distribution object such as `{"dist": "lognormal", "median": 120000, "sigma": 0.6}`.
///
/// Every object may carry a `"source"` string citing where its figures come from.
public enum DistributionSpec {
  /// The keys each family accepts; alternatives are separate parameterisations.
  static let families: [String: [[String]]] = [
    "constant": [["value"]],
    "uniform": [["min", "max"]],
    "normal": [["mean", "sd"]],
    "truncatedNormal": [["mean", "sd"], ["mean", "sd", "min"], ["mean", "sd", "max"], ["mean", "sd", "min", "max"]],
    "lognormal": [["median", "sigma"], ["mean", "sd"]],
    "beta": [["alpha", "beta"], ["mean", "sd"]],
    "gamma": [["shape", "scale"], ["mean", "sd"]],
    "exponential": [["mean"]],
    "triangular": [["min", "mode", "max"]],
    "pert": [["min", "mode", "max"]],
    "poisson": [["mean"]],
    "binomial": [["n", "p"]],
    "bernoulli": [["p"]],
    "weibull": [["scale", "shape"]],
    "discrete": [["values", "weights"]],
  ]

  /// Decodes the parameter at `path` of `file`.
  /// - Throws: ``ScenarioIssue`` naming the file, the JSON path, what was expected and found.
  public static func decode(_ value: JSONValue, at path: JSONPath, file: String) throws -> Distribution {
    func issue(_ at: JSONPath, _ message: String) -> ScenarioIssue {
      ScenarioIssue(file: file, path: at, message: message)
    }
    switch value {
    case .number(let number):
      return try Distribution.constant(value: number)
    case .object(let members):
      guard case .string(let name)? = members["dist"] else {
        throw issue(path.appending("dist"), "expected a distribution name (\(families.keys.sorted().joined(separator: ", "))), found \(members["dist"]?.summary ?? "nothing")")
      }
      guard let shapes = families[name] else {
        let hint = suggestion(for: name, among: Array(families.keys)).map { "; did you mean \"\($0)\"?" } ?? ""
        throw issue(path.appending("dist"), "expected one of \(families.keys.sorted().joined(separator: ", ")), found \"\(name)\"\(hint)")
      }
      let given = Set(members.keys).subtracting(["dist", "source"])
      let allowed = Set(shapes.joined())
      for key in given.sorted() where !allowed.contains(key) {
        let hint = suggestion(for: key, among: allowed.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
        throw issue(path, "unknown key \"\(key)\" for a \(name) distribution\(hint)")
      }
      guard let shape = shapes.first(where: { Set($0) == given }) else {
        let options = shapes.map { $0.joined(separator: ", ") }.joined(separator: " or ")
        throw issue(path, "expected a \(name) distribution with \(options), found \(given.sorted().joined(separator: ", "))")
      }
      var numbers: [String: Double] = [:]
      for key in shape where key != "values" && key != "weights" {
        guard case .number(let number)? = members[key] else {
          throw issue(path.appending(key), "expected a number, found \(members[key]?.summary ?? "nothing")")
        }
        numbers[key] = number
      }
      do {
        return try build(name, numbers, members, path: path, file: file)
      } catch let error as DistributionError {
        throw issue(path.appending(error.parameter), "expected \(error.expected), found \(error.found)")
      }
    default:
      throw issue(path, "expected a number or a distribution object, found \(value.summary)")
    }
  }

  private static func build(
    _ name: String, _ n: [String: Double], _ members: [String: JSONValue], path: JSONPath,
    file: String
  ) throws -> Distribution {
    switch name {
    case "constant": return try .constant(value: n["value"]!)
    case "uniform": return try .uniform(lower: n["min"]!, upper: n["max"]!)
    case "normal": return try .normal(mean: n["mean"]!, standardDeviation: n["sd"]!)
    case "truncatedNormal":
      return try .truncatedNormal(
        mean: n["mean"]!, standardDeviation: n["sd"]!, lower: n["min"] ?? -.infinity,
        upper: n["max"] ?? .infinity)
    case "lognormal":
      if let median = n["median"] { return try .lognormal(median: median, sigma: n["sigma"]!) }
      return try .lognormal(mean: n["mean"]!, standardDeviation: n["sd"]!)
    case "beta":
      if let alpha = n["alpha"] { return try .beta(alpha: alpha, beta: n["beta"]!) }
      return try .beta(mean: n["mean"]!, standardDeviation: n["sd"]!)
    case "gamma":
      if let shape = n["shape"] { return try .gamma(shape: shape, scale: n["scale"]!) }
      return try .gamma(mean: n["mean"]!, standardDeviation: n["sd"]!)
    case "exponential": return try .exponential(mean: n["mean"]!)
    case "triangular": return try .triangular(lower: n["min"]!, mode: n["mode"]!, upper: n["max"]!)
    case "pert": return try .pert(lower: n["min"]!, mode: n["mode"]!, upper: n["max"]!)
    case "poisson": return try .poisson(mean: n["mean"]!)
    case "binomial": return try .binomial(trials: n["n"]!, probability: n["p"]!)
    case "bernoulli": return try .bernoulli(probability: n["p"]!)
    case "weibull": return try .weibull(scale: n["scale"]!, shape: n["shape"]!)
    default:  // "discrete"
      func numbers(_ key: String) throws -> [Double] {
        guard case .array(let items)? = members[key] else {
          throw ScenarioIssue(file: file, path: path.appending(key), message: "expected an array of numbers, found \(members[key]?.summary ?? "nothing")")
        }
        return try items.enumerated().map { index, item in
          guard case .number(let number) = item else {
            throw ScenarioIssue(file: file, path: path.appending(key).appending(index), message: "expected a number, found \(item.summary)")
          }
          return number
        }
      }
      return try .discrete(values: try numbers("values"), weights: try numbers("weights"))
    }
  }
}
