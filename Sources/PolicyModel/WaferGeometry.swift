import Foundation

/// Dies per wafer from die area: the standard approximation used by fab cost models.
public enum WaferGeometry {
  /// Gross (candidate) dies on a wafer of `waferDiameterMm` for a die of `dieAreaMm2`:
  /// π·(d/2)²/A − π·d/√(2A), rounded down (edge loss by the second term).
  /// For the Ascend 910B's 665.6 mm² die on 300 mm this is 80 (domain.md §3.3).
  public static func grossDies(dieAreaMm2 area: Double, waferDiameterMm diameter: Double = 300)
    -> Int
  {
    precondition(area > 0, "die area must be positive, got \(area)")
    let radius = diameter / 2
    let dies = Double.pi * radius * radius / area - Double.pi * diameter / (2 * area).squareRoot()
    return max(0, Int(dies.rounded(.down)))
  }
}
