import ArgumentParser
import Foundation
import PolicySimIO

extension AnalysisNotebook: ExpressibleByArgument {}

extension PolicySim {
  /// Writes a Jupyter notebook bound to results folders.
  struct ExportNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a Jupyter notebook (pandas + matplotlib) that reads the given results.",
      discussion: """
        The notebook is the one shipped in Notebooks-export/ with its first code cell (tagged \
        `parameters`) set to these folders, written relative to the notebook so the two can \
        move together.

        Exit status: 0 success; 64 bad arguments; 65 a results file is missing or damaged; \
        66 a folder is missing; 74 the notebook cannot be written.

        Example: policysim export-notebook results/tier3 results/baseline --out compare.ipynb
        """)

    @Argument(help: ArgumentHelp("Results folders (one for run and sweep, several for compare).", valueName: "dir"))
    var folders: [String]

    @Option(help: "The notebook (default: sweep for a folder with points.csv, compare for several folders, else run).")
    var kind: AnalysisNotebook?

    @Option(help: ArgumentHelp("The notebook file to write (default: <kind>.ipynb in the first folder).", valueName: "file.ipynb"))
    var out: String?

    func validate() throws {
      if folders.isEmpty { throw ValidationError("expected at least one results folder") }
      if kind == .run || kind == .sweep, folders.count > 1 {
        throw ValidationError("--kind \(kind!.rawValue) reads one folder, found \(folders.count); use --kind compare")
      }
    }

    func run() throws {
      try withFailureReport { try export() }
    }

    private func export() throws {
      let urls = folders.map { URL(fileURLWithPath: $0) }
      let kind = self.kind ?? (urls.count > 1 ? .compare : Self.isSweep(urls[0]) ? .sweep : .run)
      for url in urls { try Self.check(url, holds: kind) }
      let file = out.map { URL(fileURLWithPath: $0) } ?? urls[0].appendingPathComponent("\(kind.rawValue).ipynb")
      let notebook = kind.notebook(results: urls.map { $0.path(relativeTo: file.deletingLastPathComponent()) })
      try AtomicFile.write(notebook.json, to: file)
      print("Wrote \(file.path) (\(kind.rawValue) notebook)")
    }

    private static func isSweep(_ folder: URL) -> Bool {
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("points.csv").path)
    }

    /// Fails with a one-line error unless `folder` has the files the notebook reads.
    private static func check(_ folder: URL, holds kind: AnalysisNotebook) throws {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder)
      guard exists, isFolder.boolValue else { throw IOFailure("read", folder.path, code: exists ? ENOTDIR : ENOENT) }
      guard kind == .sweep else {
        _ = try RunResults(folder: folder)
        return
      }
      for name in ["points.csv", "results.csv"] where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
        throw ResultsError(folder.path, "no \(name) here (expected the output folder of a sweep)")
      }
    }
  }
}
