import Testing
@testable import Reports

/// Calendar file names: one per agent, safe, and never the same for two agents.
@Suite struct CalendarNameTests {
    /// Hashes computed independently (Python's hashlib.sha256, first 16 hex digits).
    @Test func namesAreSafeAndOneToOne() {
        let names = AgentCalendar.fileNames(for: ["a/b", "a_b", "a:b", "A1", "a1", "../x", "é", "A-0.7"])
        #expect(names == [
            "a/b": "a_b~c14cddc033f64b9d.ics",
            "a_b": "a_b.ics",
            "a:b": "a_b~6783a31eabf68ccc.ics",
            "A1": "A1~16a36e86f6fed5d4.ics",
            "a1": "a1~f55ff16f66f43360.ics",
            "../x": "___x~d6b96a97d147daaa.ics",
            "é": "_~4a99557e4033c353.ics",
            "A-0.7": "A-0.7.ics",
        ])
        #expect(Set(names.values).count == names.count)
        #expect(names.values.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") })
    }
}
