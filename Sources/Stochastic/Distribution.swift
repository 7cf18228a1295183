import Foundation

/// A probability distribution of one uncertain parameter, validated on construction.
///
/// Construct through the static factories (`normal(mean:sd:)`, `lognormal(median:sigma:)`, …),
/// which throw ``DistributionError`` when a parameter is out of range; the stored cases are then
/// always valid. Every case is sampled with the matching GSL routine (see `sample(using:)`).
/// Triangular is sampled by inversion of a GSL uniform and PERT through `gsl_ran_beta`.
public struct Distribution: Sendable, Equatable {
  /// The family and its parameters; read-only, since only the factories validate.
  public let kind: Kind

  private init(_ kind: Kind) { self.kind = kind }
}

extension Distribution {
  /// A distribution family with its (validated) parameters.
  public enum Kind: Sendable, Equatable {
    case constant(Double)
    case uniform(min: Double, max: Double)
    case normal(mean: Double, sd: Double)
    /// A normal distribution restricted to [lower, upper] (either bound may be infinite).
    case truncatedNormal(mean: Double, sd: Double, lower: Double, upper: Double)
    /// ln X ~ Normal(mu, sigma).
    case lognormal(mu: Double, sigma: Double)
    case beta(alpha: Double, beta: Double)
    case gamma(shape: Double, scale: Double)
    case exponential(mean: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// Beta-PERT on [min, max] with the given mode (shape parameter 4).
    case pert(min: Double, mode: Double, max: Double)
    case poisson(mean: Double)
    case binomial(trials: Int, probability: Double)
    case bernoulli(probability: Double)
    case weibull(scale: Double, shape: Double)
    /// A finite set of values with weights, sampled from a GSL alias table.
    case discrete(DiscreteTable)
  }
}

/// A parameter of a distribution was out of its valid range.
public struct DistributionError: Error, CustomStringConvertible, Equatable {
  /// The offending parameter's name as written in a scenario (`sd`, `mode`, …).
  public let parameter: String
  /// What a valid value looks like.
  public let expected: String
  /// The value that was given.
  public let found: String

  public var description: String { "\(parameter): expected \(expected), found \(found)" }
}

extension Distribution {
  static func require(
    _ condition: Bool, _ parameter: String, _ expected: String, _ found: Double
  ) throws {
    if !condition {
      throw DistributionError(parameter: parameter, expected: expected, found: format(found))
    }
  }

  static func requireFinite(_ pairs: [(String, Double)]) throws {
    for (name, value) in pairs where !value.isFinite {
      throw DistributionError(parameter: name, expected: "a finite number", found: format(value))
    }
  }

  /// Shortest round-tripping text of a number, as the scenario author would have written it.
  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// A point mass at `value`.
  public static func constant(value: Double) throws -> Distribution {
    try requireFinite([("value", value)])
    return Distribution(.constant(value))
  }

  /// A point mass at a value known to be finite (a default in code); traps otherwise.
  public static func fixed(_ value: Double) -> Distribution {
    precondition(value.isFinite, "a fixed value must be finite")
    return Distribution(.constant(value))
  }

  /// Uniform on [min, max]; requires min < max.
  public static func uniform(lower: Double, upper: Double) throws -> Distribution {
    try requireFinite([("min", lower), ("max", upper)])
    try require(upper > lower, "max", "a number greater than min (\(format(lower)))", upper)
    return Distribution(.uniform(min: lower, max: upper))
  }

  /// Normal with the given mean and standard deviation; requires sd > 0.
  public static func normal(mean: Double, standardDeviation sd: Double) throws -> Distribution {
    try requireFinite([("mean", mean), ("sd", sd)])
    try require(sd > 0, "sd", "a number > 0", sd)
    return Distribution(.normal(mean: mean, sd: sd))
  }

  /// Normal restricted to [lower, upper]; requires sd > 0 and lower < upper.
  public static func truncatedNormal(
    mean: Double, standardDeviation sd: Double, lower: Double = -.infinity,
    upper: Double = .infinity
  ) throws -> Distribution {
    try requireFinite([("mean", mean), ("sd", sd)])
    try require(sd > 0, "sd", "a number > 0", sd)
    try require(upper > lower, "max", "a number greater than min (\(format(lower)))", upper)
    try require(
      (upper - mean) / sd > -30 && (lower - mean) / sd < 30, "mean",
      "a mean within 30 sd of [min, max]", mean)
    return Distribution(.truncatedNormal(mean: mean, sd: sd, lower: lower, upper: upper))
  }

  /// Lognormal with the given median and log-scale sigma; requires median > 0, sigma > 0.
  public static func lognormal(median: Double, sigma: Double) throws -> Distribution {
    try requireFinite([("median", median), ("sigma", sigma)])
    try require(median > 0, "median", "a number > 0", median)
    try require(sigma > 0, "sigma", "a number > 0", sigma)
    return Distribution(.lognormal(mu: log(median), sigma: sigma))
  }

  /// Lognormal with the given arithmetic mean and standard deviation; requires both > 0.
  public static func lognormal(mean: Double, standardDeviation sd: Double) throws -> Distribution {
    try requireFinite([("mean", mean), ("sd", sd)])
    try require(mean > 0, "mean", "a number > 0", mean)
    try require(sd > 0, "sd", "a number > 0", sd)
    let sigmaSquared = log1p((sd * sd) / (mean * mean))
    return Distribution(.lognormal(mu: log(mean) - sigmaSquared / 2, sigma: sigmaSquared.squareRoot()))
  }

