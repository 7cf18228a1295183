/// Derives the seed of one named random stream of one replication.
///
/// The seed is a pure function of (master seed, replication index, stream name): never of the
/// thread, the completion order, or which other streams exist. Each model component draws from
/// its own stream, so adding draws to one component does not shift another's (common random
/// numbers across scenarios and design points).
///
/// Mixing is SplitMix64's finaliser (Steele, Lea & Flood 2014) applied to a chain of the three
/// inputs, with the name hashed by 64-bit FNV-1a.
public enum StreamSeed {
  /// Returns the 64-bit seed of stream `name` in replication `replication`.
  public static func derive(master: UInt64, replication: Int, stream name: String) -> UInt64 {
    derive(master: master, replication: replication, streamHash: hash(name))
  }

  /// The seed of the stream whose name hashes to `streamHash` (``hash(_:)``): callers that
  /// derive the same stream in every replication hash its name once.
  public static func derive(master: UInt64, replication: Int, streamHash: UInt64) -> UInt64 {
    var state = mix(master &+ 0x9E37_79B9_7F4A_7C15)
    state = mix(state ^ UInt64(truncatingIfNeeded: replication) &+ 0xD1B5_4A32_D192_ED03)
    return mix(state ^ streamHash)
  }

  /// The hash of a stream name that ``derive(master:replication:streamHash:)`` takes.
  public static func hash(_ name: String) -> UInt64 { fnv1a(name) }

  /// Returns the seed of the draw keyed by four integers within the stream whose seed is
  /// `base` (a cohort's source, SKU, month and lot; a lot's channel, month and index): a pure
  /// function of its arguments, so the same thing gets the same draws whatever else a run
  /// contains.
  public static func derive(base: UInt64, keys a: Int, _ b: Int, _ c: Int, _ d: Int) -> UInt64 {
    var state = base
    for key in [a, b, c, d] {
      state = mix(state ^ UInt64(truncatingIfNeeded: key) &+ 0xD1B5_4A32_D192_ED03)
    }
    return state
  }

  /// SplitMix64's output function: a bijection on 64-bit integers with full avalanche.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}
