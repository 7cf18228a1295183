/// How a metric is named on a chart: a readable title and the unit for the value axis.
///
/// Known metrics get a hand-written title; any other (the model adds metrics over time) is
/// described from its name: the words of the snake_case name, and the unit its suffix implies
/// (`_h100e` → H100-equivalents, `_units` → chips, `_pflops_fp16` → PFLOP/s); a suffix
/// that only names the unit is left out of the title.
public struct MetricDescription {
  public let title: String
  public let unit: String

  public init(_ metric: String) {
    let known: [String: (String, String)] = [
      "capacity_h100e": ("Compute capacity", "H100-equivalents"),
      "capacity_h100e_nvidia": ("Capacity from legal Nvidia imports", "H100-equivalents"),
      "capacity_h100e_domestic": ("Capacity from domestic chips", "H100-equivalents"),
      "capacity_h100e_gray": ("Capacity from gray-market chips", "H100-equivalents"),
      "capacity_pflops_fp16": ("Compute capacity", "PFLOP/s (FP16)"),
      "training_capacity_h100e": ("Training compute capacity", "H100-equivalents"),
      "inference_capacity_h100e": ("Inference compute capacity", "H100-equivalents"),
      "domestic_wafer_starts": ("Domestic wafer starts", "wafers"),
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
    // (suffix, unit, whether the suffix is only a unit and leaves the title)
    let suffixes: [(String, String, Bool)] = [
      ("_h100e", "H100-equivalents", true), ("_pflops_fp16", "PFLOP/s (FP16)", true), ("_units", "chips", false),
      ("_dies", "dies", false), ("_packages", "packages", false), ("_starts", "starts", false), ("_yield", "fraction", false),
    ]
    let suffix = suffixes.first { metric.hasSuffix($0.0) && metric.count > $0.0.count }
    let name = suffix?.2 == true ? String(metric.dropLast(suffix!.0.count)) : metric
    let words = name.split(separator: "_").joined(separator: " ")
    title = words.prefix(1).uppercased() + words.dropFirst()
    unit = suffix?.1 ?? "value"
  }
}
