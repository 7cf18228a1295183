import CGSL

/// A stream of pseudo-random numbers owning one GSL generator (`gsl_rng`).
///
/// The generator is Mersenne Twister (`gsl_rng_mt19937`). GSL seeds it from the low 32 bits of
/// the seed, so seeds are first folded (high half XOR low half) to keep all 64 bits of a
/// derived seed relevant.
///
/// A stream has mutable state and is deliberately not `Sendable`: create one per replication,
/// inside the task that uses it, and never share it across threads.
public final class RandomStream {
  @usableFromInline let generator: UnsafeMutablePointer<gsl_rng>

  /// The seed this stream was created with.
  public let seed: UInt64

  /// Creates a stream seeded with `seed`.
  public init(seed: UInt64) {
    _ = GSLRuntime.prepared
    guard let generator = gsl_rng_alloc(cgsl_rng_mt19937()) else {
      fatalError("gsl_rng_alloc: out of memory")
    }
    self.generator = generator
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
