/// How a metric is named on a chart: a readable title and the unit for the value axis.
///
/// Known metrics get a hand-written title; a metric per source, vendor or product is named by
/// its prefix (`packages_huawei` → "Packages, huawei"); any other is described from its name:
/// the words of the snake_case name, and the unit its suffix implies (`_h100e` →
/// H100-equivalents, `_units` → chips); a suffix that only names the unit is left out of the
/// title.
public struct MetricDescription {
  public let title: String
  public let unit: String

  public init(_ metric: String) {
    let known: [String: (String, String)] = [
      "capacity_h100e": ("Compute capacity", "H100-equivalents"),
      "capacity_h100e_stockpile": ("Capacity from chips held at the start", "H100-equivalents"),
      "capacity_h100e_legal": ("Capacity from legal imports", "H100-equivalents"),
      "capacity_h100e_gray": ("Capacity from gray-market chips", "H100-equivalents"),
      "capacity_h100e_gaming": ("Capacity from converted gaming cards", "H100-equivalents"),
      "capacity_h100e_domestic": ("Capacity from domestic chips", "H100-equivalents"),
      "paper_h100e": ("Paper compute capacity (dense FP16)", "H100-equivalents"),
      "paper_h100e_8bit": ("Paper compute capacity (8-bit, Epoch AI)", "H100-equivalents"),
      "training_capacity_h100e": ("Training compute capacity", "H100-equivalents"),
      "inference_capacity_h100e": ("Inference compute capacity", "H100-equivalents"),
      "demand_target_h100e": ("Demand target (installed stock sought)", "H100-equivalents"),
      "unmet_demand_h100e": ("Unmet demand", "H100-equivalents"),
      "smic_wafer_starts": ("SMIC advanced-node wafer starts", "wafers per month"),
      "wafer_starts": ("AI accelerator wafer starts", "wafers per month"),
      "dies_made": ("Domestic good dies made", "dies per month"),
      "packages": ("Domestic packaged chips", "packages per month"),
      "hbm_stacks_remaining": ("HBM stacks remaining", "stacks"),
      "die_bank_remaining": ("TSMC die bank remaining", "dies"),
    ]
    if let (title, unit) = known[metric] {
      self.title = title
      self.unit = unit
      return
    }
    // Metrics per source, vendor or product: (prefix, title before the name, unit).
    let prefixes: [(String, String, String)] = [
      ("capacity_h100e_", "Capacity from", "H100-equivalents"), ("paper_h100e_8bit_", "Paper capacity (8-bit) from", "H100-equivalents"),
      ("paper_h100e_", "Paper capacity from", "H100-equivalents"), ("acquired_units_", "Units acquired, month, from", "chips per month"),
      ("acquired_h100e_", "H100e acquired, month, from", "H100-equivalents per month"),
      ("wafer_starts_", "Wafer starts,", "wafers per month"), ("dies_made_", "Good dies made,", "dies per month"),
      ("dies_used_", "Dies packaged,", "dies per month"), ("bank_dies_", "Die-bank dies packaged,", "dies per month"),
      ("packages_", "Packages,", "packages per month"), ("yield_", "Die yield,", "fraction of dies good"),
    ]
    if let (prefix, words, unit) = prefixes.first(where: { metric.hasPrefix($0.0) && metric.count > $0.0.count }) {
      title = "\(words) \(metric.dropFirst(prefix.count))"
      self.unit = unit
      return
    }
    // (suffix, unit, whether the suffix is only a unit and leaves the title)
    let suffixes: [(String, String, Bool)] = [
      ("_h100e", "H100-equivalents", true), ("_units", "chips", false),
      ("_dies", "dies", false), ("_packages", "packages", false), ("_starts", "starts", false), ("_yield", "fraction", false),
    ]
    let suffix = suffixes.first { metric.hasSuffix($0.0) && metric.count > $0.0.count }
    let name = suffix?.2 == true ? String(metric.dropLast(suffix!.0.count)) : metric
    let words = name.split(separator: "_").joined(separator: " ")
    title = words.prefix(1).uppercased() + words.dropFirst()
    unit = suffix?.1 ?? "value"
  }
}
