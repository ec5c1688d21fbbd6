import Core
import Foundation
import Testing
import ScenarioIO
import TestSupport

/// The roster reader: hand-edited files are read by column name, and unreadable cells are located.
@Suite struct RosterSheetReaderTests {
    @Test func columnsAreMatchedByNameInAnyOrderWithBOMAndCRLF() throws {
        let fixture = try ScenarioFixture()
        let text = "\u{FEFF}BREAKS,End,Start,Paid_Hours,Date,AGENT_ID\r\n12:00-12:30,2026-11-30T16:00,2026-11-30T08:00,7.50,2026-11-30,A1\r\n"
        try fixture.write("roster.csv", text)
        let reading = try RosterSheetReader.read(fixture.path("roster.csv"))
        #expect(reading.diagnostics.isEmpty)
        let row = try #require(reading.sheet.rows.first)
        #expect(row.line == 2)
        #expect(row.agentID.value == "A1")
        #expect(row.agentID.location.column == 63)
        #expect(row.start.value == LocalDateTime(iso: "2026-11-30T08:00"))
        #expect(row.paidHours.value == ExactDecimal("7.5"))
        #expect(row.breaks.value == [WallClockSpan(text: "12:00-12:30")].compactMap { $0 })
        #expect(row.name.value == nil)
    }

    @Test func unreadableCellsAreReportedAtTheirColumnAndTheRestIsKept() throws {
        let text = """
        agent_id,name,date,start,end,paid_hours,breaks
        A1,Ana Silva,30/11/2026,08:00,2026-11-30T16:00,seven,noon;12:00-12:30

        """
        let reading = try RosterSheetReader.parse(text, file: "roster.csv")
        #expect(reading.diagnostics.map(\.description) == [
            "roster.csv:2:14: error: date must be a date YYYY-MM-DD, got `30/11/2026` (write the day the shift starts, like 2026-11-30)",
            "roster.csv:2:25: error: start must be a local date-time YYYY-MM-DDTHH:MM, got `08:00` (write the date too: 2026-11-30T08:00)",
            "roster.csv:2:48: error: paid_hours must be a number of hours ≥ 0, got `seven` (write it like 7.50, with `.` as the decimal point)",
            "roster.csv:2:54: error: break `noon` is not a time span HH:MM-HH:MM (write breaks like 12:00-12:30, several separated by `;`, in wall-clock time)",
        ])
        let row = try #require(reading.sheet.rows.first)
        #expect(row.date.value == nil && row.start.value == nil && row.paidHours.value == nil && row.breaks.value == nil)
        #expect(row.end.value == LocalDateTime(iso: "2026-11-30T16:00"))
    }

    @Test func emptyRequiredCellsAreErrors() throws {
        let text = "agent_id,name,date,start,end,paid_hours,breaks\n,Ana,2026-11-30,,2026-11-30T16:00,7.50,\n"
        let reading = try RosterSheetReader.parse(text, file: "roster.csv")
        #expect(reading.diagnostics.map(\.description) == [
            "roster.csv:2:1: error: agent_id is empty (write the id of the agent who works this shift, as in the agents file)",
            "roster.csv:2:17: error: start is empty (every shift needs its date, start and end)",
        ])
    }

    @Test func aMissingColumnRejectsTheFile() throws {
        #expect {
            _ = try RosterSheetReader.parse("agent_id,date,start,end,paid_hours\nA1,2026-11-30,2026-11-30T08:00,2026-11-30T12:00,4.00\n", file: "roster.csv")
        } throws: { error in
            (error as? InputError)?.description.contains("roster.csv:1: error: required column `breaks` is missing") == true
        }
    }
}
