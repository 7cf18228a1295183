import ArgumentParser
import Foundation
import PolicySimIO

extension PolicySim {
  /// Combines the outputs of a sharded sweep.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Combine the shard folders of a sweep into the outputs of the whole sweep.",
      discussion: """
        The merged points.csv, results.csv and manifest.json are byte-identical to those of \
        the same sweep run unsharded. Refuses folders from different sweeps (the first \
        differing manifest field is named), unfinished shards, a point present twice, and \
        missing points.

        Each shard's points.csv and results.csv are first checked against the size and \
        SHA-256 its manifest.json records.

        Exit status: 0 success; 64 bad arguments; 65 the folders cannot be merged (different \
        sweeps, unfinished or damaged shards); 66 a folder is missing; 74 an output could not \
        be written.

        Example: policysim merge results/tier3-sweep/shard-*-of-4 --out results/tier3-sweep
        """)

    @Argument(help: "Shard output folders.", completion: .directory)
    var folders: [String]

    @Option(help: "Folder for the merged outputs.", completion: .directory)
    var out: String

    func validate() throws {
      if folders.isEmpty { throw ValidationError("expected at least one shard folder") }
    }

    func run() throws {
      try withFailureReport {
        let merged = try SweepMerge.merge(folders.map(URL.init(fileURLWithPath:)), into: URL(fileURLWithPath: out))
        print("Merged \(merged.points) points from \(merged.folders) folders into \(out)/points.csv, results.csv, manifest.json")
      }
    }
  }
}
