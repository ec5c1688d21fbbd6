import Core
import Foundation
import Testing
import RosterValidation
import TestSupport

/// One hand-written roster per hard rule, each breaking exactly that rule, plus a valid one.
@Suite struct RosterRuleTests {
    typealias H = RosterHarness

    /// Expects an error at `line` and the column of `field` (of `rows[line − 2]`) whose text contains every fragment.
    func expectError(_ findings: [Diagnostic], _ rows: [String], line: Int, _ field: Field, _ fragments: String...,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let column = H.column(field.rawValue, of: rows[line - 2])
        let here = findings.errors.filter { $0.location.line == line && $0.location.column == column }
        let found = here.contains { d in fragments.allSatisfy { d.description.contains($0) } }
        #expect(found, "no error at roster.csv:\(line):\(column) with \(fragments) in:\n\(findings.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
    }

    func expectOnly(_ count: Int, _ findings: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(findings.errors.count == count, "\(findings.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    // MARK: - A valid roster

    @Test func validRosterHasNoFindings() throws {
        let findings = try H().check(H.valid)
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test func paidHoursMayDropTrailingZerosAndNameIsOptional() throws {
        var rows = H.valid
        rows[0] = "A1,,2026-11-30,2026-11-30T08:00,2026-11-30T16:00,7.5,12:00-12:30"
        #expect(try H().check(rows).isEmpty)
    }

    @Test func hypotheticalHiresAreAgents() throws {
        let yaml = ScenarioFixture.yaml + "\nhires: [ { contract: part-time, count: 1, hourly_cost: 28.00 } ]\n"
        let rows = H.valid + [
            "HIRE-001,,2026-12-02,2026-12-02T08:00,2026-12-02T12:00,4.00,",
            "HIRE-001,,2026-12-03,2026-12-03T08:00,2026-12-03T12:00,4.00,",
        ]
        let findings = try H(yaml: yaml).check(rows)
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test func hiresMustMeetTheirContractToo() throws {
        let yaml = ScenarioFixture.yaml + "\nhires: [ { contract: part-time, count: 1, hourly_cost: 28.00 } ]\n"
        let findings = try H(yaml: yaml).check(H.valid)
        expectOnly(1, findings)
        #expect(findings.errors.first?.description == "roster.csv:1: error: agent HIRE-001 has no shift this week, but the part-time contract's minimum is 8 h paid (roster HIRE-001 for at least 8 h)")
    }

    @Test func shiftPastMidnightWithItsBreakOnTheNextDay() throws {
        let yaml = ScenarioFixture.yaml(replacing: "latest_end: \"20:00\"", with: "latest_end: \"26:00\"")
        // Thu 18:00 – Fri 02:00, lunch 23:30 – 00:00: "00:00" is earlier than 18:00, so it is Friday's.
        let rows = H.valid(replacingLine: 5, with: H.row("A1", "2026-12-03", "18:00", "02:00", "7.50", "23:30-00:00", endDate: "2026-12-04"))
        let findings = try H(yaml: yaml).check(rows)
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    // MARK: - The agent exists

    @Test func unknownAgent() throws {
        let rows = H.valid + ["A9,Nobody,2026-12-02,2026-12-02T08:00,2026-12-02T12:00,4.00,"]
        let findings = try H().check(rows)
        expectError(findings, rows, line: 12, .agentID, "agent A9 is not an agent of scenario tiny", "did you mean A1?")
        expectOnly(1, findings)
    }

    // MARK: - Date, start and windows

    @Test func dateOutsideTheWeek() throws {
        let rows = H.valid(replacingLine: 11, with: H.row("A3", "2026-12-07", "10:00", "14:00", "4.00", ""))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 11, .date, "agent A3 works 2026-12-07 10:00–14:00, outside the week 2026-11-30 – 2026-12-06")
        expectOnly(1, findings)
    }

    @Test func startNotOnItsDate() throws {
        let rows = H.valid(replacingLine: 11, with: H.row("A3", "2026-12-01", "10:00", "14:00", "4.00", "", startDate: "2026-12-02"))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 11, .start, "agent A3's shift dated 2026-12-01 starts 2026-12-02T10:00, on another day",
                    "make start 2026-12-01T10:00, or date 2026-12-02")
        expectOnly(1, findings)
    }

    @Test func startOffTheGrid() throws {
        let rows = H.valid(replacingLine: 11, with: H.row("A3", "2026-12-01", "10:15", "14:15", "4.00", ""))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 11, .start, "agent A3 works 2026-12-01 10:15–14:15, but shifts start only at 08:00 + k × 30 min",
                    "start at 10:00 or 10:30")
        expectOnly(1, findings)
    }

    @Test func startBeforeTheScenariosEarliestStart() throws {
        let rows = H.valid(replacingLine: 11, with: H.row("A3", "2026-12-01", "07:00", "11:00", "4.00", ""))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 11, .start, "agent A3 works 2026-12-01 07:00–11:00, starting before 08:00, the earliest start (shifts.earliest_start)")
        expectOnly(1, findings)
    }

    @Test func endAfterTheScenariosLatestEnd() throws {
        let rows = H.valid(replacingLine: 11, with: H.row("A3", "2026-12-01", "16:30", "20:30", "4.00", ""))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 11, .end, "agent A3 works 2026-12-01 16:30–20:30, ending after 20:00, the latest end (shifts.latest_end")
        expectOnly(1, findings)
    }

