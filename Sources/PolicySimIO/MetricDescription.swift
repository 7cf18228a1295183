/// How a metric is named on a chart: a readable title, the unit for the value axis ("per
/// month" for flows), and a sentence explaining the unit when it needs one (H100-equivalents).
///
/// Known metrics get a hand-written title; any other (per source, vendor or product, and any
/// the model adds later) is described from its name: its words, and the unit its words
/// imply (`h100e` → H100-equivalents, `units` → chips, `dies`, `packages`, `wafer_starts`…).
/// Whether a metric is a flow (counted over the month ending at the date) or a stock (at the
/// date) is read off its name's stem, as the model names them.
public struct MetricDescription {
  public let title: String
  /// The value axis title, e.g. "H100-equivalents" or "chips per month".
  public let unit: String
  /// What the unit means, for the subtitle; empty when the unit explains itself.
  public let note: String
  /// True for a per-month flow, false for a stock or level at the date.
  public let isFlow: Bool

  public init(_ metric: String) {
    isFlow = Self.flowStems.contains { metric == $0 || metric.hasPrefix($0 + "_") }
    let words = metric.split(separator: "_").map(String.init)
    let baseUnit: String
    if let (title, unit) = Self.known[metric] {
      (self.title, baseUnit) = (title, unit)
    } else {
      baseUnit = Self.unit(of: words)
      let kept = words.filter { !["h100e", "8bit", "pflops", "fp16"].contains($0) }.joined(separator: " ")
      title = kept.prefix(1).uppercased() + kept.dropFirst()
    }
    unit = isFlow ? baseUnit + " per month" : baseUnit
    note = Self.note(words: words, unit: baseUnit, isFlow: isFlow)
  }

  /// Hand-written titles and units.
  private static let known: [String: (String, String)] = [
    "capacity_h100e": ("Compute capacity", "H100-equivalents"),
    "capacity_h100e_stockpile": ("Capacity from chips held at the start", "H100-equivalents"),
    "capacity_h100e_legal": ("Capacity from legal imports", "H100-equivalents"),
    "capacity_h100e_gray": ("Capacity from gray-market chips", "H100-equivalents"),
    "capacity_h100e_gaming": ("Capacity from converted gaming cards", "H100-equivalents"),
    "capacity_h100e_domestic": ("Capacity from domestic chips", "H100-equivalents"),
    "paper_h100e": ("Compute on paper (dense FP16)", "H100-equivalents"),
    "paper_h100e_8bit": ("Compute on paper, 8-bit (Epoch AI)", "8-bit H100-equivalents"),
    "training_capacity_h100e": ("Training compute capacity", "H100-equivalents"),
    "inference_capacity_h100e": ("Inference compute capacity", "H100-equivalents"),
    "demand_target_h100e": ("Compute sought (demand target)", "H100-equivalents"),
    "unmet_demand_h100e": ("Unmet demand", "H100-equivalents"),
    "deployed_h100e": ("Compute deployed", "H100-equivalents"),
    "smic_wafer_starts": ("SMIC advanced-node wafer starts", "wafers"),
    "wafer_starts": ("AI accelerator wafer starts", "wafers"),
    "dies_made": ("Domestic good dies made", "dies"),
    "packages": ("Domestic packaged chips", "packages"),
    "hbm_stacks_remaining": ("HBM stacks remaining", "stacks"),
    "die_bank_remaining": ("TSMC die bank remaining", "dies"),
  ]

  /// Name stems of per-month flows (a metric is a flow when its name is a stem, or a stem
  /// followed by `_<source>`, `_<vendor>` or `_<product>`).
  private static let flowStems = [
    "deployed_h100e", "acquired_units", "acquired_h100e", "gray_seized_units", "legal_cancelled_units",
    "smic_wafer_starts", "wafer_starts", "dies_made", "dies_used", "bank_dies", "bank_dies_used", "packages",
    "failed_units", "retired_units",
  ]

  /// The unit the words of a name imply.
  private static func unit(of words: [String]) -> String {
    let name = words.joined(separator: "_")
    if name.contains("h100e_8bit") { return "8-bit H100-equivalents" }
    if words.contains("h100e") { return "H100-equivalents" }
    if name.contains("pflops_fp16") { return "PFLOP/s (FP16)" }
    if words.contains("yield") { return "fraction of dies good" }
    if words.contains("units") { return "chips" }
    if words.contains("dies") { return "dies" }
    if words.contains("packages") { return "packages" }
    if name.contains("wafer_starts") { return "wafers" }
    if words.contains("stacks") { return "stacks" }
    return "value"
  }

  /// The subtitle sentence for a unit that needs explaining.
  private static func note(words: [String], unit: String, isFlow: Bool) -> String {
    let flow = isFlow ? " Each point counts the month ending at that date." : ""
    switch unit {
    case "H100-equivalents":
      let effective = words.contains("capacity") && !words.contains("paper")
        ? ", here discounted for how efficiently each chip is used" : ""
      return "H100-equivalents: each chip counted as its dense FP16 compute divided by an Nvidia H100's (989 TFLOP/s)\(effective).\(flow)"
    case "8-bit H100-equivalents":
      return "8-bit H100-equivalents: each chip counted as its 8-bit compute divided by an Nvidia H100's (Epoch AI's normalisation).\(flow)"
    default:
      return String(flow.dropFirst())
    }
  }
}
