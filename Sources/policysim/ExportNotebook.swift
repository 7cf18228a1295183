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
        move together. The compare notebook reads any number of run folders and at most one \
        folder of policysim compare (with effects.csv).

        Exit status: 0 success; 64 bad arguments; 65 a results file is missing or damaged; \
        66 a folder is missing; 74 the notebook cannot be written.

        Example: policysim export-notebook results/tier3 results/baseline --out compare.ipynb
        """)

    @Argument(help: ArgumentHelp("Results folders (one for run and sweep; for compare, run folders and a compare folder).", valueName: "dir"), completion: .directory)
    var folders: [String]

    @Option(help: "The notebook (default: sweep for a folder with points.csv, compare for several folders or one with effects.csv, else run).")
    var kind: AnalysisNotebook?

    @Option(help: ArgumentHelp("The notebook file to write (default: <kind>.ipynb in the first folder).", valueName: "file.ipynb"), completion: .file(extensions: ["ipynb"]))
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
      let kind = self.kind ?? (urls.count > 1 || Self.holds(urls[0], Effects.fileName) ? .compare : Self.holds(urls[0], "points.csv") ? .sweep : .run)
      let comparisons = kind == .compare ? urls.filter { Self.holds($0, Effects.fileName) } : []
      if comparisons.count > 1 {
        throw ValidationError("--kind compare reads one folder of policysim compare, found \(comparisons.count) with \(Effects.fileName)")
      }
      for url in urls { try Self.check(url, holds: comparisons.contains(url) ? nil : kind) }
      let file = out.map { URL(fileURLWithPath: $0) } ?? urls[0].appendingPathComponent("\(kind.rawValue).ipynb")
      let relative = { (url: URL) in url.path(relativeTo: file.deletingLastPathComponent()) }
      let notebook = kind.notebook(results: urls.filter { !comparisons.contains($0) }.map(relative), effects: comparisons.first.map(relative))
      try AtomicFile.write(notebook.json, to: file)
      print("Wrote \(file.path) (\(kind.rawValue) notebook)")
    }

    /// Whether `folder` has a file `name`.
    private static func holds(_ folder: URL, _ name: String) -> Bool {
      FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }

    /// Fails with a one-line error unless `folder` has the files the notebook reads: those of a
    /// `kind` folder, or of a policysim compare folder when `kind` is nil.
    private static func check(_ folder: URL, holds kind: AnalysisNotebook?) throws {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder)
      guard exists, isFolder.boolValue else { throw IOFailure("read", folder.path, code: exists ? ENOTDIR : ENOENT) }
      switch kind {
      case .run?, .compare?:
        _ = try RunResults(folder: folder)
      case .sweep?:
        for name in ["points.csv", "results.csv"] where !holds(folder, name) {
          throw ResultsError(folder.path, "no \(name) here (expected the output folder of a sweep)")
        }
      case nil:
        if !holds(folder, "manifest.json") { throw ResultsError(folder.path, "no manifest.json here (policysim compare writes it last)") }
      }
    }
  }
}
