/// One of `count` disjoint parts of a sweep: shard k runs points k, k + count, k + 2·count, …
/// Interleaving keeps shards balanced when cost varies smoothly along the design.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// 0-based index of this shard.
  public let index: Int
  /// The number of shards.
  public let count: Int

  /// The whole sweep as a single shard.
  public static let whole = Shard(uncheckedIndex: 0, count: 1)

  /// Shard `index` of `count`; nil unless 0 ≤ index < count.
  public init?(index: Int, count: Int) {
    guard count >= 1, (0..<count).contains(index) else { return nil }
    self.init(uncheckedIndex: index, count: count)
  }

  private init(uncheckedIndex index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Parses `K/N` (0-based K); nil for anything else.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
    self.init(index: index, count: count)
  }

  /// This shard's points among `total`, in increasing order.
  public func points(among total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }

  public var description: String { "\(index)/\(count)" }
}
