import Foundation
import PolicySimIO

/// The end-of-compare table: each scenario's effect on one metric at every year end, as the
/// median and 90% band of the paired differences and the share of runs in which it is lower.
struct EffectTable {
  let effects: Effects
  let metric: String

  var text: String {
    let unit = MetricDescription(metric).unit
    var lines = [
      "Paired differences from \(effects.reference), \(effects.runs) runs, seed \(effects.seed): \(metric), median [5%, 95%] and share of runs lower"
    ]
    for comparison in effects.comparisons {
      for (index, date) in effects.dates.enumerated() where date.hasSuffix("-12-31") {
        guard let effect = comparison.statistics(at: index, of: metric) else { continue }
        let s = effect.statistics
        lines.append(String(
          format: "%@  %@ vs %@: %@ [%@, %@] %@; lower in %.0f%% of runs", date, comparison.scenario, effects.reference,
          shortNumber(s.p50), shortNumber(s.p05), shortNumber(s.p95), unit, 100 * effect.shareNegative))
      }
    }
    return lines.joined(separator: "\n")
  }
}
