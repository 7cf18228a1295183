import Foundation

extension URL {
  /// The path of this file or folder as seen from `folder`, e.g. `../results/tier3`; "." for
  /// `folder` itself. Both are made absolute and standardised first.
  public func path(relativeTo folder: URL) -> String {
    let target = standardizedFileURL.pathComponents, base = folder.standardizedFileURL.pathComponents
    let shared = zip(target, base).prefix { $0 == $1 }.count
    let parts = Array(repeating: "..", count: base.count - shared) + target[shared...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
