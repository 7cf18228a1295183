import Foundation
@testable import PolicySimIO
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The digest `sha256sum` (coreutils) prints for `text`'s UTF-8 bytes.
private func sha256sum(_ text: String) throws -> String {
  let file = FileManager.default.temporaryDirectory.appendingPathComponent("policysim-sha-\(UUID().uuidString)")
  try Data(text.utf8).write(to: file)
  defer { try? FileManager.default.removeItem(at: file) }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["sha256sum", file.path]
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let printed = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: printed, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

@Test("SHA-256 of the FIPS 180-2 test messages")
func knownDigests() {
  #expect(SHA256Digest.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  #expect(SHA256Digest.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  #expect(
    SHA256Digest.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
      == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
}

@Test("SHA-256 equals sha256sum's for non-ASCII, block-boundary and large texts, and for every shipped scenario's canonical JSON")
func digestsMatchSha256sum() throws {
  let texts = ["é → 中国 🇨🇳", String(repeating: "a", count: 55), String(repeating: "b", count: 64), String(repeating: "0123456789", count: 200_000)]
  let scenarios = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Scenarios").path).filter { $0.hasSuffix(".json") }
  #expect(scenarios.count >= 5)
  for name in scenarios {
    let loaded = try LoadedScenario(file: root.appendingPathComponent("Scenarios/\(name)").path)
    #expect(loaded.sha256 == (try sha256sum(canonicalJSON(loaded.resolved))), "\(name)")
  }
  for text in texts {
    #expect(SHA256Digest.hex(of: text) == (try sha256sum(text)), "\(text.prefix(20))… (\(text.utf8.count) bytes)")
  }
}
