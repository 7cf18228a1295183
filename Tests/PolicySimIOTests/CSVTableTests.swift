import PolicySimIO
import Testing

@Test("CSV fields are quoted exactly when RFC 4180 needs it: a comma, a quote (doubled) or a newline")
func csvQuoting() {
  var table = CSVTable(header: ["name", "note"])
  table.append(["plain", "a, b"])
  table.append(["say \"hi\"", "line one\nline two"])
  table.append(["", "$.policies[6].grayMarketMultiplier"])
  #expect(table.content == "name,note\nplain,\"a, b\"\n\"say \"\"hi\"\"\",\"line one\nline two\"\n,$.policies[6].grayMarketMultiplier\n")
}

@Test("CSV numbers are the shortest text that reads back exactly; whole numbers without a decimal point")
func csvNumbers() {
  for value in [0.1, 1.0 / 3, 2_520_240.337091186, -296_902.5, 1e-320, 1e300, 123_456_789.123_456_78] {
    #expect(Double(CSVTable.number(value)) == value, "\(value)")
  }
  #expect(CSVTable.number(42) == "42" && CSVTable.number(-7) == "-7" && CSVTable.number(0) == "0")
  #expect(Double(CSVTable.number(1e15)) == 1e15 && CSVTable.number(nil) == "")
}
