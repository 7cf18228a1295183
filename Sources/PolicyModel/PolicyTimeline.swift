import Foundation

/// Built-in policy timelines, from `shared/research/domain.md` §1.
public enum PolicyTimeline {
  /// US and Chinese rules as enacted, Oct 2022 to Jan 2026 (China as the destination).
  public static let historical: [PolicyEvent] = [
    event("2022-10-07", .classification(.october2022), "Oct 7 2022 rule (BIS)"),
    event("2022-10-07", .destinationTier(.tier3), "China: presumption of denial (D:5)"),
    event("2023-10-17", .classification(.october2023), "Oct 17 2023 AC/S update (BIS)"),
    event(
      "2025-04-09", .skuRule(sku: "H20", status: .licenceRequired(approvalProbability: 0.1, delayDays: 120)),
      "H20 licence requirement, Apr 9 2025 (Nvidia 8-K; Reuters)"),
    event("2025-09-17", .chinaImportBan(sku: "H20", banned: true), "CAC guidance against H20 / RTX Pro 6000D, Sep 2025"),
    event("2025-11-01", .skuRule(sku: "B30A", status: .banned), "B30A export not approved, Nov 2025 (IFP)"),
    event(
      "2026-01-15", .skuRule(sku: "H200", status: .licenceRequired(approvalProbability: 0.75, delayDays: 60)),
      "H200 case-by-case review, BIS rule effective Jan 15 2026"),
  ]

  private static func event(_ day: String, _ change: PolicyChange, _ note: String) -> PolicyEvent {
    PolicyEvent(date: ISODate.parse(day)!, change: change, note: note)
  }
}
