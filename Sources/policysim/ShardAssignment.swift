import Experiments

/// Which shard of a sweep this process runs.
///
/// The index and the count are each stated once, never inferred: `--shard K/N` gives both;
/// otherwise the index comes from the job's environment (`SLURM_ARRAY_TASK_ID` for a Slurm
/// array task, else `JOB_COMPLETION_INDEX` for a Kubernetes Indexed Job) and the count from
/// `--shards N`, else `POLICYSIM_SHARDS`. Slurm's `SLURM_ARRAY_TASK_MIN` and
/// `SLURM_ARRAY_TASK_COUNT` are deliberately ignored: a task resubmitted alone
/// (`sbatch --array=5`) sees 5 and 1 there, and a strided or listed array (`--array=0-7:2`,
/// `--array=1,3,5`) counts its tasks, not the shards, so using them silently runs the wrong points.
enum ShardAssignment {
  /// A job environment or options that do not determine one shard; the text is one line.
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// The environment variables that carry a shard index, in the order they are consulted.
  static let indexVariables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"]
  /// The environment variable that may carry the shard count instead of `--shards`.
  static let countVariable = "POLICYSIM_SHARDS"

  /// Resolves the shard from `--shard` (`option`), `--shards` (`shards`) and `environment`;
  /// the whole sweep when none of them says anything.
  /// - Throws: ``Failure`` naming the option or variable that is missing, malformed or out of range.
  static func resolve(option: String?, shards: Int?, environment: [String: String]) throws -> Shard {
    if let option {
      guard shards == nil else { throw Failure(description: "--shard \(option) already gives the shard count; drop --shards") }
      guard let shard = Shard(parsing: option) else {
        throw Failure(description: "--shard: expected K/N with 0 <= K < N (e.g. 0/4), found \"\(option)\"")
      }
      return shard
    }
    let count = try shards.map { (value: $0, source: "--shards \($0)") } ?? number(countVariable, in: environment)
    if let count, count.value < 1 { throw Failure(description: "\(count.source): expected a shard count >= 1") }
    var index: (value: Int, source: String)?
    for name in indexVariables where index == nil { index = try number(name, in: environment) }
    switch (index, count) {
    case (nil, nil):
      return .whole
    case (nil, let count?):
      throw Failure(description: "\(count.source) gives the shard count but nothing gives the index: expected SLURM_ARRAY_TASK_ID (a Slurm array task) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); to run one shard by hand use --shard K/N")
    case (let index?, nil):
      throw Failure(description: "\(index.source) gives the shard index but not the shard count: pass --shards N (N = the number of shards, e.g. 8 for --array=0-7) or set \(countVariable)")
    case (let index?, let count?):
      guard let shard = Shard(index: index.value, count: count.value) else {
        throw Failure(description: "\(index.source) is outside the \(count.value) shards of \(count.source) (indices 0 to \(count.value - 1))")
      }
      return shard
    }
  }

  /// The whole number in variable `name`, with its source for messages; nil when unset.
  private static func number(_ name: String, in environment: [String: String]) throws -> (value: Int, source: String)? {
    guard let text = environment[name] else { return nil }
    guard let value = Int(text) else { throw Failure(description: "\(name): expected a whole number, found \"\(text)\"") }
    return (value, "\(name)=\(value)")
  }
}
