import Testing
import Foundation
import Core
import Incentives
@testable import ScenarioIO

@Suite struct MetricsReaderTests {
    static let header = "period,agent_id,name,team,hours_worked,contacts_handled,aht_seconds,qa_score,csat_responses,csat_satisfied,good_reviews,sales_amount"

    /// The SPEC example plan and a folder to write metrics files in.
    func setUp() throws -> (fixture: PlanFixture, plan: BonusPlan) {
        let fixture = try PlanFixture()
        let plan = try PlanLoader.load(try fixture.write("plan.yaml", PlanFixture.plan), period: "2026-03").plan
        return (fixture, plan)
    }

    func problems(_ path: String, plan: BonusPlan, knownAgents: Set<String>? = nil) -> [String] {
        do {
            _ = try MetricsReader.read(path, plan: plan, period: "2026-03", knownAgents: knownAgents)
            Issue.record("expected the metrics to be rejected")
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func readsThePeriodsRowsByColumnNameInAnyOrderAndCase() throws {
        let (fixture, plan) = try setUp()
        let text = """
        Period,AGENT_ID,team,name,qa_score,hours_worked,contacts_handled,aht_seconds,csat_responses,csat_satisfied,good_reviews,sales_amount,region
        2026-02,A1,red,Ana,99,1,1,1,1,1,1,1,north
        2026-03,A1,red,Ana,85.5,160,1200,310,40,38,25,12000.50,north
        2026-03,A2,,"Li, Wei",,150,900,400,10,9,5,0,south

        """
        let path = try fixture.write("metrics.csv", text)
        let loaded = try MetricsReader.read(path, plan: plan, period: "2026-03", knownAgents: ["A1", "A2"])
        #expect(loaded.warnings.isEmpty)
        let table = loaded.table
        #expect(table.period == "2026-03" && table.file == path)
        #expect(table.rows.map(\.agentID) == ["A1", "A2"])           // February's row ignored
        #expect(table.rows[0].values["qa_score"] == ExactDecimal("85.5"))
        #expect(table.rows[0].values["sales_amount"] == ExactDecimal("12000.50"))
        #expect(table.rows[0].team == "red" && table.rows[1].team == "")
        #expect(table.rows[1].name == "Li, Wei")
        #expect(table.rows[1].values["qa_score"] == nil)              // empty cell: undefined
        #expect(table.rows[1].values["hours_worked"] == 150)
        #expect(table.rows[1].location.line == 4)
        #expect(table.rows[0].values["region"] == nil)                // extra columns ignored
    }

    @Test func aMissingMetricColumnRejectsTheWholeFileAtTheHeader() throws {
        let (fixture, plan) = try setUp()
        let text = Self.header.replacingOccurrences(of: "aht_seconds", with: "aht_secs") + "\n2026-03,A1,Ana,red,160,1200,310,85,40,38,25,0\n"
        let path = try fixture.write("metrics.csv", text)
        let found = problems(path, plan: plan)
        #expect(found == ["\(path):1: error: the plan `Service Excellence` needs the metric column `aht_seconds`, which the file lacks (rename `aht_secs` to `aht_seconds`)"])
    }

    @Test func aNonNumberIsAnErrorAtItsCell() throws {
        let (fixture, plan) = try setUp()
        let text = Self.header + "\n2026-03,A1,Ana,red,160,1200,310,\"85,5\",40,38,25,n/a\n"
        let path = try fixture.write("metrics.csv", text)
        let found = problems(path, plan: plan)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains("\(path):2:33: error: `85,5` in column `qa_score` is not a number (use `.` as the decimal separator: 85.5)"))
        #expect(found.contains { $0.hasPrefix("\(path):2:49: error: `n/a` in column `sales_amount` is not a number (write a plain number") })
    }

    @Test func aDuplicateAgentNamesBothLines() throws {
        let (fixture, plan) = try setUp()
        let text = Self.header + "\n2026-03,A1,Ana,red,160,1200,310,85,40,38,25,0\n2026-02,A1,Ana,red,160,1200,310,85,40,38,25,0\n2026-03,A1,Ana,red,150,1200,310,85,40,38,25,0\n"
        let path = try fixture.write("metrics.csv", text)
        #expect(problems(path, plan: plan) == ["\(path):4:9: error: agent `A1` has two rows for 2026-03 (lines 2 and 4) (keep one row per agent and period)"])
    }

    @Test func anUnknownAgentIsAWarning() throws {
        let (fixture, plan) = try setUp()
        let text = Self.header + "\n2026-03,A1,Ana,red,160,1200,310,85,40,38,25,0\n2026-03,A9,Zed,red,160,1200,310,85,40,38,25,0\n"
        let path = try fixture.write("metrics.csv", text)
        let loaded = try MetricsReader.read(path, plan: plan, period: "2026-03", knownAgents: ["A1", "A2"])
        #expect(loaded.table.rows.map(\.agentID) == ["A1", "A9"])
        #expect(loaded.warnings.map(\.description) == ["\(path):3:9: warning: agent `A9` is not in the agents list; the row is still paid (did you mean `A1`?)"])
        #expect(try MetricsReader.read(path, plan: plan, period: "2026-03", knownAgents: nil).warnings.isEmpty)
    }

    @Test func periodCellsMustBeMonths() throws {
        let (fixture, plan) = try setUp()
        let text = Self.header + "\n2026-3,A1,Ana,red,160,1200,310,85,40,38,25,0\n"
        let path = try fixture.write("metrics.csv", text)
        #expect(problems(path, plan: plan) == ["\(path):2:1: error: period must be a month YYYY-MM, got `2026-3` (write it like 2026-03)"])
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let (fixture, plan) = try setUp()
        let text = "\u{FEFF}" + Self.header + "\r\n2026-03,A1,Ana,red,160,1200,310,85,40,38,25,7.5\r\n"
        let path = try fixture.write("metrics.csv", text)
        let table = try MetricsReader.read(path, plan: plan, period: "2026-03", knownAgents: nil).table
        #expect(table.rows.map(\.agentID) == ["A1"])
        #expect(table.rows[0].values["sales_amount"] == ExactDecimal("7.5"))
    }

    /// Nobody would be paid: surely the wrong file or period, so it is an error naming the periods the file has.
    @Test func noRowsForThePeriodIsAnError() throws {
        let (fixture, plan) = try setUp()
        let path = try fixture.write("metrics.csv", Self.header + "\n2026-02,A1,Ana,red,160,1200,310,85,40,38,25,0\n")
        #expect {
            _ = try MetricsReader.read(path, plan: plan, period: "2026-03", knownAgents: nil)
        } throws: { error in
            "\(error)" == "\(path): error: the file has no rows for the period 2026-03 (it holds 2026-02; check --period and the file)"
        }
    }

