import Testing
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Staffing
import TestSupport

/// The week master's coverage rows held as differences of consecutive intervals' rows: the same LP as
/// the master with a row per interval (the oracle here, built from the intervals as they are), so column
/// generation over either reaches the same bound, and the duals turned back into the intervals' own price
/// every week as the interval form's duals do.
@Suite struct CoverageDifferencesTests {
    /// Free overstaffing (the runs' rows become equations with surplus columns), priced overstaffing
    /// (equations already), and fairness priced (its rows come after the coverage rows), with breaks.
    static func scenario(seed: UInt64, over: ExactDecimal, fairness: ExactDecimal) -> Scenario {
        var base = SecondDiveTests.scenario(seed: seed, agents: 24)
        base.costs.overstaffingPerAgentHour = over
        base.costs.fairnessWeight = fairness
        return base
    }

    /// Column generation on the master built one way or the other, from the same first weeks.
    static func generate(_ heuristic: RosterHeuristic, differences: Bool) throws -> (bound: Double, converged: Bool, rounds: Int) {
        let weeks = heuristic.solve().weeks.enumerated().map { (agent: $0.offset, types: $0.element.map(\.type)) }
        let master = WeekColumnGeneration.buildMaster(heuristic: heuristic, columns: weeks, integer: false, differences: differences)
        let pricer = WeekPricer(heuristic: heuristic, master: master, weeks: weeks, fixed: [], closeEnough: 0, stopAbove: .infinity)
        let result = try #require(try GLPKSolver().generateColumns(master: master.model, timeLimitSeconds: 60, maxRounds: 500, price: pricer.price))
        return (result.bound, result.converged, result.rounds)
    }

    @Test(arguments: [(UInt64(3), ExactDecimal(0), ExactDecimal(0)), (7, 30, 0), (5, 0, 40), (6, 25, 40)])
    func theSameBoundEitherWay(seed: UInt64, over: ExactDecimal, fairness: ExactDecimal) throws {
        let scenario = Self.scenario(seed: seed, over: over, fairness: fairness)
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let intervals = try Self.generate(heuristic, differences: false)
        let differences = try Self.generate(heuristic, differences: true)
        #expect(intervals.converged && differences.converged)
        #expect(intervals.rounds > 2, "seed \(seed): the pricing ran for several rounds")
        #expect(abs(differences.bound - intervals.bound) <= 1e-6 * max(1, abs(intervals.bound)),
                "seed \(seed): \(differences.bound) against \(intervals.bound)")
        // Eight-hour shifts on an hourly grid: a week's column meets at most two coverage rows per shift, not eight.
        let master = WeekColumnGeneration.buildMaster(heuristic: heuristic, columns: [], integer: false)
        let coverRows = Set(master.cover.compactMap { $0 })
        for (a, week) in heuristic.solve().weeks.enumerated() where !week.isEmpty {
            let entries = master.column(a, week.map(\.type)).entries.filter { coverRows.contains($0.row) }
            #expect(entries.count <= 2 * week.count, "agent \(a): \(entries.count) coverage entries for \(week.count) shifts")
            #expect(entries.allSatisfy { abs($0.coefficient) == 1 })
        }
    }

    /// A hand-worked master: one agent, one four-hour shift 08:00–12:00 needing 1, 1, 2, 1 agents. Held as
    /// differences, the rows read 1, 0, +1, −1 and the shift's column has +1 at 08:00 and −1 at 12:00 (no
    /// row there: the desk closes at 12:00, so its only entry is +1 at 08:00).
    @Test func aHandWorkedMaster() throws {
        var b = ScenarioBuilder()
        b.lengths = [240]
        b.earliest = 8 * 60
        b.latest = 12 * 60
        b.step = 60
        b.contracts = [Contract(name: "c", minMinutes: 0, maxMinutes: 7 * 240, maxDays: 7, lengthsMinutes: [240])]
        b.required = [0: [8: 1, 9: 1, 10: 2, 11: 1]]
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let monday = try #require(problem.shiftTypes.indices.first { problem.shiftTypes[$0].day == 0 })
        let master = WeekColumnGeneration.buildMaster(heuristic: heuristic, columns: [(0, [monday])], integer: false)
        let rows = (8..<12).map { h in master.model.constraints.first { $0.name == "cover_i\(h)" } }
        #expect(rows.map { $0?.rhs } == [1, 0, 1, -1])
        #expect(rows.allSatisfy { $0?.relation == .equal })
        let column = master.column(0, [monday])
        let coverRows = Set((8..<12).compactMap { master.cover[$0] })
        #expect(column.entries.filter { coverRows.contains($0.row) }.map(\.coefficient) == [1])
        // The duals back: an interval's own is its row's less the next row's; the last row's is its own.
        let r = (8..<12).map { master.cover[$0]! }
        var duals = Array(repeating: 0.0, count: master.model.constraints.count)
        for (k, v) in zip(r, [5.0, 3.0, 4.0, 1.0]) { duals[k] = v }
        let own = master.intervalDuals(duals)
        #expect(r.map { own[$0] } == [2, -1, 3, 1])
    }
}
