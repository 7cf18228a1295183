extension PRIM {
  /// `box` widened by pasting (Friedman & Fisher's second phase): repeatedly moves one bound of
  /// a restricted parameter outwards to take in the `pasteAlpha` share (at least one run) of
  /// the runs just outside it that meet every other bound, choosing the move with the largest
  /// gain in density per run added, as long as that gain is positive.
  /// - Complexity: O(pastes × restricted parameters × runs log runs).
  public func pasted(_ box: Box) -> Box {
    var current = box
    while let next = bestPaste(of: current) { current = next }
    return current
  }

  private func bestPaste(of current: Box) -> Box? {
    var best: (score: Score, box: Box)?
    for parameter in current.restricted {
      for side in Side.allCases {
        let outside = interesting.indices.filter { run in
          let value = values[parameter][run]
          let beyond = side == .lower ? value < current.lower[parameter] : value > current.upper[parameter]
          return beyond && isInside(run, current, except: parameter)
        }
        guard !outside.isEmpty else { continue }
        let sorted = outside.map { values[parameter][$0] }.sorted()
        let added = max(1, Int((options.pasteAlpha * Double(sorted.count)).rounded(.up)))
        var lower = current.lower, upper = current.upper
        switch side {
        case .lower: lower[parameter] = sorted[sorted.count - added]
        case .upper: upper[parameter] = sorted[added - 1]
        }
        let members = interesting.indices.filter { run in
          values.indices.allSatisfy { lower[$0] <= values[$0][run] && values[$0][run] <= upper[$0] }
        }
        let candidate = box(lower: lower, upper: upper, members: members)
        let score = Score(from: current, to: candidate)
        if score.objective > 0, best.map({ score > $0.score }) ?? true { best = (score, candidate) }
      }
    }
    return best?.box
  }

  /// Whether `run` meets every bound of `box` other than those of `parameter`.
  private func isInside(_ run: Int, _ box: Box, except parameter: Int) -> Bool {
    values.indices.allSatisfy { $0 == parameter || (box.lower[$0] <= values[$0][run] && values[$0][run] <= box.upper[$0]) }
  }
}
