import Foundation
import PolicySimIO
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let shippedTargets = root.appendingPathComponent("Validation/targets.json").path

/// The problems found in a targets file with this text, one line each.
private func problems(_ text: String) -> [String] {
  let file = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).json")
  try? Data(text.utf8).write(to: file)
  defer { try? FileManager.default.removeItem(at: file) }
  do {
    _ = try ValidationTargets(file: file.path)
    return []
  } catch let issues as ScenarioIssues {
    return issues.issues.map { $0.description.replacingOccurrences(of: file.path, with: "t.json") }
  } catch {
    return ["\(error)"]
  }
}

/// A targets file holding `targets` (JSON text of the array's items).
private func file(_ targets: String) -> String { #"{"schemaVersion": 1, "targets": [\#(targets)]}"# }

private let good = #"{"id": "A", "measures": "m", "published": {"text": "1M", "central": 1000000}, "source": "s", "input": false, "window": {"kind": "flow", "metric": "x", "from": "2025-01-01", "to": "2025-12-31"}, "unit": "units"}"#

@Test("the shipped targets file holds every validation target V1-V29, each compared or given a reason")
func shippedTargetsCoverV1ToV29() throws {
  let targets = try ValidationTargets(file: shippedTargets)
  let numbers = Set(targets.targets.compactMap { Int($0.id.dropFirst().prefix { $0.isNumber }) })
  #expect(numbers == Set(1...29))
  #expect(targets.targets.allSatisfy { $0.id.hasPrefix("V") })
  for target in targets.targets {
    switch target.mapping {
    case .compared(let comparison):
      #expect(comparison.published.central > 0 && !comparison.unit.isEmpty, "\(target.id)")
      #expect(!comparison.window.metrics.isEmpty, "\(target.id)")
    case .notModelled(let reason):
      #expect(reason.count > 20, "\(target.id) says why the model cannot speak to it")
    }
  }
  #expect(targets.targets.filter(\.isInput).map(\.id) == ["V1", "V3", "V4", "V10", "V14", "V15", "V16", "V20", "V27", "V28"])
  #expect(targets.targets.filter { $0.comparison != nil && !$0.isInput }.count >= 8, "independent targets the model speaks to")
  #expect(targets.sha256.count == 64)
}

@Test("conversions: the central factor scales the figure and its range; an uncertain factor adds its spread")
func conversions() throws {
  let targets = try ValidationTargets(file: shippedTargets)
  let v10 = try #require(targets.target("V10")?.comparison)
  #expect(v10.published == PublishedFigure(central: 320_000 * 2.4, range: (150_000 * 2.4)...(600_000 * 2.4)))
  let v12 = try #require(targets.target("V12-2024")?.comparison)
  #expect(v12.published == PublishedFigure(central: 725.3 * 715, range: nil))
  // No published range: the default spread, and the factor's (505-1011 as a 90% interval), shared by the V12 group.
  let v12Sigma = v12.errorSigma(default: 0.42)
  #expect(v12Sigma.own == 0.42 && abs(v12Sigma.conversion - log(1011.0 / 505) / 3.2897072539029444) < 1e-12)
  #expect(v12Sigma.source == "default and conversion" && v12.errorGroup == "V12")
  let v9 = try #require(targets.target("V9")?.comparison).errorSigma(default: 0.42)
  #expect(v9.own == 0.21 && v9.conversion == 0 && v9.source == "stated")
  let v3 = try #require(targets.target("V3")?.comparison).errorSigma(default: 0.42)
  #expect(abs(v3.own - log(50) / 3.2897072539029444) < 1e-12 && v3.conversion == 0 && v3.source == "range")
}

@Test("targets of one error group must share their conversion")
func errorGroups() {
  let member = { (id: Int, factor: Int) in
    #"{"id": "G\#(id)", "measures": "m", "published": {"text": "t", "central": 1}, "source": "s", "input": false, "window": {"kind": "stock", "metric": "x", "date": "2025-12-31"}, "unit": "u", "errorGroup": "g", "conversion": {"factor": \#(factor), "low": 1, "high": 9, "basis": "b"}}"#
  }
  #expect(problems(file([member(1, 2), member(2, 2)].joined(separator: ","))) == [])
  #expect(problems(file([member(1, 2), member(2, 3)].joined(separator: ","))) == [
    #"t.json: error: at $.targets[1].errorGroup: expected the conversion of $.targets[0] and no stated sigma in error group "g" (its members share the conversion's error), found another"#
  ])
}

@Test("a good target file has no problems; a minimal one reads back")
func minimalTargets() throws {
  #expect(problems(file(good)) == [])
}

