import Stochastic

/// An uncertain scenario value: a distribution drawn once per replication from its own named
/// random stream.
///
/// The name is both the stream's name and the value's column in `draws.csv`. The scenario
/// decoder sets it (to the value's JSON path), so the model never spells the file format and a
/// renamed key changes draws only where the decoder says so.
public struct Parameter: Sendable, Equatable {
  public let distribution: Distribution
  public let name: String
  /// The hash of its stream's name, `parameter.<name>` (see `StreamSeed`).
  let streamHash: UInt64

  public init(_ distribution: Distribution, name: String) {
    self.distribution = distribution
    self.name = name
    streamHash = StreamSeed.hash("parameter." + name)
  }

  /// A constant: it draws nothing, so it needs no name.
  public static func fixed(_ value: Double) -> Parameter { Parameter(.fixed(value), name: "") }
}