  /// Beta with shape parameters alpha, beta > 0.
  public static func beta(alpha: Double, beta: Double) throws -> Distribution {
    try requireFinite([("alpha", alpha), ("beta", beta)])
    try require(alpha > 0, "alpha", "a number > 0", alpha)
    try require(beta > 0, "beta", "a number > 0", beta)
    return Distribution(.beta(alpha: alpha, beta: beta))
  }

  /// Beta on (0, 1) with the given mean and standard deviation (method of moments);
  /// requires 0 < mean < 1 and 0 < sd² < mean·(1 − mean).
  public static func beta(mean: Double, standardDeviation sd: Double) throws -> Distribution {
    try requireFinite([("mean", mean), ("sd", sd)])
    try require(mean > 0 && mean < 1, "mean", "a number in (0, 1)", mean)
    let limit = (mean * (1 - mean)).squareRoot()
    try require(
      sd > 0 && sd < limit, "sd", "a number in (0, \(String(format: "%.4g", limit))) for mean \(format(mean))", sd)
    let common = mean * (1 - mean) / (sd * sd) - 1
    return Distribution(.beta(alpha: mean * common, beta: (1 - mean) * common))
  }

  /// Gamma with shape k > 0 and scale θ > 0 (mean kθ).
  public static func gamma(shape: Double, scale: Double) throws -> Distribution {
    try requireFinite([("shape", shape), ("scale", scale)])
    try require(shape > 0, "shape", "a number > 0", shape)
    try require(scale > 0, "scale", "a number > 0", scale)
    return Distribution(.gamma(shape: shape, scale: scale))
  }

  /// Gamma with the given mean and standard deviation; requires both > 0.
  public static func gamma(mean: Double, standardDeviation sd: Double) throws -> Distribution {
    try requireFinite([("mean", mean), ("sd", sd)])
    try require(mean > 0, "mean", "a number > 0", mean)
    try require(sd > 0, "sd", "a number > 0", sd)
    return Distribution(.gamma(shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean))
  }

  /// Exponential with the given mean > 0.
  public static func exponential(mean: Double) throws -> Distribution {
    try requireFinite([("mean", mean)])
    try require(mean > 0, "mean", "a number > 0", mean)
    return Distribution(.exponential(mean: mean))
  }

  /// Triangular on [min, max] with the given mode; requires min ≤ mode ≤ max and min < max.
  public static func triangular(lower: Double, mode: Double, upper: Double) throws -> Distribution {
    try checkBounded(lower: lower, mode: mode, upper: upper)
    return Distribution(.triangular(min: lower, mode: mode, max: upper))
  }

  /// Beta-PERT on [min, max] with the given mode; requires min ≤ mode ≤ max and min < max.
  public static func pert(lower: Double, mode: Double, upper: Double) throws -> Distribution {
    try checkBounded(lower: lower, mode: mode, upper: upper)
    return Distribution(.pert(min: lower, mode: mode, max: upper))
  }

  private static func checkBounded(lower: Double, mode: Double, upper: Double) throws {
    try requireFinite([("min", lower), ("mode", mode), ("max", upper)])
    try require(upper > lower, "max", "a number greater than min (\(format(lower)))", upper)
    try require(
      mode >= lower && mode <= upper, "mode",
      "a number in [min, max] = [\(format(lower)), \(format(upper))]", mode)
  }

  /// Poisson with the given mean in [0, 1e9]: `gsl_ran_poisson` returns a 32-bit count and
  /// loops for a very long time on means far above that.
  public static func poisson(mean: Double) throws -> Distribution {
    try requireFinite([("mean", mean)])
    try require(mean >= 0 && mean <= 1e9, "mean", "a number in [0, 1e9] (GSL draws 32-bit counts)", mean)
    return Distribution(.poisson(mean: mean))
  }

  /// Binomial with `trials` ≥ 0 and probability in [0, 1].
  public static func binomial(trials: Double, probability: Double) throws -> Distribution {
    try requireFinite([("n", trials), ("p", probability)])
    try require(
      trials >= 0 && trials == trials.rounded() && trials <= Double(UInt32.max), "n",
      "a whole number in [0, 4294967295]", trials)
    try require(probability >= 0 && probability <= 1, "p", "a probability in [0, 1]", probability)
    return Distribution(.binomial(trials: Int(trials), probability: probability))
  }

  /// Bernoulli (0 or 1) with success probability in [0, 1].
  public static func bernoulli(probability: Double) throws -> Distribution {
    try requireFinite([("p", probability)])
    try require(probability >= 0 && probability <= 1, "p", "a probability in [0, 1]", probability)
    return Distribution(.bernoulli(probability: probability))
  }

  /// Weibull with scale λ > 0 and shape k > 0.
  public static func weibull(scale: Double, shape: Double) throws -> Distribution {
    try requireFinite([("scale", scale), ("shape", shape)])
    try require(scale > 0, "scale", "a number > 0", scale)
    try require(shape > 0, "shape", "a number > 0", shape)
    return Distribution(.weibull(scale: scale, shape: shape))
  }

  /// A discrete distribution over `values` with the given non-negative weights (normalised).
  public static func discrete(values: [Double], weights: [Double]) throws -> Distribution {
    Distribution(.discrete(try DiscreteTable(values: values, weights: weights)))
  }
}