@Test("malformed targets: every problem in one pass, with file, JSON path, expected and found")
func malformedTargets() {
  let text = file(#"""
    {"id": "A", "measures": "m", "published": {"text": "t", "central": 5, "low": 6, "high": 9}, "source": "s", "input": true,
     "window": {"kind": "stok", "metric": "X", "date": "2025-12-31"}, "unit": "u", "sourec": 1},
    {"id": "A", "measures": "m", "published": {"text": "t", "central": 5}, "source": "s", "input": false, "calibrates": "p",
     "window": {"kind": "flow", "metric": [], "from": "2025-12-31", "to": "2025-01-01"}, "unit": "u", "normalisation": "paper-8bits"},
    {"id": "B", "measures": "m", "published": {"text": "t"}, "source": "s", "input": false, "reason": "r", "window": {"kind": "stock", "metric": "x", "date": "2025-12-31"}},
    {"id": "C", "measures": "m", "published": {"text": "t", "central": -1}, "source": "s", "input": false, "reason": "r", "unit": "u"},
    {"id": "D", "measures": "m", "published": {"text": "t", "central": 1}, "source": "s", "input": false, "window": {"kind": "stock", "metric": "x", "date": "2025-13-01"}, "unit": "u", "sigma": 0.3},
    {"id": "E", "measures": "m", "published": {"text": "t"}, "source": "s", "input": false, "window": {"kind": "flow", "metric": "x", "from": "2025-01-01", "to": "2025-02-01", "date": "2025-01-01"}, "unit": "u", "conversion": {"factor": 0, "low": 2}}
    """#)
  #expect(problems(text) == [
    #"t.json: error: at $.targets[0]: unknown key "sourec"; did you mean "source"?"#,
    "t.json: error: at $.targets[0].calibrates: expected the scenario parameter this input calibrated, found nothing",
    "t.json: error: at $.targets[0].published: expected low <= central <= high, found 6, 5, 9",
    #"t.json: error: at $.targets[0].window.metric: expected a metric name (lowercase letters, digits and _), found "X""#,
    #"t.json: error: at $.targets[0].window.kind: expected "stock" or "flow", found "stok"; did you mean "stock"?"#,
    #"t.json: error: at $.targets[1].calibrates: expected no calibrates when input is false, found "p""#,
    "t.json: error: at $.targets[1].window.metric: expected a metric name or a list of them to sum, found an empty list",
    #"t.json: error: at $.targets[1].window.to: expected a date on or after from (2025-12-31), found "2025-01-01""#,
    #"t.json: error: at $.targets[1].normalisation: expected one of paper-fp16, paper-8bit, effective, found "paper-8bits"; did you mean "paper-8bit"?"#,
    #"t.json: error: at $.targets[1].id: expected a unique id, found "A" (also at $.targets[0])"#,
    "t.json: error: at $.targets[2].reason: expected either a window or a reason, found both",
    "t.json: error: at $.targets[3].published.central: expected a positive number up to 1e15, found -1",
    #"t.json: error: at $.targets[3].unit: expected no unit for a target with a reason (it is not compared), found "u""#,
    #"t.json: error: at $.targets[4].window.date: expected a date "YYYY-MM-DD", found "2025-13-01""#,
    "t.json: error: at $.targets[4].sigmaBasis: expected the basis of the stated sigma, found nothing",
    "t.json: error: at $.targets[5].window.date: expected no date in a flow window (it has from and to), found \"2025-01-01\"",
    "t.json: error: at $.targets[5].published.central: expected the central value to compare with, found nothing",
    "t.json: error: at $.targets[5].conversion.basis: expected a value, found nothing",
    "t.json: error: at $.targets[5].conversion.factor: expected a positive factor in [1e-9, 1e9], found 0",
    "t.json: error: at $.targets[5].conversion.high: expected a high value with the low one, found nothing",
  ])
}

@Test("file-level problems: unreadable, invalid JSON with line and column, wrong version, no targets")
func fileLevelProblems() {
  #expect(problems("{\n  \"targets\": [1,, 2]\n}").count == 1)
  #expect(problems("{\n  \"targets\": [1,, 2]\n}").first?.hasPrefix("t.json:2:") == true)
  #expect(problems(#"{"schemaVersion": 2, "targets": []}"#) == [
    "t.json: error: at $.schemaVersion: expected a targets-file version this tool reads (1 to 1), found 2",
    "t.json: error: at $.targets: expected at least one target, found none",
  ])
  #expect(problems(#"{"schemaVersion": 1, "formerNames": {"a": 3}, "targets": [\#(good)]}"#) == [
    "t.json: error: at $.formerNames.a: expected a string, found 3",
  ])
  do {
    _ = try ValidationTargets(file: "/nonexistent/targets.json")
    Issue.record("a missing file must throw")
  } catch let failure as IOFailure {
    #expect(failure.description == "policysim: cannot read /nonexistent/targets.json: No such file or directory" && failure.isMissingInput)
  } catch {
    Issue.record("\(error)")
  }
}
