import Testing
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Staffing
import TestSupport

/// A single day re-rostered on its own model: the agents' rule rows and variables replaced by one row per
/// agent (its shifts that day the week allows; exactly one where the week does not allow the day off), the
/// coverage rows as differences. The oracle is the compact model itself with every other day fixed, the
/// rules' own rows in it: both solved to optimality by GLPK, each day's optimum is the same.
@Suite struct DayModelTests {
    /// Four to five days of eight hours (so many agents' weeks do not allow one more day off), two days off
    /// in a row, starts within three hours; fairness priced or not.
    /// The last week also has pins (agent A1 09:00–17:00 on Wednesday, A2 14:00–22:00 on Friday: those days
    /// allow nothing else) and a baseline priced at 20 per changed agent-day (three agents' published shifts).
    @Test(arguments: [(UInt64(2), ExactDecimal(0), false), (5, 0, false), (3, 40, false), (4, 40, false), (6, 40, true)])
    func eachDayHasTheOptimumOfTheWholeModel(seed: UInt64, fairness: ExactDecimal, pinsAndBaseline: Bool) throws {
        let scenario = Self.scenario(seed: seed, agents: 14, fairness: fairness, pinsAndBaseline: pinsAndBaseline)
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let built = RosterModelBuilder.build(problem)
        let values = built.values(for: heuristic.solve().roster)
        let startFeasible = built.model.isFeasible(values)
        #expect(startFeasible)
        let exact = SolveOptions(timeLimitSeconds: 60, mipGap: 0)
        var mustWork = 0, improved = 0
        for day in 0..<TimeGrid.days {
            var fixed: [Int: Double] = [:]
            for (_, type, v) in built.assignments where problem.shiftTypes[type].day != day { fixed[v.index] = values[v.index] }
            let whole = built.model.fixing(fixed).model
            let oracle = try #require(try GLPKSolver().solve(whole, options: exact).objective, "seed \(seed), day \(day): the oracle")
            let reduced = RosterSearch.dayModel([day], values, model: built, heuristic: heuristic)
            let names = reduced.model.constraints.map(\.name)
            let ruleRows = ["consec", "days", "hours", "maxhours", "minhours", "off", "offrun", "one", "pin", "range", "rest", "startwin", "window"]
            #expect(!names.contains { name in ruleRows.contains { name.hasPrefix($0 + "_") } }, "seed \(seed), day \(day): a rule's row left in")
            mustWork += reduced.model.constraints.filter { $0.name.hasPrefix("day_a") && $0.relation == .equal }.count
            // The start is the roster in hand, feasible in the day's model at its cost.
            let startKept = reduced.model.isFeasible(reduced.start)
            #expect(startKept, "seed \(seed), day \(day)")
            #expect(abs(reduced.model.objectiveValue(of: reduced.start) - built.model.objectiveValue(of: values)) < 1e-6)
            let solved = try GLPKSolver().solve(reduced.model, options: exact)
            let optimum = try #require(solved.objective, "seed \(seed), day \(day)")
            #expect(abs(optimum - oracle) < 1e-6, "seed \(seed), day \(day): the day's model \(optimum), the whole model \(oracle)")
            if optimum < built.model.objectiveValue(of: values) - 1e-6 { improved += 1 }
            try Self.expectReadBackKeepsTheModel(solved, of: reduced, from: values, model: built, optimum: optimum, "seed \(seed), day \(day)")
        }
        if pinsAndBaseline {
            let roster = built.roster(from: values)
            #expect(roster.shifts.contains { $0.agentIndex == 0 && $0.day == 2 && $0.startMinute == 9 * 60 })
            #expect(roster.shifts.contains { $0.agentIndex == 1 && $0.day == 4 && $0.startMinute == 14 * 60 })
        }
        // The cases the rows stand for were met: weeks that do not allow the day off, days the search improves.
        #expect(mustWork > 0, "seed \(seed)")
        #expect(improved > 0, "seed \(seed)")
    }

