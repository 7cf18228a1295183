/// How a metric is named on a chart: a readable title and the unit for the value axis.
///
/// Known metrics get a hand-written title; any other (the model adds metrics over time) is
/// described from its name: the words of the snake_case name, and the unit its suffix implies
/// (`_h100e` → H100-equivalents, `_units` → chips, `_pflops_fp16` → PFLOP/s).
public struct MetricDescription {
  public let title: String
  public let unit: String

  public init(_ metric: String) {
    let known: [String: (String, String)] = [
      "capacity_h100e": ("Compute capacity", "H100-equivalents"),
      "capacity_h100e_nvidia": ("Capacity from legal Nvidia imports", "H100-equivalents"),
      "capacity_h100e_domestic": ("Capacity from domestic chips", "H100-equivalents"),
      "capacity_h100e_gray": ("Capacity from gray-market chips", "H100-equivalents"),
      "unmet_demand_h100e": ("Unmet demand", "H100-equivalents"),
      "domestic_yield": ("Domestic die yield", "fraction of dies good"),
      "domestic_good_dies": ("Domestic good dies", "dies"),
      "domestic_packages": ("Domestic packaged chips", "packages"),
      "hbm_stacks_remaining": ("HBM stacks remaining", "stacks"),
      "die_bank_remaining": ("Die bank remaining", "dies"),
    ]
    if let (title, unit) = known[metric] {
      self.title = title
      self.unit = unit
      return
    }
    let suffixes: [(String, String)] = [
      ("_h100e", "H100-equivalents"), ("_pflops_fp16", "PFLOP/s (FP16)"), ("_units", "chips"),
      ("_dies", "dies"), ("_packages", "packages"), ("_starts", "wafer starts"), ("_yield", "fraction"),
    ]
    let words = metric.split(separator: "_").joined(separator: " ")
    title = words.prefix(1).uppercased() + words.dropFirst()
    unit = suffixes.first { metric.hasSuffix($0.0) }?.1 ?? "value"
  }
}
