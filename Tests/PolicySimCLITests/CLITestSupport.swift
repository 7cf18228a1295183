import Foundation

/// The built `policysim` binary. The package root is three levels above this file; `swift test`
/// builds every product into `.build/debug` (POLICYSIM_BINARY overrides, e.g. for a release build).
func policySimBinary() -> URL {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  return ProcessInfo.processInfo.environment["POLICYSIM_BINARY"].map(URL.init(fileURLWithPath:))
    ?? root.appendingPathComponent(".build/debug/policysim")
}

/// Runs the built `policysim` binary with `arguments` and extra `environment` variables; output
/// goes to files, not pipes, so a large output cannot deadlock the child.
func runPolicySim(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
  try runProcess(policySimBinary(), arguments, environment: environment, directory: directory)
}

/// Runs `executable` with `arguments` (in `directory` when given), its output collected
/// through files.
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
  for file in [out, err] { try Data().write(to: file) }
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  if let directory { process.currentDirectoryURL = directory }
  process.standardOutput = try FileHandle(forWritingTo: out)
  process.standardError = try FileHandle(forWritingTo: err)
  try process.run()
  process.waitUntilExit()
  return (
    process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
    try String(contentsOf: err, encoding: .utf8)
  )
}
