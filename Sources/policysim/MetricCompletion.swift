import ArgumentParser
import Foundation
import PolicySimIO

/// Shell completion for `--metric`: the metrics of the results folders already typed on the
/// command line, read from their files (so new metrics complete without a new list here).
enum MetricCompletion {
  /// The completion kind of a `--metric` option.
  static let kind = CompletionKind.custom { words, _, prefix in
    candidates(words: words).filter { $0.hasPrefix(prefix) }
  }

  /// Metric names of every word that names a results folder, first-seen order, no repeats.
  static func candidates(words: [String]) -> [String] {
    var seen = Set<String>()
    return words.flatMap { word -> [String] in
      let path = (word.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) as NSString).expandingTildeInPath
      var isFolder: ObjCBool = false
      guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [] }
      return ResultsFolder.metricNames(in: URL(fileURLWithPath: path))
    }.filter { seen.insert($0).inserted }
  }
}
