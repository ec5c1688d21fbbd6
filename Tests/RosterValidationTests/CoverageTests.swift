import Core
import Foundation
import Testing
import RosterValidation
import ScenarioIO
import TestSupport

/// Coverage recomputed from the roster rows, and compared with a coverage file cell by cell.
@Suite struct CoverageTests {
    typealias H = RosterHarness

    func recount() throws -> (Scenario, [IntervalCoverage]) {
        let scenario = try H().scenario
        let sheet = try RosterSheetReader.parse(H.csv(H.valid), file: "roster.csv").sheet
        return (scenario, CoverageRecount.recount(sheet, scenario: scenario))
    }

    /// Coverage CSV as `shiftwise roster` writes it.
    static func csv(_ rows: [IntervalCoverage]) -> String {
        var text = "start,required,scheduled,on_break,effective,shortfall,projected_service_level\n"
        for r in rows {
            let level = r.projectedServiceLevel.map { String(format: "%.4f", $0) } ?? ""
            text += "\(r.start),\(r.required),\(r.scheduled),\(r.onBreak),\(r.effective.formatted(places: 4)),\(r.shortfall),\(level)\n"
        }
        return text
    }

    @Test func countsAgentsOnShiftAndOnBreakPerInterval() throws {
        let (scenario, rows) = try recount()
        #expect(rows.count == scenario.grid.intervalCount)
        let at = { (text: String) throws -> IntervalCoverage in
            let start = try #require(LocalDateTime(iso: text))
            return try #require(rows.first { $0.start == start })
        }
        // Monday 12:00: A1 and A2 at lunch, A3 working; no contacts.
        let noon = try at("2026-11-30T12:00")
        #expect((noon.required, noon.scheduled, noon.onBreak, noon.shortfall) == (0, 3, 2, 0))
        #expect(noon.effective == ExactDecimal("0.7"))
        #expect(noon.projectedServiceLevel == nil)
        // Monday 09:00: A1 and A2 on the phones; 20 contacts × 300 s need more than 2 × 0.7 effective agents.
        let nine = try at("2026-11-30T09:00")
        #expect((nine.scheduled, nine.onBreak) == (2, 0))
        #expect(nine.effective == ExactDecimal("1.4"))
        #expect(nine.required > 2 && nine.shortfall == nine.required - 2)
        #expect(nine.projectedServiceLevel == 0)   // 1.4 effective agents < 3.33 Erlangs: the queue cannot keep up
        // Monday 08:00: only A1; Sunday: nobody.
        #expect(try at("2026-11-30T08:00").scheduled == 1)
        #expect(try at("2026-12-06T12:00").scheduled == 0)
    }

    @Test func aMatchingFileHasNoFindings() throws {
        let (scenario, rows) = try recount()
        let sheet = try CoverageSheetReader.parse(Self.csv(rows), file: "coverage.csv")
        #expect(sheet.diagnostics.isEmpty)
        #expect(CoverageValidator.validate(sheet.sheet, expected: rows, grid: scenario.grid).isEmpty)
    }

    @Test func everyMismatchedCellIsReportedAtItsLine() throws {
        let (scenario, rows) = try recount()
        var lines = Self.csv(rows).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Line 26 is 2026-11-30T12:00 (header + 24 intervals before it).
        #expect(lines[25] == "2026-11-30T12:00,0,3,2,0.7000,0,")
        lines[25] = "2026-11-30T12:00,0,2,2,0.7000,0,"
        // Line 20 is 2026-11-30T09:00: effective off by more than the rounding, service level off.
        let nine = lines[19].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        lines[19] = [nine[0], nine[1], nine[2], nine[3], "1.4001", nine[5], "0.5000"].joined(separator: ",")
        let sheet = try CoverageSheetReader.parse(lines.joined(separator: "\n"), file: "coverage.csv")
        let findings = CoverageValidator.validate(sheet.sheet, expected: rows, grid: scenario.grid)
        #expect(findings.map(\.description) == [
            "coverage.csv:20:\(nine[0].count + nine[1].count + nine[2].count + nine[3].count + 5): error: interval 2026-11-30T09:00: effective is 1.4001 in the file, but 2 agents off break × (1 − shrinkage) is 1.4000 (write 1.4000; correct the cell, or write coverage.csv again from this roster with `shiftwise roster`)",
            "coverage.csv:20:\(lines[19].count - 5): error: interval 2026-11-30T09:00: projected_service_level is 0.5000 in the file, but Erlang C at 1.4000 effective agents gives 0.0000 (write 0.0000; correct the cell, or write coverage.csv again from this roster with `shiftwise roster`)",
            "coverage.csv:26:20: error: interval 2026-11-30T12:00: scheduled is 2 in the file, but the roster has 3 agents on shift (write 3; correct the cell, or write coverage.csv again from this roster with `shiftwise roster`)",
        ])
    }

    @Test func effectiveWithinRoundingIsAccepted() throws {
        let (scenario, rows) = try recount()
        let text = Self.csv(rows).replacingOccurrences(of: "2026-11-30T12:00,0,3,2,0.7000,0,", with: "2026-11-30T12:00,0,3,2,0.70004,0,")
        let sheet = try CoverageSheetReader.parse(text, file: "coverage.csv")
        #expect(CoverageValidator.validate(sheet.sheet, expected: rows, grid: scenario.grid).isEmpty)
    }

    @Test func missingDuplicateAndMisalignedIntervals() throws {
        let (scenario, rows) = try recount()
        var lines = Self.csv(rows).split(separator: "\n").map(String.init)
        lines[2] = lines[1]                                          // 00:30 replaced by a second 00:00
        lines[3] = lines[3].replacingOccurrences(of: "T01:00", with: "T01:10")
        let sheet = try CoverageSheetReader.parse(lines.joined(separator: "\n"), file: "coverage.csv")
        let findings = CoverageValidator.validate(sheet.sheet, expected: rows, grid: scenario.grid)
        #expect(findings.map(\.description) == [
            "coverage.csv:1: error: coverage.csv has no row for 2 intervals of the week (2026-11-30T00:30, 2026-11-30T01:00) (write one row per interval of the week, 336 in all)",
            "coverage.csv:3:1: error: interval 2026-11-30T00:00 appears twice (first on line 2) (delete one of the rows)",
            "coverage.csv:4:1: error: 2026-11-30T01:10 is not on the 30-minute interval grid (one row per interval start)",
        ])
    }
}
