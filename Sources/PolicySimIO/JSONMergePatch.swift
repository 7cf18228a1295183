extension JSONValue {
  /// Applies `patch` to this value with JSON Merge Patch semantics (RFC 7396): objects merge
  /// key by key, `null` removes a key, any other value (arrays included) replaces.
  ///
  /// One deliberate exception: a distribution object (one with a `"dist"` key) in the patch
  /// replaces the base value whole, so that `{"dist": "beta", …}` over a lognormal does not
  /// inherit the lognormal's `median` and `sigma`.
  public func merged(with patch: JSONValue) -> JSONValue {
    guard case .object(let patchMembers) = patch, patchMembers["dist"] == nil else { return patch }
    var result: [String: JSONValue]
    if case .object(let members) = self { result = members } else { result = [:] }
    for (key, value) in patchMembers {
      if value == .null {
        result[key] = nil
      } else {
        result[key] = (result[key] ?? .null).merged(with: value)
      }
    }
    return .object(result)
  }
}