    @Test func aMissingFileIsMissingInput() throws {
        let (fixture, plan) = try setUp()
        #expect(throws: MissingInputError.self) {
            try MetricsReader.read(fixture.path("none.csv"), plan: plan, period: "2026-03", knownAgents: nil)
        }
    }

    /// prev(m): the agent's column m of the month before, undefined when its row (or cell) is missing.
    @Test func previousPeriodValuesForPrev() throws {
        let fixture = try PlanFixture()
        let planText = PlanFixture.plan.replacingOccurrences(of: "  csat_rate: csat_satisfied / csat_responses",
                                                              with: "  csat_rate: csat_satisfied / csat_responses\n  sales_growth: sales_amount - prev(sales_amount)")
        let plan = try PlanLoader.load(try fixture.write("plan.yaml", planText), period: "2026-01").plan
        let path = try fixture.write("m.csv", """
        \(Self.header)
        2025-12,A1,Ana,t,150,1000,300,90,50,48,30,8000
        2026-01,A1,Ana,t,150,1000,300,90,50,48,30,10500
        2026-01,A2,Bo,t,150,1000,300,90,50,48,30,700
        2025-12,A2,Bo,t,150,1000,300,90,50,48,30,
        2025-11,A3,Cy,t,150,1000,300,90,50,48,30,99
        2026-01,A3,Cy,t,150,1000,300,90,50,48,30,500

        """)
        let rows = try MetricsReader.read(path, plan: plan, period: "2026-01", knownAgents: nil).table.rows
        #expect(rows.map(\.agentID) == ["A1", "A2", "A3"])
        #expect(rows[0].values["prev(sales_amount)"] == 8000)
        #expect(rows[1].values["prev(sales_amount)"] == nil, "an empty cell is undefined")
        #expect(rows[2].values["prev(sales_amount)"] == nil, "2025-11 is not the month before 2026-01")
        // Two rows of the month before for one agent is an error naming both lines.
        let twice = try fixture.write("twice.csv", "\(Self.header)\n2025-12,A1,Ana,t,1,1,1,1,1,1,1,1\n2025-12,A1,Ana,t,1,1,1,1,1,1,1,2\n2026-01,A1,Ana,t,1,1,1,1,1,1,1,3\n")
        #expect {
            try MetricsReader.read(twice, plan: plan, period: "2026-01", knownAgents: nil)
        } throws: { "\($0)".contains("agent `A1` has two rows for 2025-12 (lines 2 and 3), which prev() reads") }
    }
}
