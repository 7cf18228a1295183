import CGSL
import Foundation

extension Distribution {
  /// The distribution's mean (closed form for every case).
  public var mean: Double {
    switch kind {
    case .constant(let value): return value
    case .uniform(let a, let b): return (a + b) / 2
    case .normal(let mean, _): return mean
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      let t = TruncatedNormalTerms(mean, sd, lower, upper)
      return mean + sd * (t.phiA - t.phiB) / t.mass
    case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
    case .beta(let a, let b): return a / (a + b)
    case .gamma(let shape, let scale): return shape * scale
    case .exponential(let mean): return mean
    case .triangular(let a, let c, let b): return (a + b + c) / 3
    case .pert(let a, let c, let b): return (a + 4 * c + b) / 6
    case .poisson(let mean): return mean
    case .binomial(let n, let p): return Double(n) * p
    case .bernoulli(let p): return p
    case .weibull(let scale, let shape): return scale * tgamma(1 + 1 / shape)
    case .discrete(let table):
      return zip(table.values, table.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
    }
  }

  /// The distribution's variance (closed form for every case).
  public var variance: Double {
    switch kind {
    case .constant: return 0
    case .uniform(let a, let b): return (b - a) * (b - a) / 12
    case .normal(_, let sd): return sd * sd
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      let t = TruncatedNormalTerms(mean, sd, lower, upper)
      let ratio = (t.phiA - t.phiB) / t.mass
      return sd * sd * (1 + (t.aPhiA - t.bPhiB) / t.mass - ratio * ratio)
    case .lognormal(let mu, let sigma):
      return (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
    case .beta(let a, let b): return a * b / ((a + b) * (a + b) * (a + b + 1))
    case .gamma(let shape, let scale): return shape * scale * scale
    case .exponential(let mean): return mean * mean
    case .triangular(let a, let c, let b):
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .pert(let a, let c, let b):
      let (alpha, beta) = Self.pertShape(a, c, b)
      let range = b - a
      return range * range * alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1))
    case .poisson(let mean): return mean
    case .binomial(let n, let p): return Double(n) * p * (1 - p)
    case .bernoulli(let p): return p * (1 - p)
    case .weibull(let scale, let shape):
      let g1 = tgamma(1 + 1 / shape)
      return scale * scale * (tgamma(1 + 2 / shape) - g1 * g1)
    case .discrete(let table):
      let mean = self.mean
      return zip(table.values, table.probabilities).reduce(0) {
        $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean)
      }
    }
  }

  /// P(X ≤ x) from GSL's `gsl_cdf_*` functions, or the closed form where GSL has none
  /// (triangular, truncated normal through `gsl_cdf_ugaussian_P`, discrete tables).
  public func cdf(_ x: Double) -> Double {
    switch kind {
    case .constant(let value): return x < value ? 0 : 1
    case .uniform(let a, let b): return gsl_cdf_flat_P(x, a, b)
    case .normal(let mean, let sd): return gsl_cdf_gaussian_P(x - mean, sd)
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      if x <= lower { return 0 }
      if x >= upper { return 1 }
      let t = TruncatedNormalTerms(mean, sd, lower, upper)
      return (gsl_cdf_ugaussian_P((x - mean) / sd) - gsl_cdf_ugaussian_P(t.a)) / t.mass
    case .lognormal(let mu, let sigma): return gsl_cdf_lognormal_P(x, mu, sigma)
    case .beta(let a, let b): return gsl_cdf_beta_P(x, a, b)
    case .gamma(let shape, let scale): return gsl_cdf_gamma_P(x, shape, scale)
    case .exponential(let mean): return gsl_cdf_exponential_P(x, mean)
    case .triangular(let a, let c, let b):
      if x <= a { return 0 }
      if x >= b { return 1 }
      return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a))
        : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    case .pert(let a, let c, let b):
      let (alpha, beta) = Self.pertShape(a, c, b)
      return gsl_cdf_beta_P((x - a) / (b - a), alpha, beta)
    case .poisson(let mean):
      return x < 0 ? 0 : gsl_cdf_poisson_P(UInt32(x.rounded(.down)), mean)
    case .binomial(let n, let p):
      return x < 0 ? 0 : gsl_cdf_binomial_P(UInt32(min(x, Double(n)).rounded(.down)), p, UInt32(n))
    case .bernoulli(let p): return x < 0 ? 0 : (x < 1 ? 1 - p : 1)
    case .weibull(let scale, let shape): return gsl_cdf_weibull_P(x, scale, shape)
    case .discrete(let table):
      return zip(table.values, table.probabilities).reduce(0) { $0 + ($1.0 <= x ? $1.1 : 0) }
    }
  }

  /// True for distributions with a density (those a Kolmogorov–Smirnov test applies to).
  public var isContinuous: Bool {
    switch kind {
    case .constant, .poisson, .binomial, .bernoulli, .discrete: return false
    default: return true
    }
  }
}

/// The standardised bounds and their density/mass terms shared by the truncated normal's
/// mean, variance and CDF.
private struct TruncatedNormalTerms {
  let a, b, phiA, phiB, aPhiA, bPhiB, mass: Double

  init(_ mean: Double, _ sd: Double, _ lower: Double, _ upper: Double) {
    a = (lower - mean) / sd
    b = (upper - mean) / sd
    phiA = a.isFinite ? gsl_ran_ugaussian_pdf(a) : 0
    phiB = b.isFinite ? gsl_ran_ugaussian_pdf(b) : 0
    aPhiA = a.isFinite ? a * phiA : 0
    bPhiB = b.isFinite ? b * phiB : 0
    mass = gsl_cdf_ugaussian_P(b) - gsl_cdf_ugaussian_P(a)
  }
}