    /// Two days at once: the rows over each agent's shifts on the two days (from its rules' check of the
    /// whole week) keep exactly the pairs of choices its week allows. Same oracle: the compact model with the
    /// other five days fixed, solved exactly. Two days also find rosters neither day alone finds (a day off moved).
    /// The last week prices no understaffing: its rosters work each agent's minimum of four days, so two days off
    /// together are often ruled out and an agent's pairs must hold a shift.
    @Test(arguments: [(UInt64(2), ExactDecimal(0), false, true), (3, 40, false, true), (4, 40, false, true), (6, 40, true, true), (5, 0, false, false)])
    func eachPairOfDaysHasTheOptimumOfTheWholeModel(seed: UInt64, fairness: ExactDecimal, pinsAndBaseline: Bool, coverPriced: Bool) throws {
        var scenario = Self.scenario(seed: seed, agents: 10, fairness: fairness, pinsAndBaseline: pinsAndBaseline)
        if !coverPriced { scenario.costs.understaffingPerAgentHour = 0 }
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let built = RosterModelBuilder.build(problem)
        let values = built.values(for: heuristic.solve().roster)
        let cost = built.model.objectiveValue(of: values)
        let exact = SolveOptions(timeLimitSeconds: 60, mipGap: 0)
        var singles: [Double] = []
        for day in 0..<TimeGrid.days {
            let solved = try GLPKSolver().solve(RosterSearch.dayModel([day], values, model: built, heuristic: heuristic).model, options: exact)
            singles.append(try #require(solved.objective))
        }
        var beyondSingles = 0, linked = 0
        for first in 0..<TimeGrid.days {
            for second in (first + 1)..<TimeGrid.days {
                let label = "seed \(seed), days \(first) and \(second)"
                var fixed: [Int: Double] = [:]
                for (_, type, v) in built.assignments where ![first, second].contains(problem.shiftTypes[type].day) { fixed[v.index] = values[v.index] }
                let whole = try GLPKSolver().solve(built.model.fixing(fixed).model, options: exact)
                #expect(whole.status == .optimal, "\(label): the oracle not proven")
                let oracle = try #require(whole.objective, "\(label): the oracle")
                let reduced = RosterSearch.dayModel([first, second], values, model: built, heuristic: heuristic)
                let names = reduced.model.constraints.map(\.name)
                let ruleRows = ["consec", "days", "hours", "maxhours", "minhours", "off", "offrun", "one", "pin", "range", "rest", "startwin", "window"]
                #expect(!names.contains { name in ruleRows.contains { name.hasPrefix($0 + "_") } }, "\(label): a rule's row left in")
                linked += names.filter { $0.contains("_s") || $0.contains("_t") || $0.hasSuffix("_on") }.count
                let startKept = reduced.model.isFeasible(reduced.start)
                #expect(startKept, "\(label)")
                #expect(abs(reduced.model.objectiveValue(of: reduced.start) - cost) < 1e-6, "\(label)")
                let solved = try GLPKSolver().solve(reduced.model, options: exact)
                let optimum = try #require(solved.objective, "\(label)")
                #expect(abs(optimum - oracle) < 1e-6, "\(label): the days' model \(optimum), the whole model \(oracle)")
                if optimum < min(singles[first], singles[second]) - 1e-6 { beyondSingles += 1 }
                try Self.expectReadBackKeepsTheModel(solved, of: reduced, from: values, model: built, optimum: optimum, label)
            }
        }
        #expect(linked > 0, "seed \(seed): no pair of choices ruled out")
        // (Where cover is free, the first roster already works everyone's minimum at the least cost it can.)
        #expect(!coverPriced || beyondSingles > 0, "seed \(seed): no pair of days found more than its single days")
    }

    /// The weeks of both tests: fairness at `fairness`; with `pinsAndBaseline`, pins (agent A1 09:00–17:00 on
    /// Wednesday, A2 14:00–22:00 on Friday: those days allow nothing else) and a baseline priced at 20 per changed
    /// agent-day (three agents' published shifts).
    static func scenario(seed: UInt64, agents: Int, fairness: ExactDecimal, pinsAndBaseline: Bool) -> Scenario {
        var scenario = SecondDiveTests.scenario(seed: seed, agents: agents)
        scenario.costs.fairnessWeight = fairness
        guard pinsAndBaseline else { return scenario }
        let source = SourceLocation(file: "pins.csv")
        scenario.pins = [PlannedShift(agentID: "A1", day: 2, startMinute: 9 * 60, lengthMinutes: 480, breaks: nil, source: source),
                         PlannedShift(agentID: "A2", day: 4, startMinute: 14 * 60, lengthMinutes: 480, breaks: nil, source: source)]
        scenario.baseline = [PlannedShift(agentID: "A3", day: 0, startMinute: 8 * 60, lengthMinutes: 480, breaks: nil, source: source),
                             PlannedShift(agentID: "A3", day: 1, startMinute: 8 * 60, lengthMinutes: 480, breaks: nil, source: source),
                             PlannedShift(agentID: "A4", day: 5, startMinute: 10 * 60, lengthMinutes: 480, breaks: nil, source: source),
                             PlannedShift(agentID: "A5", day: 3, startMinute: 12 * 60, lengthMinutes: 480, breaks: nil, source: source)]
        scenario.costs.changeWeight = 20
        return scenario
    }

    /// A days' model's optimum, read back as a roster, keeps every row of the whole model at that cost.
    static func expectReadBackKeepsTheModel(_ solved: SolveResult, of reduced: RosterSearch.DayModel, from values: [Double], model built: RosterModel,
                                            optimum: Double, _ label: String) throws {
        var found = values
        for (k, v) in reduced.original.enumerated() { found[v.index] = try #require(solved.values)[k] }
        let clean = built.values(for: built.roster(from: found))
        let kept = built.model.isFeasible(clean)
        #expect(kept, "\(label)")
        #expect(abs(built.model.objectiveValue(of: clean) - optimum) < 1e-6, "\(label)")
    }
}

extension DayModelTests {
    /// The order the pairs of days are tried in, written out by hand: with two days off in a row, the five pairs that
    /// slide such a run by one day first, then the rest nearest first (a day apart, three, four, five, six);
    /// without the rule (a run of one), the six neighbouring pairs first, then two days apart and on. Every pair once.
    @Test func pairsThatSlideARunOfDaysOffComeFirst() {
        let two = RosterSearch.pairsOfDays(slidingRunsOf: 2)
        #expect(two.pairs == [[0, 2], [1, 3], [2, 4], [3, 5], [4, 6],
                              [0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6],
                              [0, 3], [1, 4], [2, 5], [3, 6], [0, 4], [1, 5], [2, 6], [0, 5], [1, 6], [0, 6]])
        #expect(two.slides == 5)
        let one = RosterSearch.pairsOfDays(slidingRunsOf: 1)
        #expect(one.pairs == [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6],
                              [0, 2], [1, 3], [2, 4], [3, 5], [4, 6],
                              [0, 3], [1, 4], [2, 5], [3, 6], [0, 4], [1, 5], [2, 6], [0, 5], [1, 6], [0, 6]])
        #expect(one.slides == 6)
        // Three days off in a row: the four pairs three days apart, then one, two, four, five, six apart.
        let three = RosterSearch.pairsOfDays(slidingRunsOf: 3)
        #expect(Array(three.pairs.prefix(5)) == [[0, 3], [1, 4], [2, 5], [3, 6], [0, 1]])
        #expect(three.slides == 4)
        #expect(Set(three.pairs.map { $0[0] * 7 + $0[1] }).count == 21 && three.pairs.count == 21)
    }
}
