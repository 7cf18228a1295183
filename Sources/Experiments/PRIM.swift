/// The patient rule induction method (PRIM; Friedman & Fisher 1999) as scenario discovery uses
/// it (Bryant & Lempert 2010; EMA Workbench's `prim`): find a box, lower and upper bounds on
/// some of the uncertain parameters, inside which the runs of interest are concentrated.
///
/// Peeling starts from the box spanning every run and repeatedly removes a slice of runs
/// below a parameter's `peelAlpha` quantile or above its 1 − `peelAlpha` quantile (within the
/// box). Of the 2 × parameters candidate slices it removes the one with the largest gain in
/// density per run removed (EMA Workbench's default "lenient" objective), preferring on a tie
/// the box that restricts fewer parameters, then the earlier parameter and the lower side. It
/// stops when no slice raises the density or the box would hold less than `minimumMass` of
/// the runs. Each box on the way is a point of the peeling trajectory, which trades coverage
/// (share of the runs of interest inside) against density (share of the box's runs that are
/// of interest). Quantile boundaries lie halfway between two distinct values, so tied values
/// are never split. Parameters are numeric; a parameter that never varies is never restricted.
public struct PRIM: Sendable {
  /// The algorithm's settings, with EMA Workbench's defaults.
  public struct Options: Sendable, Equatable {
    /// The share of a box's runs a peel removes (0 < α < 0.5).
    public var peelAlpha: Double
    /// The share of the candidate runs a paste adds (0 < α < 1).
    public var pasteAlpha: Double
    /// The smallest share of all runs a box may hold (0 < mass < 1).
    public var minimumMass: Double

    public init(peelAlpha: Double = 0.05, pasteAlpha: Double = 0.05, minimumMass: Double = 0.05) {
      self.peelAlpha = peelAlpha
      self.pasteAlpha = pasteAlpha
      self.minimumMass = minimumMass
    }
  }

  /// A box: bounds on every parameter (inclusive) and what it holds.
  public struct Box: Sendable, Equatable {
    public let lower: [Double], upper: [Double]
    /// Runs inside the box, and of those the runs of interest.
    public let runs: Int, interesting: Int
    /// Share of all runs of interest inside: interesting / all interesting.
    public let coverage: Double
    /// Share of the box's runs that are of interest: interesting / runs.
    public let density: Double
    /// Share of all runs inside: runs / all runs.
    public let mass: Double
    /// The parameters whose bounds are inside the range of the data, in parameter order.
    public let restricted: [Int]
  }

  /// `values[parameter][run]`.
  public let values: [[Double]]
  /// Whether each run is of interest.
  public let interesting: [Bool]
  public let options: Options
  /// The box spanning every run: each parameter's smallest and largest value.
  let dataLower: [Double], dataUpper: [Double]
  let interestingTotal: Int

  /// - Precondition: at least one parameter and one run; one value per run for each parameter.
  public init(values: [[Double]], interesting: [Bool], options: Options = Options()) {
    precondition(!values.isEmpty && !interesting.isEmpty, "PRIM needs parameters and runs")
    precondition(values.allSatisfy { $0.count == interesting.count }, "one value per run for each parameter")
    self.values = values
    self.interesting = interesting
    self.options = options
    dataLower = values.map { $0.min()! }
    dataUpper = values.map { $0.max()! }
    interestingTotal = interesting.lazy.filter { $0 }.count
  }

  /// The boxes from the one spanning every run to the last peel, in peeling order.
  /// - Complexity: O(peels × parameters × runs log runs).
  public func peelingTrajectory() -> [Box] {
    var inside = Array(interesting.indices)
    var trajectory = [box(lower: dataLower, upper: dataUpper, members: inside)]
    while let next = bestPeel(of: trajectory[trajectory.count - 1], members: inside) {
      trajectory.append(next.box)
      inside = next.members
    }
    return trajectory
  }

  /// The index of the box with the largest coverage among those with a density of at least
  /// `threshold`: the first such box, since peeling never raises coverage. Nil when none does.
  public static func selection(in trajectory: [Box], threshold: Double) -> Int? {
    trajectory.firstIndex { $0.density >= threshold }
  }

  /// Which side of a parameter's range a peel or paste moves.
  enum Side: CaseIterable { case lower, upper }

  /// The peel with the best objective that keeps at least the minimum mass and raises the
  /// density; nil when there is none.
  private func bestPeel(of current: Box, members: [Int]) -> (box: Box, members: [Int])? {
    var best: (score: Score, box: Box, members: [Int])?
    for parameter in values.indices {
      let sorted = members.map { values[parameter][$0] }.sorted()
      for side in Side.allCases {
        let boundary = peelBoundary(sorted, side: side)
        var lower = current.lower, upper = current.upper
        switch side {
        case .lower: lower[parameter] = boundary
        case .upper: upper[parameter] = boundary
        }
        let kept = members.filter { lower[parameter] <= values[parameter][$0] && values[parameter][$0] <= upper[parameter] }
        guard kept.count < members.count, Double(kept.count) >= options.minimumMass * Double(interesting.count) else { continue }
        let candidate = box(lower: lower, upper: upper, members: kept)
        let score = Score(from: current, to: candidate)
        if score.objective > 0, best.map({ score > $0.score }) ?? true { best = (score, candidate, kept) }
      }
    }
    return best.map { ($0.box, $0.members) }
  }

  /// The value halfway between the order statistics at the `peelAlpha` quantile (lower side)
  /// or the 1 − `peelAlpha` quantile (upper side) of `sorted` and the next distinct value
  /// inwards, so that a peel removes about α of the runs and never splits tied values.
  private func peelBoundary(_ sorted: [Double], side: Side) -> Double {
    let last = sorted.count - 1
    switch side {
    case .lower:
      let position = options.peelAlpha * Double(last)
      let low = Int(position.rounded(.down))
      var high = Int(position.rounded(.up))
      while high < last, sorted[high] == sorted[low] { high += 1 }
      return sorted[low] + (sorted[high] - sorted[low]) / 2
    case .upper:
      let position = (1 - options.peelAlpha) * Double(last)
      var low = Int(position.rounded(.down))
      let high = Int(position.rounded(.up))
      while low > 0, sorted[low] == sorted[high] { low -= 1 }
      return sorted[low] + (sorted[high] - sorted[low]) / 2
    }
  }

  /// The box with these bounds holding `members`, with its statistics.
  func box(lower: [Double], upper: [Double], members: [Int]) -> Box {
    let hits = members.lazy.filter { interesting[$0] }.count
    return Box(
      lower: lower, upper: upper, runs: members.count, interesting: hits,
      coverage: interestingTotal == 0 ? 0 : Double(hits) / Double(interestingTotal),
      density: members.isEmpty ? 0 : Double(hits) / Double(members.count),
      mass: Double(members.count) / Double(interesting.count),
      restricted: values.indices.filter { lower[$0] > dataLower[$0] || upper[$0] < dataUpper[$0] })
  }

  /// How good a move from one box to another is: the change in density per run removed or
  /// added (EMA Workbench's "lenient 1" objective), then the fewer restricted parameters.
  struct Score: Comparable {
    let objective: Double
    let unrestricted: Int

    init(from old: Box, to new: Box) {
      objective = (new.density - old.density) / Double(abs(old.runs - new.runs))
      unrestricted = old.lower.count - new.restricted.count
    }

    static func < (a: Score, b: Score) -> Bool { (a.objective, a.unrestricted) < (b.objective, b.unrestricted) }
  }
}
