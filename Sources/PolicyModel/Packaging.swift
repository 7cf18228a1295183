/// How many accelerator packages can be assembled from the dies and HBM stacks on hand.
public enum Packaging {
  /// Packages = min(dies / dies per package, HBM stacks / stacks per package, capacity):
  /// HBM binds when stacks run short (domain.md §3.4); a package needs no HBM when
  /// `stacksPerPackage` is 0.
  public static func packages(
    dies: Int, diesPerPackage: Int, hbmStacks: Int, stacksPerPackage: Int,
    capacity: Int = .max
  ) -> Int {
    precondition(diesPerPackage > 0, "a package needs at least one die")
    let byDies = dies / diesPerPackage
    let byHBM = stacksPerPackage > 0 ? hbmStacks / stacksPerPackage : .max
    return max(0, min(byDies, byHBM, capacity))
  }
}