    @Test func latestEndPastMidnightIsMeasuredFromTheStartDay() throws {
        let yaml = ScenarioFixture.yaml(replacing: "latest_end: \"20:00\"", with: "latest_end: \"26:00\"")
        let rows = H.valid(replacingLine: 5, with: H.row("A1", "2026-12-03", "19:00", "03:00", "7.50", "23:00-23:30", endDate: "2026-12-04"))
        let findings = try H(yaml: yaml).check(rows)
        expectError(findings, rows, line: 5, .end,
                    "agent A1 works 2026-12-03 19:00–2026-12-04T03:00, ending after 26:00, the latest end (shifts.latest_end, measured from 2026-12-03's midnight)",
                    "end by 26:00")
        expectOnly(1, findings)
    }

    @Test func outsideTheAgentsOwnWindow() throws {
        let agents = """
        agent_id,name,contract,hourly_cost,unavailable,earliest_start,latest_end
        A1,Ana Silva,full-time,35.50,,,
        A2,"Li, Wei",full-time,36.00,2026-12-02,,
        A3,Omar Haddad,part-time,28.00,Sun,10:00,18:00

        """
        var rows = H.valid(replacingLine: 10, with: H.row("A3", "2026-11-30", "09:00", "13:00", "4.00", ""))
        rows = rows.enumerated().map { $0.offset == 9 ? H.row("A3", "2026-12-01", "14:30", "18:30", "4.00", "") : $0.element }
        let findings = try H(agents: agents).check(rows)
        expectError(findings, rows, line: 10, .start, "agent A3 works 2026-11-30 09:00–13:00, starting before 10:00, the earliest start (agent A3's earliest_start)")
        expectError(findings, rows, line: 11, .end, "agent A3 works 2026-12-01 14:30–18:30, ending after 18:00, the latest end (agent A3's latest_end")
        expectOnly(2, findings)
    }

