import Foundation

/// The sampled value of each uncertain parameter in each replication, read from a results
/// folder's draws.csv (`run,parameter,value`). Parameters are named by JSON path, in the order
/// the file first lists them; a parameter need not be drawn in every run.
public struct DrawnParameterValues: Sendable {
  public static let fileName = "draws.csv"

  /// Parameter names in file order.
  public let parameters: [String]
  /// For each parameter, the runs that drew it and the value drawn, in run order.
  public let draws: [[(run: Int, value: Double)]]

  /// Draws already in memory.
  public init(parameters: [String], draws: [[(run: Int, value: Double)]]) {
    precondition(parameters.count == draws.count, "one list of draws per parameter")
    self.parameters = parameters
    self.draws = draws
  }

  /// Reads `folder`/draws.csv; `runs` bounds the run numbers.
  /// - Throws: ``ResultsError`` naming the file and line of a malformed row.
  public init(folder: URL, runs: Int) throws {
    let file = folder.appendingPathComponent(Self.fileName)
    var index: [String: Int] = [:], parameters: [String] = [], draws: [[(run: Int, value: Double)]] = []
    let header = try CSVRecords.read(file) { record in
      let at = "\(file.path):\(record.line)"
      guard record.count == 3 else { throw ResultsError(at, "expected 3 fields (run,parameter,value), found \(record.count)") }
      guard let run = record.count(0), run < runs else { throw ResultsError(at, "expected a run number below \(runs), found \"\(record.string(0))\"") }
      guard let value = record.number(2) else { throw ResultsError(at, "expected a finite number in value, found \"\(record.string(2))\"") }
      let name = record.string(1)
      let slot = index[name] ?? {
        index[name] = parameters.count
        parameters.append(name)
        draws.append([])
        return parameters.count - 1
      }()
      if let last = draws[slot].last, last.run >= run {
        throw ResultsError(at, "expected each run once per parameter in run order, found run \(run) of \(name) after run \(last.run)")
      }
      draws[slot].append((run, value))
    }
    guard header == ["run", "parameter", "value"] else {
      throw ResultsError(file.path, "expected the header run,parameter,value, found \(header.joined(separator: ","))")
    }
    self.parameters = parameters
    self.draws = draws
  }
}
