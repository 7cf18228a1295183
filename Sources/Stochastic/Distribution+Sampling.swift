import CGSL
import Foundation

extension Distribution {
  /// Draws one value from `stream`.
  ///
  /// Each case uses its GSL sampler: `gsl_ran_flat`, `gsl_ran_gaussian`, `gsl_ran_lognormal`,
  /// `gsl_ran_beta`, `gsl_ran_gamma`, `gsl_ran_exponential`, `gsl_ran_poisson`,
  /// `gsl_ran_binomial`, `gsl_ran_bernoulli`, `gsl_ran_weibull`, `gsl_ran_discrete`.
  /// Triangular inverts its CDF at a `gsl_rng_uniform` draw; PERT rescales `gsl_ran_beta`;
  /// the truncated normal inverts `gsl_cdf_gaussian_P` between the bounds.
  public func sample(using stream: RandomStream) -> Double {
    let rng = stream.generator
    switch kind {
    case .constant(let value):
      return value
    case .uniform(let lower, let upper):
      return gsl_ran_flat(rng, lower, upper)
    case .normal(let mean, let sd):
      return mean + gsl_ran_gaussian(rng, sd)
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      return Self.truncatedNormalSample(mean, sd, lower, upper, u: stream.uniformPositive())
    case .lognormal(let mu, let sigma):
      return gsl_ran_lognormal(rng, mu, sigma)
    case .beta(let alpha, let beta):
      return gsl_ran_beta(rng, alpha, beta)
    case .gamma(let shape, let scale):
      return gsl_ran_gamma(rng, shape, scale)
    case .exponential(let mean):
      return gsl_ran_exponential(rng, mean)
    case .triangular(let lower, let mode, let upper):
      let u = gsl_rng_uniform(rng)
      let split = (mode - lower) / (upper - lower)
      return u < split
        ? lower + ((upper - lower) * (mode - lower) * u).squareRoot()
        : upper - ((upper - lower) * (upper - mode) * (1 - u)).squareRoot()
    case .pert(let lower, let mode, let upper):
      let (alpha, beta) = Self.pertShape(lower, mode, upper)
      return lower + (upper - lower) * gsl_ran_beta(rng, alpha, beta)
    case .poisson(let mean):
      return Double(gsl_ran_poisson(rng, mean))
    case .binomial(let trials, let probability):
      return Double(gsl_ran_binomial(rng, probability, UInt32(trials)))
    case .bernoulli(let probability):
      return Double(gsl_ran_bernoulli(rng, probability))
    case .weibull(let scale, let shape):
      return gsl_ran_weibull(rng, scale, shape)
    case .discrete(let table):
      return table.values[table.sampleIndex(using: stream)]
    }
  }

  /// Shape parameters of the Beta behind a PERT(min, mode, max) with λ = 4.
  static func pertShape(_ lower: Double, _ mode: Double, _ upper: Double) -> (Double, Double) {
    let range = upper - lower
    return (1 + 4 * (mode - lower) / range, 1 + 4 * (upper - mode) / range)
  }

  /// Inverse-CDF draw of a truncated normal. Works in the upper tail by symmetry so that
  /// `gsl_cdf_gaussian_P` never loses precision near 1.
  static func truncatedNormalSample(
    _ mean: Double, _ sd: Double, _ lower: Double, _ upper: Double, u: Double
  ) -> Double {
    let a = (lower - mean) / sd
    let b = (upper - mean) / sd
    if a > 0 {  // reflect: sample −X on [−b, −a], whose CDF values stay small
      return mean - sd * standardTruncated(-b, -a, u: u)
    }
    return mean + sd * standardTruncated(a, b, u: u)
  }

  private static func standardTruncated(_ a: Double, _ b: Double, u: Double) -> Double {
    let lowerP = gsl_cdf_ugaussian_P(a)
    let upperP = gsl_cdf_ugaussian_P(b)
    let x = gsl_cdf_ugaussian_Pinv(lowerP + u * (upperP - lowerP))
    return min(max(x, a), b)
  }
}
