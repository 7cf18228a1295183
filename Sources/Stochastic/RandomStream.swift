import CGSL
import Foundation

/// A stream of pseudo-random numbers owning one GSL generator (`gsl_rng`).
///
/// The generator is Mersenne Twister (`gsl_rng_mt19937`) by default, or the Tausworthe
/// generator `gsl_rng_taus2`, whose seeding costs a few operations instead of filling 624
/// words: the model re-seeds one such stream per keyed draw (a lot, a cohort). GSL seeds both
/// from the low 32 bits of the seed, so seeds are first folded (high half XOR low half) to keep
/// all 64 bits of a derived seed relevant.
///
/// A stream has mutable state and is deliberately not `Sendable`: create one per replication,
/// inside the task that uses it, and never share it across threads.
public final class RandomStream {
  @usableFromInline let generator: UnsafeMutablePointer<gsl_rng>

  /// A GSL generator algorithm.
  public enum Algorithm: Sendable {
    /// `gsl_rng_mt19937`: period 2^19937 − 1, the default.
    case mersenneTwister
    /// `gsl_rng_taus2` (L'Ecuyer 1996): period about 2^88, seeded in constant time.
    case tausworthe
  }

  /// The seed this stream was created with or last re-seeded with.
  public private(set) var seed: UInt64

  /// Creates a stream seeded with `seed`.
  public init(seed: UInt64, algorithm: Algorithm = .mersenneTwister) {
    _ = GSLRuntime.prepared
    let type = algorithm == .mersenneTwister ? cgsl_rng_mt19937() : cgsl_rng_taus2()
    guard let generator = gsl_rng_alloc(type) else {
      fatalError("gsl_rng_alloc: out of memory")
    }
    self.generator = generator
    self.seed = seed
    reseed(seed)
  }

  /// Restarts the stream from `seed` (`gsl_rng_set`): the draws that follow are those of a new
  /// stream created with that seed.
  public func reseed(_ seed: UInt64) {
    self.seed = seed
    gsl_rng_set(generator, UInt((seed >> 32) ^ (seed & 0xFFFF_FFFF)))
  }

  /// Creates the stream named `name` of replication `replication` (see ``StreamSeed``).
  public convenience init(master: UInt64, replication: Int, stream name: String) {
    self.init(seed: StreamSeed.derive(master: master, replication: replication, stream: name))
  }

  deinit { gsl_rng_free(generator) }

  /// A uniform double in [0, 1). Samples `gsl_rng_uniform`.
  @inlinable public func uniform() -> Double { gsl_rng_uniform(generator) }

  /// A uniform double in (0, 1). Samples `gsl_rng_uniform_pos`.
  @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(generator) }

  /// A uniform integer in 0 ..< `upperBound`. Samples `gsl_rng_uniform_int`.
  @inlinable public func uniformInteger(below upperBound: Int) -> Int {
    Int(gsl_rng_uniform_int(generator, UInt(upperBound)))
  }

  /// An exponential variate with the given mean. Samples `gsl_ran_exponential`.
  @inlinable public func exponential(mean: Double) -> Double {
    gsl_ran_exponential(generator, mean)
  }

  /// A standard normal variate. Samples `gsl_ran_gaussian_ziggurat`.
  @inlinable public func gaussian() -> Double {
    gsl_ran_gaussian_ziggurat(generator, 1)
  }

  /// A Poisson count with the given mean. Samples `gsl_ran_poisson`.
  @inlinable public func poisson(mean: Double) -> Int {
    Int(gsl_ran_poisson(generator, mean))
  }

  /// A Poisson count with the given mean, by inversion of its CDF at one uniform draw
  /// (`gsl_rng_uniform`): for the same stream a larger mean never gives a smaller count, and
  /// every call consumes exactly one draw. Above a mean of 500 the CDF is approximated by the
  /// normal with continuity correction (`gsl_cdf_ugaussian_Pinv`), where the exact recursion
  /// would underflow.
  public func poissonByInversion(mean: Double) -> Int {
    let u = gsl_rng_uniform(generator)
    guard mean > 0 else { return 0 }
    guard mean <= 500 else {
      return max(0, Int((mean + mean.squareRoot() * gsl_cdf_ugaussian_Pinv(max(u, 1e-300)) + 0.5).rounded(.down)))
    }
    var count = 0
    var probability = exp(-mean)
    var cumulative = probability
    // Stops when the CDF passes u, or in the far tail where the terms vanish (u within
    // rounding of 1).
    while cumulative <= u && (probability > 0 || Double(count) < mean) {
      count += 1
      probability *= mean / Double(count)
      cumulative += probability
    }
    return count
  }

  /// A binomial count of successes in `trials` with probability `p` (in [0, 1]: GSL loops
  /// forever on NaN, so that traps instead). Samples `gsl_ran_binomial`.
  @inlinable public func binomial(trials: Int, probability p: Double) -> Int {
    precondition(p >= 0 && p <= 1, "binomial probability must be in [0, 1], found \(p)")
    return Int(gsl_ran_binomial(generator, p, UInt32(clamping: trials)))
  }

  /// True with probability `p`. Samples `gsl_ran_bernoulli`.
  @inlinable public func bernoulli(_ p: Double) -> Bool {
    gsl_ran_bernoulli(generator, p) == 1
  }
}
