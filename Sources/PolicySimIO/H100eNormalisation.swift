/// How a count of H100-equivalents normalises a chip: by its dense 16-bit rate or 8-bit rate
/// on paper (Epoch AI uses 8-bit), or as effective capacity after software efficiency.
public enum H100eNormalisation: String, CaseIterable, Sendable {
  case paperFP16 = "paper-fp16"
  case paper8Bit = "paper-8bit"
  case effective

  /// "paper, dense FP16" for tables.
  public var words: String {
    switch self {
    case .paperFP16: "paper, dense FP16"
    case .paper8Bit: "paper, 8-bit"
    case .effective: "effective"
    }
  }
}
