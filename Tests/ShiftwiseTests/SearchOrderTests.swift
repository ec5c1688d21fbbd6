import Testing
import Foundation
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Staffing
import TestSupport

/// Which of GLPK's search of the LP's shifts (step 4) and the dive over the week master (step 5) runs, and first.
@Suite struct SearchOrderTests {
    /// Eight agents, no rule with rows of its own, a demand the heuristic roster covers nearly as the bound does.
    static func scenario() -> Scenario {
        var rng = SplitMix64(seed: 5)
        var b = ScenarioBuilder()
        b.lengths = [480]
        b.earliest = 8 * 60
        b.latest = 20 * 60
        b.step = 60
        b.contracts = [Contract(name: "c", minMinutes: 4 * 480, maxMinutes: 5 * 480, maxDays: 5, lengthsMinutes: [480])]
        b.rules = WorkRules(minRestMinutes: 11 * 60, maxConsecutiveDays: 6)
        b.under = 100
        b.agents = (0..<8).map { k in
            Agent(id: "A\(k + 1)", name: "Agent \(k + 1)", contract: "c", hourlyCost: ExactDecimal(20 + Int(rng.unit() * 10)))
        }
        var required: [Int: [Int: Int]] = [:]
        for d in 0..<7 {
            var slots: [Int: Int] = [:]
            for h in 8..<20 { slots[h] = 2 + Int(rng.unit() * 3) }
            required[d] = slots
        }
        b.required = required
        return b.scenario()
    }

    static func progress(mipGap: Double) throws -> (lines: [String], solution: RosterSearch.Solution) {
        let lines = SecondDiveTests.Lines()
        let scenario = scenario()
        let solution = try RosterSearch.solve(scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario),
                                              timeLimitSeconds: 60, mipGap: mipGap, solver: GLPKSolver(), progress: { lines.add($0) })
        return (lines.all, solution)
    }

    /// Step 4 runs only while the gap is open: asked for 50 %, the heuristic roster is already within it and
    /// GLPK's search never starts; asked for 0, it does (so the line looked for is the one the search prints).
    @Test func searchOnlyWhileTheGapIsOpen() throws {
        let loose = try Self.progress(mipGap: 0.5)
        let heuristic = try #require(loose.lines.first { $0.hasPrefix("heuristic roster ") }, "\(loose.lines)")
        #expect(!loose.lines.contains { $0.hasPrefix("search over the LP's shifts") }, "the search ran after \(heuristic): \(loose.lines)")
        #expect(loose.solution.status == .optimal)
        let tight = try Self.progress(mipGap: 0)
        #expect(tight.lines.contains { $0.hasPrefix("search over the LP's shifts") }, "\(tight.lines)")
        #expect(tight.solution.evaluation.objective <= loose.solution.evaluation.objective)
    }

    /// The dive goes first with rules that bring rows of their own, and on a model above 75,000 variables (the
    /// 600-agent, 15-minute week has 104,093); a 180-agent week (30,070) without such rules searches first.
    @Test func diveFirstOnRulesOrLargeModels() {
        #expect(RosterSearch.divesFirst(weekRowRules: true, variables: 500))
        #expect(RosterSearch.divesFirst(weekRowRules: false, variables: 104_093))
        #expect(!RosterSearch.divesFirst(weekRowRules: false, variables: 30_070))
        #expect(!RosterSearch.divesFirst(weekRowRules: false, variables: 75_000))
    }
}
