import Foundation

/// A quantity for a terminal table: 1.19M, 780k, -658k, 42, 0.35.
func shortNumber(_ value: Double) -> String {
  let size = abs(value)
  if size >= 1e6 { return String(format: "%.2fM", value / 1e6) }
  if size >= 1e3 { return String(format: "%.0fk", value / 1e3) }
  if size >= 1 || size == 0 { return String(format: "%.0f", value) }
  return String(format: "%.2g", value)
}
