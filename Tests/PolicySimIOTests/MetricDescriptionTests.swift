import PolicySimIO
import Testing

@Test("flows are per month, stocks are not",
  arguments: [
    ("failed_units", true), ("packages", true), ("acquired_units_legal", true), ("gray_seized_units", true),
    ("acquired_h100e_gray", true), ("packages_ascend910c", true), ("bank_dies_ascend910b", true), ("bank_dies_used", true),
    ("deployed_h100e", true), ("wafer_starts_mlu590", true),
    ("capacity_h100e", false), ("capacity_h100e_huawei", false), ("die_bank_remaining", false), ("stranded_dies", false),
    ("yield_ascend910c", false), ("inventory_units", false), ("unmet_demand_h100e", false), ("smic_wafer_starts", true),
  ])
func flowsAndStocks(metric: String, isFlow: Bool) {
  let description = MetricDescription(metric)
  #expect(description.isFlow == isFlow)
  #expect(description.unit.hasSuffix(" per month") == isFlow, "\(description.unit)")
}

@Test("units and their explanations: H100-equivalents (dense FP16, effective or paper), 8-bit, chips, fractions")
func unitsAndNotes() {
  let capacity = MetricDescription("capacity_h100e")
  #expect(capacity.title == "Compute capacity" && capacity.unit == "H100-equivalents")
  #expect(capacity.note == "H100-equivalents: each chip counted as its dense FP16 compute divided by an Nvidia H100's (989 TFLOP/s), here discounted for how efficiently each chip is used.")
  let paper = MetricDescription("paper_h100e_domestic")
  #expect(paper.title == "Paper domestic" && paper.unit == "H100-equivalents" && !paper.note.contains("efficiently"))
  let eightBit = MetricDescription("paper_h100e_8bit_gray")
  #expect(eightBit.unit == "8-bit H100-equivalents" && eightBit.note.contains("Epoch AI's normalisation"))
  let acquired = MetricDescription("acquired_units_legal")
  #expect(acquired.unit == "chips per month" && acquired.note == "Each point counts the month ending at that date.")
  #expect(MetricDescription("yield_ascend910c").unit == "fraction of dies good")
  #expect(MetricDescription("packages_huawei").title == "Packages huawei")
  #expect(MetricDescription("something_new").unit == "value" && MetricDescription("something_new").note.isEmpty)
}
