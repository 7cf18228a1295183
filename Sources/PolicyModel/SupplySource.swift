/// Where a unit came from, for capacity and flows by source. The raw value is the suffix of
/// the outcome columns (`capacity_h100e_legal`).
public enum SupplySource: String, CaseIterable, Sendable {
  /// Installed or held in China at the scenario start.
  case stockpile
  /// Legal imports under the export regime.
  case legal
  /// Smuggling and transshipment, new or used.
  case gray
  /// Gaming graphics cards converted into AI cards.
  case gaming
  /// Made in China (all domestic vendors).
  case domestic

  /// Position in `allCases`, for arrays indexed by source.
  var index: Int {
    switch self {
    case .stockpile: 0
    case .legal: 1
    case .gray: 2
    case .gaming: 3
    case .domestic: 4
    }
  }

  /// Sources that bring chips after the start (flows are reported for these).
  static let acquired: [SupplySource] = [.legal, .gray, .gaming, .domestic]
}
