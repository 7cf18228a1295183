import Stochastic

/// The random draws of one replication, each keyed to the thing it describes: a parameter by
/// its name, a lot by (channel, month, index), a cohort by (source, SKU, month, lot).
///
/// One Tausworthe stream (`gsl_rng_taus2`, seeded in constant time) is re-seeded for each key,
/// from a seed that is a pure function of (master seed, replication, process, key). The same
/// thing therefore gets the same draws in two runs that differ elsewhere (common random
/// numbers), and a policy changes which lots and cohorts exist, never their draws.
final class KeyedDraws {
  /// The processes whose draws are keyed; each has its own base seed.
  enum Process: CaseIterable {
    case legalLots, grayLots, gamingLots, cohorts

    var streamName: String {
      switch self {
      case .legalLots: "process.legalImports"
      case .grayLots: "process.grayMarket"
      case .gamingLots: "process.gaming"
      case .cohorts: "process.fleet"
      }
    }
  }

  private let stream = RandomStream(seed: 0, algorithm: .tausworthe)
  private let master: UInt64
  private let replication: Int
  private let bases: [UInt64]

  init(master: UInt64, replication: Int) {
    self.master = master
    self.replication = replication
    bases = Process.allCases.map { StreamSeed.derive(master: master, replication: replication, stream: $0.streamName) }
  }

  /// The stream of `parameter` (`parameter.<name>`), re-seeded.
  func stream(of parameter: Parameter) -> RandomStream {
    stream.reseed(StreamSeed.derive(master: master, replication: replication, streamHash: parameter.streamHash))
    return stream
  }

  /// The stream of `process` keyed by `keys`, re-seeded: valid until the next call.
  func stream(_ process: Process, _ a: Int, _ b: Int, _ c: Int = 0, _ d: Int = 0) -> RandomStream {
    let base = bases[Process.allCases.firstIndex(of: process)!]
    stream.reseed(StreamSeed.derive(base: base, keys: a, b, c, d))
    return stream
  }
}

/// Conversions of drawn or computed amounts into counts that saturate instead of trapping:
/// NaN and negatives give 0, and anything above ``maximum`` gives ``maximum`` (10^13, so that
/// sums over a 50-year horizon stay far inside 64-bit integers).
enum Saturating {
  static let maximum = 10_000_000_000_000.0

  /// `value` rounded to the nearest whole count, saturated.
  static func count(_ value: Double) -> Int {
    guard value > 0 else { return 0 }
    return Int(min(value, maximum).rounded())
  }

  /// `value` rounded down to a whole count, saturated.
  static func floor(_ value: Double) -> Int {
    guard value > 0 else { return 0 }
    return Int(min(value, maximum).rounded(.down))
  }
}