    @Test func endNotAfterStart() throws {
        let rows = H.valid(replacingLine: 11, with: H.row("A3", "2026-12-01", "14:00", "10:00", "4.00", ""))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 11, .end, "agent A3's shift starting 2026-12-01T14:00 ends 2026-12-01T10:00, which is not after its start")
        expectOnly(1, findings)
    }

    // MARK: - One shift a day

    @Test func twoShiftsOnOneDay() throws {
        let rows = H.valid + [H.row("A3", "2026-11-30", "15:00", "19:00", "4.00", "")]
        let findings = try H().check(rows)
        expectError(findings, rows, line: 12, .date,
                    "agent A3 works 2026-11-30 15:00–19:00, a second shift on 2026-11-30 (the first, 10:00–14:00, is on line 10); an agent works at most one shift a day")
        // Two shifts a day are also too close together.
        expectError(findings, rows, line: 12, .start, "only 1 h after the previous shift ends 2026-11-30T14:00 (min_rest_hours is 11)")
        expectOnly(2, findings)
    }

    // MARK: - Shift length

    @Test func lengthTheScenarioDoesNotAllow() throws {
        let rows = H.valid + [H.row("A1", "2026-12-04", "08:00", "14:00", "5.50", "11:00-11:30")]
        let findings = try H().check(rows)
        expectError(findings, rows, line: 12, .end, "agent A1 works 2026-12-04 08:00–14:00, a shift of 6 h, but the scenario allows only 4 h, 8 h (shifts.lengths_hours)",
                    "end it at 16:00")
        expectOnly(1, findings)
    }

    @Test func lengthTheContractDoesNotAllow() throws {
        let rows = H.valid + [H.row("A3", "2026-12-02", "08:00", "16:00", "7.50", "12:00-12:30")]
        let findings = try H().check(rows)
        expectError(findings, rows, line: 12, .end, "agent A3 works 2026-12-02 08:00–16:00, a shift of 8 h, but the part-time contract allows only 4 h",
                    "end it at 12:00")
        expectOnly(1, findings)
    }

    // MARK: - Contract hours and days

    @Test func belowTheContractMinimum() throws {
        let rows = H.valid(replacingLine: 11, with: nil)
        let findings = try H().check(rows)
        expectError(findings, rows, line: 10, .paidHours, "agent A3 is paid 4 h this week, below the part-time contract's minimum of 8 h",
                    "add shifts worth at least 4 h")
        expectOnly(1, findings)
    }

    @Test func agentWithoutShiftsIsBelowTheMinimumAtTheHeader() throws {
        let rows = Array(H.valid.prefix(8))
        let findings = try H().check(rows)
        #expect(findings.errors.map(\.description) == [
            "roster.csv:1: error: agent A3 has no shift this week, but the part-time contract's minimum is 8 h paid (roster A3 for at least 8 h)",
        ])
    }

    @Test func aboveTheContractMaximum() throws {
        let yaml = ScenarioFixture.yaml(replacing: "min_hours: 8, max_hours: 20", with: "min_hours: 4, max_hours: 6")
        let findings = try H(yaml: yaml).check(H.valid)
        expectError(findings, H.valid, line: 11, .paidHours, "agent A3 is paid 8 h this week, above the part-time contract's maximum of 6 h",
                    "remove or shorten shifts worth 2 h")
        expectOnly(1, findings)
    }

    @Test func moreDaysThanTheContractAllows() throws {
        let yaml = ScenarioFixture.yaml(replacing: "max_hours: 40, max_days: 5", with: "max_hours: 40, max_days: 3")
        let findings = try H(yaml: yaml).check(H.valid)
        expectError(findings, H.valid, line: 5, .date, "agent A1 works 4 days this week, more than the 3 the full-time contract allows (max_days)")
        expectError(findings, H.valid, line: 9, .date, "agent A2 works 4 days this week, more than the 3 the full-time contract allows (max_days)")
        expectOnly(2, findings)
    }

    // MARK: - Rest and consecutive days

    @Test func tooLittleRestBetweenShifts() throws {
        let yaml = H.yaml(rules: "  min_rest_hours: 13")
        let rows = H.valid(replacingLine: 2, with: H.row("A1", "2026-11-30", "12:00", "20:00", "7.50", "15:00-15:30"))
        let findings = try H(yaml: yaml).check(rows)
        let column = H.column(Field.start.rawValue, of: rows[1])
        #expect(findings.errors.map(\.description) == [
            "roster.csv:3:\(column): error: agent A1 works 2026-12-01 08:00–16:00 but only 12 h after the previous shift ends 2026-11-30T20:00 (min_rest_hours is 13) (start it at 2026-12-01T09:00 or later, or give it to another agent; the previous shift is on line 2)",
        ])
    }

    @Test func tooManyConsecutiveDays() throws {
        let yaml = H.yaml(rules: "  max_consecutive_days: 3")
        let findings = try H(yaml: yaml).check(H.valid)
        expectError(findings, H.valid, line: 5, .date, "agent A1 works 4 days in a row, 2026-11-30 to 2026-12-03, more than max_consecutive_days 3",
                    "give a day off no later than 2026-12-03")
        expectOnly(1, findings)
    }

    // MARK: - Days off in a row and start times

    @Test func validRosterKeepsTwoDaysOffInARow() throws {
        // Every agent of the valid roster has Fri–Sun or Sat–Sun off.
        let findings = try H(yaml: H.yaml(rules: "  min_days_off_in_a_row: 2")).check(H.valid)
        expectOnly(0, findings)
    }

    @Test func noRunOfDaysOffLongEnough() throws {
        // A2 works Mon, Tue, Thu, Fri: the longest run off is Sat–Sun, 2 days, short of 3.
        let findings = try H(yaml: H.yaml(rules: "  min_days_off_in_a_row: 3")).check(H.valid)
        expectError(findings, H.valid, line: 6, .date,
                    "agent A2 has no 3 days off in a row this week (the longest run off is 2 days); min_days_off_in_a_row is 3",
                    "move or remove shifts so that 3 consecutive days of the week are off")
        expectOnly(1, findings)
    }

    @Test func startsTooFarApart() throws {
        // A1 starts at 08:00 on Mon–Wed and at 11:00 on Thu (line 5): 3 h apart, more than 2 h.
        let rows = H.valid(replacingLine: 5, with: H.row("A1", "2026-12-03", "11:00", "19:00", "7.50", "14:00-14:30"))
        let findings = try H(yaml: H.yaml(rules: "  max_start_variation_minutes: 120")).check(rows)
        expectError(findings, rows, line: 5, .start,
                    "agent A1 starts at 11:00 on 2026-12-03 and at 08:00 on 2026-11-30, 3 h apart; max_start_variation_minutes is 120",
                    "start the agent's shifts within 2 h of each other (the other start is on line 2)")
        expectOnly(1, findings)
        // 3 h exactly is allowed.
        expectOnly(0, try H(yaml: H.yaml(rules: "  max_start_variation_minutes: 180")).check(rows))
    }

    // MARK: - Availability

    @Test func unavailableDate() throws {
        let rows = H.valid + [H.row("A2", "2026-12-02", "09:00", "17:00", "7.50", "12:00-12:30")]
        let findings = try H().check(rows)
        expectError(findings, rows, line: 12, .date, "agent A2 works 2026-12-02 09:00–17:00, but is unavailable on 2026-12-02")
        expectOnly(1, findings)
    }

    @Test func unavailableWeekday() throws {
        let rows = H.valid + [H.row("A3", "2026-12-06", "10:00", "14:00", "4.00", "")]
        let findings = try H().check(rows)
        expectError(findings, rows, line: 12, .date, "agent A3 works 2026-12-06 10:00–14:00, but is unavailable on Sun")
        expectOnly(1, findings)
    }

    // MARK: - Paid hours

    @Test func paidHoursThatDoNotMatchTheShift() throws {
        let rows = H.valid(replacingLine: 2, with: H.row("A1", "2026-11-30", "08:00", "16:00", "8.00", "12:00-12:30"))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 2, .paidHours,
                    "agent A1 works 2026-11-30 08:00–16:00, which is paid 7.50 h (8 h less the unpaid lunch of 30 min), but paid_hours says 8.00",
                    "write 7.50")
        expectOnly(1, findings)
    }

    // MARK: - Breaks

    func breaks(_ text: String, yaml: String = ScenarioFixture.yaml) throws -> ([Diagnostic], [String]) {
        let rows = H.valid(replacingLine: 2, with: H.row("A1", "2026-11-30", "08:00", "16:00", "7.50", text))
        return (try H(yaml: yaml).check(rows), rows)
    }

    @Test func missingBreak() throws {
        let (findings, rows) = try breaks("")
        expectError(findings, rows, line: 2, .breaks, "agent A1's shift 2026-11-30 08:00–16:00 has no lunch break (30 min, unpaid), which every shift of 6 h or more takes once",
                    "add e.g. 10:00-10:30 to breaks")
        expectOnly(1, findings)
    }

    @Test func breakOnAShiftTooShortForOne() throws {
        let rows = H.valid(replacingLine: 10, with: H.row("A3", "2026-11-30", "10:00", "14:00", "4.00", "12:00-12:30"))
        let findings = try H().check(rows)
        expectError(findings, rows, line: 10, .breaks, "has a break 12:00-12:30, but a shift of 4 h takes no break (breaks apply from shifts of 6 h)")
        expectOnly(1, findings)
    }

    @Test func breakTakenTwice() throws {
        let (findings, rows) = try breaks("12:00-12:30;13:00-13:30")
        expectError(findings, rows, line: 2, .breaks, "has one break too many, 13:00-13:30: lunch is taken once per shift, and already at 12:00-12:30")
        expectOnly(1, findings)
    }

    @Test func breakOfTheWrongLength() throws {
        let (findings, rows) = try breaks("12:00-13:00")
        expectError(findings, rows, line: 2, .breaks, "has a break 12:00-13:00 of 1 h, but its lunch lasts 30 min", "make it 12:00-12:30")
        expectOnly(1, findings)
    }

    @Test func breakOffTheIntervalGrid() throws {
        let (findings, rows) = try breaks("12:15-12:45")
        expectError(findings, rows, line: 2, .breaks, "has a break 12:15-12:45 that does not start on the 30-minute interval grid", "start it at 12:00 or 12:30")
        expectOnly(1, findings)
    }

    @Test func breakTooSoonAfterTheStart() throws {
        let (findings, rows) = try breaks("09:00-09:30")
        expectError(findings, rows, line: 2, .breaks, "has its lunch 09:00-09:30 only 1 h after the shift starts; lunch starts at least 2 h after the start",
                    "start it at 10:00 or later")
        expectOnly(1, findings)
    }

    @Test func breakTooCloseToTheEnd() throws {
        let (findings, rows) = try breaks("14:00-14:30")
        expectError(findings, rows, line: 2, .breaks, "has its lunch 14:00-14:30 ending only 1 h 30 min before the shift ends; lunch ends at least 2 h before the end",
                    "end it by 14:00")
        expectOnly(1, findings)
    }

    @Test func breakOutsideTheShift() throws {
        let (findings, rows) = try breaks("17:00-17:30")
        expectError(findings, rows, line: 2, .breaks, "has a break 17:00-17:30 that lies outside the shift", "move the break inside 08:00–16:00")
        expectOnly(1, findings)
    }

    /// Lunch as before, plus a paid 30-minute coffee break ≥ 1 h after the start and ≥ 1 h before the end.
    static let twoBreaks = ScenarioFixture.yaml(
        replacing: "latest_before_end_hours: 2 }",
        with: "latest_before_end_hours: 2 }\n    - { name: coffee, minutes: 30, paid: true, min_shift_hours: 6, earliest_after_hours: 1, latest_before_end_hours: 1 }")

    static let withCoffee = H.valid.map { row in
        row.replacingOccurrences(of: ",12:00-12:30", with: row.hasPrefix("A1") ? ",09:00-09:30;12:00-12:30" : ",10:00-10:30;13:00-13:30")
    }

    @Test func breaksOfEqualLengthAreMatchedByWindow() throws {
        // 09:00 only fits coffee (lunch starts ≥ 10:00), so 12:00 must be lunch: no finding.
        let findings = try H(yaml: Self.twoBreaks).check(Self.withCoffee)
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test func overlappingBreaks() throws {
        let rows = Self.withCoffee.enumerated().map { $0.offset == 0 ? H.row("A1", "2026-11-30", "08:00", "16:00", "7.50", "12:00-12:30;12:00-12:30") : $0.element }
        let findings = try H(yaml: Self.twoBreaks).check(rows)
        expectError(findings, rows, line: 2, .breaks, "agent A1's shift 2026-11-30 08:00–16:00 has breaks 12:00-12:30 and 12:00-12:30 that overlap")
        expectOnly(1, findings)
    }

    // MARK: - Everything at once

    @Test func everyViolationIsReportedNotJustTheFirst() throws {
        var rows = H.valid
        rows[0] = H.row("A1", "2026-11-30", "08:00", "16:00", "8.00", "")           // paid hours, missing lunch
        rows[8] = H.row("A3", "2026-11-30", "10:15", "14:15", "4.00", "")           // off grid
        rows.append(H.row("A2", "2026-12-02", "09:00", "17:00", "7.50", "12:00-12:30"))  // unavailable
        let findings = try H().check(rows)
        #expect(findings.errors.map(\.location.line) == [2, 2, 10, 12])
    }
}
