import Core
import Foundation
import RosterValidation
import ScenarioIO
import TestSupport

/// The fixture scenario and a valid roster for it, which each test breaks in exactly one way.
///
/// Fixture: 30-minute grid, shifts 4 h and 8 h starting 08:00 + k × 30 min and ending by 20:00,
/// an unpaid 30-minute lunch for shifts ≥ 6 h (≥ 2 h after the start, ≥ 2 h before the end);
/// full-time 30–40 h, ≤ 5 days, 8 h shifts; part-time 8–20 h, 4 h shifts; A1 and A2 full-time
/// (A2 unavailable 2026-12-02), A3 part-time (unavailable on Sundays); rest ≥ 11 h, ≤ 6 days in a row.
struct RosterHarness {
    let scenario: Scenario

    static let header = "agent_id,name,date,start,end,paid_hours,breaks"

    /// Line 2…11 of the valid roster: A1 Mon–Thu 08–16, A2 Mon, Tue, Thu, Fri 09–17, A3 Mon, Tue 10–14.
    static let valid: [String] = [
        row("A1", "2026-11-30", "08:00", "16:00", "7.50", "12:00-12:30"),   // line 2
        row("A1", "2026-12-01", "08:00", "16:00", "7.50", "12:00-12:30"),   // line 3
        row("A1", "2026-12-02", "08:00", "16:00", "7.50", "12:00-12:30"),   // line 4
        row("A1", "2026-12-03", "08:00", "16:00", "7.50", "12:00-12:30"),   // line 5
        row("A2", "2026-11-30", "09:00", "17:00", "7.50", "12:00-12:30"),   // line 6
        row("A2", "2026-12-01", "09:00", "17:00", "7.50", "12:00-12:30"),   // line 7
        row("A2", "2026-12-03", "09:00", "17:00", "7.50", "12:00-12:30"),   // line 8
        row("A2", "2026-12-04", "09:00", "17:00", "7.50", "12:00-12:30"),   // line 9
        row("A3", "2026-11-30", "10:00", "14:00", "4.00", ""),              // line 10
        row("A3", "2026-12-01", "10:00", "14:00", "4.00", ""),              // line 11
    ]

    static let names = ["A1": "Ana Silva", "A2": "\"Li, Wei\"", "A3": "Omar Haddad"]

    /// A roster row of a shift starting and ending on `date` (or ending on `endDate`).
    static func row(_ agent: String, _ date: String, _ from: String, _ to: String, _ paid: String, _ breaks: String,
                    startDate: String? = nil, endDate: String? = nil) -> String {
        "\(agent),\(names[agent] ?? ""),\(date),\(startDate ?? date)T\(from),\(endDate ?? startDate ?? date)T\(to),\(paid),\(breaks)"
    }

    /// The roster text of `rows` under the header.
    static func csv(_ rows: [String]) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    /// The valid roster with line `line` (2-based, as in the file) replaced by `text`, or deleted when nil.
    static func valid(replacingLine line: Int, with text: String?) -> [String] {
        var rows = valid
        if let text { rows[line - 2] = text } else { rows.remove(at: line - 2) }
        return rows
    }

    init(yaml: String = ScenarioFixture.yaml, agents: String = ScenarioFixture.agents) throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": yaml, "agents.csv": agents])
        scenario = try ScenarioLoader.load(fixture.scenario).scenario
    }

    /// The fixture YAML with a `rules:` section.
    static func yaml(rules: String) -> String {
        ScenarioFixture.yaml + "\nrules:\n" + rules + "\n"
    }

    /// Reader and validator findings for `rows`, as `shiftwise validate` lists them.
    func check(_ rows: [String]) throws -> [Diagnostic] {
        let reading = try RosterSheetReader.parse(RosterHarness.csv(rows), file: "roster.csv")
        return RosterValidator.inFileOrder(reading.diagnostics + RosterValidator.validate(reading.sheet, scenario: scenario))
    }

    /// The character column where field `field` (0-based) of `row` begins, quotes honoured.
    static func column(_ field: Int, of row: String) -> Int {
        var current = 0
        var inQuotes = false
        for (offset, ch) in row.enumerated() {
            if current == field { return offset + 1 }
            if ch == "\"" { inQuotes.toggle() } else if ch == ",", !inQuotes { current += 1 }
        }
        return row.count + 1
    }
}

/// The columns of a roster row, by field position.
enum Field: Int {
    case agentID = 0, name, date, start, end, paidHours, breaks
}

extension [Diagnostic] {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}
