import ArgumentParser
import Experiments

/// Which shard of a sweep this process runs: `--shard K/N`, else a cluster's array-job index.
enum ShardAssignment {
  /// Resolves the shard from `--shard`, else Slurm (`SLURM_ARRAY_TASK_ID` relative to
  /// `SLURM_ARRAY_TASK_MIN`, count `SLURM_ARRAY_TASK_COUNT` or `--shards`), else a Kubernetes
  /// Indexed Job (`JOB_COMPLETION_INDEX`, count `--shards` or `POLICYSIM_SHARDS`), else the
  /// whole sweep.
  /// - Throws: `ValidationError` naming the option or variable that is malformed.
  static func resolve(option: String?, shards: Int?, environment: [String: String]) throws -> Shard {
    if let option {
      guard let shard = Shard(parsing: option) else {
        throw ValidationError("--shard: expected K/N with 0 <= K < N (e.g. 0/4), found \"\(option)\"")
      }
      return shard
    }
    func number(_ name: String) throws -> Int? {
      guard let text = environment[name] else { return nil }
      guard let value = Int(text) else { throw ValidationError("\(name): expected a whole number, found \"\(text)\"") }
      return value
    }
    let index: Int, count: Int?
    if let task = try number("SLURM_ARRAY_TASK_ID") {
      index = task - (try number("SLURM_ARRAY_TASK_MIN") ?? 0)
      count = try shards ?? number("SLURM_ARRAY_TASK_COUNT")
    } else if let completion = try number("JOB_COMPLETION_INDEX") {
      index = completion
      count = try shards ?? number("POLICYSIM_SHARDS")
    } else {
      return .whole
    }
    guard let count else {
      throw ValidationError("--shards: the shard index comes from the environment (\(index)) but the shard count does not; pass --shards N")
    }
    guard let shard = Shard(index: index, count: count) else {
      throw ValidationError("shard index \(index) from the environment is outside 0..<\(count) shards")
    }
    return shard
  }
}
