import CCrypto

/// SHA-256 digests, computed by the system's OpenSSL libcrypto (`EVP_Digest` with
/// `EVP_sha256`): the hash that identifies scenarios and sweep specs in every output.
enum SHA256Digest {
  /// The lower-case hexadecimal SHA-256 of `text`'s UTF-8 bytes (64 characters).
  static func hex(of text: String) -> String {
    var bytes = Array(text.utf8)
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let succeeded = EVP_Digest(&bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
    // Fails only when libcrypto cannot allocate a context: nothing an input could cause.
    precondition(succeeded == 1 && length == 32, "libcrypto's EVP_Digest(SHA-256) failed")
    return digest.prefix(Int(length)).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
