import Testing
import Core
import LinearModel
import Staffing
import TestSupport
@testable import Rostering

/// The hard rules as the search walks them, against a brute force over every week of small
/// instances, with the rules written out again here (no GLPK, no product code in the oracle).
@Suite struct WeekRuleBruteForceTests {
    /// The independent check: one optional shift per day; paid hours, days, rest in real time, runs.
    static func keepsRules(_ week: [ShiftType?], contract: Contract, rules: WorkRules) -> Bool {
        var paid = 0, days = 0, run = 0, longest = 0, offRun = 0, longestOff = 0
        var lastEnd: Int?
        let starts = week.compactMap { $0?.startMinute }
        if let spread = rules.maxStartVariationMinutes, let low = starts.min(), let high = starts.max(), high - low > spread { return false }
        for shift in week {
            guard let shift else {
                run = 0
                offRun += 1
                longestOff = max(longestOff, offRun)
                continue
            }
            offRun = 0
            paid += shift.paidMinutes
            days += 1
            run += 1
            longest = max(longest, run)
            if let lastEnd, shift.day * 1440 + shift.startMinute - lastEnd < rules.minRestMinutes { return false }
            lastEnd = shift.day * 1440 + shift.startMinute + shift.lengthMinutes
        }
        if let needed = rules.minDaysOffInARow, longestOff < needed { return false }
        return paid >= contract.minMinutes && paid <= contract.maxMinutes && days <= contract.maxDays && longest <= rules.maxConsecutiveDays
    }

    /// One agent (contract "c", unavailable on `off`) in `b`'s setting: its rules and its shifts per day.
    static func oneAgent(_ b: inout ScenarioBuilder, off: Set<Weekday>) throws -> (AgentRules, [[ShiftType]]) {
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10, unavailableWeekdays: off)]
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: Array(repeating: 0, count: scenario.grid.intervalCount))
        let rules = try #require(problem.weekRules(agent: 0))
        var options: [[ShiftType]] = Array(repeating: [], count: 7)
        for t in problem.options[0] { options[problem.shiftTypes[t].day].append(problem.shiftTypes[t]) }
        return (rules, options)
    }

    static func value(_ week: [Int?], _ values: [[Double]]) -> Double {
        var total = 0.0
        for (d, o) in week.enumerated() { if let o { total += values[d][o] } }
        return total
    }

    /// Every combination of one optional option per day.
    static func allWeeks(_ options: [[ShiftType]]) -> [[Int?]] {
        var weeks: [[Int?]] = [[]]
        for day in options {
            weeks = weeks.flatMap { w in [w + [nil]] + day.indices.map { w + [$0] } }
        }
        return weeks
    }

    /// One seeded agent's setting: 4- and 10-hour shifts starting 06:00, 12:00 or 18:00, a random
    /// contract, rest, consecutive-day, days-off and start-variation limits.
    static func seeded(_ rng: inout SplitMix64) -> (ScenarioBuilder, Contract) {
        var b = ScenarioBuilder()
        b.lengths = [240, 600]
        b.earliest = 6 * 60
        b.latest = 28 * 60
        b.step = 360
        let minHours = [0, 4, 10, 16][Int(rng.unit() * 4) % 4]
        let contract = Contract(name: "c", minMinutes: minHours * 60, maxMinutes: (minHours + 8 + Int(rng.unit() * 12)) * 60,
                                maxDays: 2 + Int(rng.unit() * 5) % 5, lengthsMinutes: [240, 600])
        b.contracts = [contract]
        b.rules = WorkRules(minRestMinutes: [0, 8 * 60, 11 * 60, 14 * 60][Int(rng.unit() * 4) % 4], maxConsecutiveDays: 1 + Int(rng.unit() * 4) % 4,
                            minDaysOffInARow: [nil, 1, 2, 3][Int(rng.unit() * 4) % 4],
                            maxStartVariationMinutes: [nil, 0, 360, 720][Int(rng.unit() * 4) % 4])
        return (b, contract)
    }

    /// Seeded small instances: 4- and 10-hour shifts on a few days, evening starts that end after
    /// midnight (18:00 + 10 h), rest and consecutive-day limits that bind.
    @Test(arguments: 0..<40)
    func searchAgreesWithBruteForce(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        var (b, contract) = Self.seeded(&rng)
        // Available on at most five days of the week (starts 06:00, 12:00, 18:00; 4 or 10 hours), so brute force stays small.
        let off = Set(Weekday.allCases.filter { _ in rng.unit() < 0.4 }).union([.wed, .sun])
        let (rules, options) = try Self.oneAgent(&b, off: off)
        let graph = WeekGraph(rules: rules, options: options)
        let values = options.map { $0.map { _ in (rng.unit() - 0.3) * 100 } }

        var bestValue: Double?
        var feasible = 0
        for week in Self.allWeeks(options) {
            let shifts = week.enumerated().map { d, o in o.map { options[d][$0] } }
            let expected = Self.keepsRules(shifts, contract: contract, rules: b.rules)
            #expect(rules.holds(for: shifts) == expected, "seed \(seed) week \(week)")
            guard expected else { continue }
            feasible += 1
            let v = Self.value(week, values)
            bestValue = max(bestValue ?? -.infinity, v)
        }
        let found = graph.best(values: values)
        #expect((found != nil) == (feasible > 0), "seed \(seed)")
        if let found, let bestValue {
            let shifts = found.enumerated().map { d, o in o.map { options[d][$0] } }
            #expect(Self.keepsRules(shifts, contract: contract, rules: b.rules))
            let v = Self.value(found, values)
            #expect(abs(v - bestValue) < 1e-6, "seed \(seed): search \(v), brute force \(bestValue)")
        }
    }
}

extension WeekRuleBruteForceTests {
    /// The start spread searched as windows (one part of the graph per window of starts): on a finer
    /// grid (starts every 90 minutes from 06:00 to 19:30, five days open and four allowed, so the
    /// window with the best days is not always the one with the best week) with spreads that cut the
    /// grid between and on its starts, twelve value draws each, against brute force over every week
    /// (fails when a window is skipped that could still win).
    @Test(arguments: 0..<24)
    func startWindowsAgreeWithBruteForce(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 4099 &+ 3)
        var b = ScenarioBuilder()
        b.lengths = [240]
        b.earliest = 6 * 60
        b.latest = 23 * 60 + 30
        b.step = 90
        b.intervalMinutes = 30
        let contract = Contract(name: "c", minMinutes: 0, maxMinutes: 4 * 240, maxDays: 4, lengthsMinutes: [240])
        b.contracts = [contract]
        let spread = [0, 60, 90, 180, 200, 450, 800][seed % 7]
        b.rules = WorkRules(minRestMinutes: [0, 12 * 60][Int(rng.unit() * 2) % 2], maxConsecutiveDays: 7,
                            minDaysOffInARow: nil, maxStartVariationMinutes: spread)
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10, unavailableWeekdays: [.mon, .sat])]
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: Array(repeating: 0, count: scenario.grid.intervalCount))
        let rules = try #require(problem.weekRules(agent: 0))
        var options: [[ShiftType]] = Array(repeating: [], count: 7)
        for t in problem.options[0] { options[problem.shiftTypes[t].day].append(problem.shiftTypes[t]) }
        try #require(options.map(\.count).max() == 10, "seed \(seed): \(options.map(\.count))")
        let graph = WeekGraph(rules: rules, options: options)
        let kept = Self.allWeeks(options).filter { week in
            Self.keepsRules(week.enumerated().map { d, o in o.map { options[d][$0] } }, contract: contract, rules: b.rules)
        }
        for draw in 0..<12 {
            // Negative values too, so the best week is sometimes short and the windows at the edges matter; every
            // other draw sparse (a few options worth much, the rest a loss), so the window with the best days
            // is not always the one with the best week.
            let values = options.map { $0.map { _ in
                draw % 2 == 0 ? (rng.unit() - 0.4) * 100 : rng.unit() < 0.3 ? rng.unit() * 200 - 50 : -20
            } }
            let bestValue = kept.map { Self.value($0, values) }.max()
            let found = try #require(graph.best(values: values))
            let shifts = found.enumerated().map { d, o in o.map { options[d][$0] } }
            #expect(Self.keepsRules(shifts, contract: contract, rules: b.rules), "seed \(seed): \(found)")
            #expect(abs(Self.value(found, values) - (bestValue ?? .nan)) < 1e-6,
                    "seed \(seed), draw \(draw): search \(Self.value(found, values)), brute force \(bestValue ?? .nan)")
        }
    }
}

extension WeekRuleBruteForceTests {
    /// The count ranges (the search device of the fairness levelling and of the spreads branched on),
    /// on a search built from the unnarrowed one's parts: the best week whose late shifts (ending after
    /// 21:00 or past midnight) and weekend days lie within the ranges (both, or one alone), against brute force.
    @Test(arguments: 0..<30)
    func narrowedSearchAgreesWithBruteForce(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 6007 &+ 29)
        var (b, contract) = Self.seeded(&rng)
        b.lateAfter = 21 * 60
        let off = Set(Weekday.allCases.filter { _ in rng.unit() < 0.4 }).union([.tue, .wed])
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10, unavailableWeekdays: off),
                    Agent(id: "A2", name: "Two", contract: "c", hourlyCost: 12)]
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: Array(repeating: 0, count: scenario.grid.intervalCount))
        let base = RosterHeuristic(problem: problem)
        var narrowed = problem
        let lateLow = Int(rng.unit() * 3), weekendLow = Int(rng.unit() * 2)
        let lateRange = lateLow...(lateLow + Int(rng.unit() * 3)), weekendRange = weekendLow...(weekendLow + Int(rng.unit() * 2))
        // Both ranges, or one alone (the other count not constrained, and not remembered by the search).
        let ranges: [FairnessRule.Measure: ClosedRange<Int>] = seed % 3 == 0 ? [.late: lateRange, .weekend: weekendRange]
            : seed % 3 == 1 ? [.late: lateRange] : [.weekend: weekendRange]
        narrowed.searchRanges["c"] = ranges
        let node = RosterHeuristic(problem: narrowed, reusing: base)
        let options = node.optionsByDay[0].map { $0.map { problem.shiftTypes[$0] } }
        let values = options.map { $0.map { _ in (rng.unit() - 0.3) * 100 } }
        var bestValue: Double?
        for week in Self.allWeeks(options) {
            let shifts = week.enumerated().map { d, o in o.map { options[d][$0] } }
            guard Self.keepsRules(shifts, contract: contract, rules: b.rules) else { continue }
            let late = shifts.compactMap { $0 }.filter { $0.startMinute + $0.lengthMinutes > 21 * 60 }.count
            let weekend = shifts.enumerated().filter { $0.element != nil && $0.offset >= 5 }.count
            guard ranges[.late].map({ $0.contains(late) }) ?? true, ranges[.weekend].map({ $0.contains(weekend) }) ?? true else { continue }
            bestValue = max(bestValue ?? -.infinity, Self.value(week, values))
        }
        let found = node.graphs[0]?.best(values: values)
        #expect((found != nil) == (bestValue != nil), "seed \(seed)")
        if let found, let bestValue {
            #expect(abs(Self.value(found, values) - bestValue) < 1e-6, "seed \(seed): search \(Self.value(found, values)), brute force \(bestValue)")
        }
        // The unnarrowed search is untouched.
        #expect(base.problem.searchRanges.isEmpty)
    }

    /// The compact model's rows for the same seeded instances: a week is feasible in the model (for
    /// some 0/1 values of the rules' own variables, tried exhaustively) exactly when the oracle keeps it.
    @Test(arguments: 0..<40)
    func modelRowsAgreeWithBruteForce(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        var (b, contract) = Self.seeded(&rng)
        // Three available days keep the exhaustive search over the rules' own variables small.
        let off = Set(Weekday.allCases.filter { _ in rng.unit() < 0.5 }).union([.wed, .sat, .sun])
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10, unavailableWeekdays: off)]
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: Array(repeating: 0, count: scenario.grid.intervalCount))
        let built = RosterModelBuilder.build(problem)
        let auxiliary = built.auxiliary.values.map(\.index).sorted()
        try #require(auxiliary.count <= 14, "seed \(seed): \(auxiliary.count) auxiliary variables")
        var options: [[Int]] = Array(repeating: [], count: 7)
        for t in problem.options[0] { options[problem.shiftTypes[t].day].append(t) }
        var variableOf: [Int: Int] = [:]
        for (_, t, v) in built.assignments { variableOf[t] = v.index }
        for week in Self.allWeeks(options.map { $0.map { problem.shiftTypes[$0] } }) {
            let shifts = week.enumerated().map { d, o in o.map { problem.shiftTypes[options[d][$0]] } }
            let expected = Self.keepsRules(shifts, contract: contract, rules: b.rules)
            var values = Array(repeating: 0.0, count: built.model.variables.count)
            for (d, o) in week.enumerated() { if let o { values[variableOf[options[d][o]]!] = 1 } }
            var feasible = false
            for mask in 0..<(1 << auxiliary.count) where !feasible {
                for (k, i) in auxiliary.enumerated() { values[i] = mask & (1 << k) != 0 ? 1 : 0 }
                feasible = built.model.isFeasible(values)
            }
            #expect(feasible == expected, "seed \(seed) week \(week)")
            if expected {
                // The values the product itself gives a roster satisfy the rows too.
                let roster = Roster(shifts: shifts.compactMap { $0 }.map {
                    RosteredShift(agentIndex: 0, day: $0.day, startMinute: $0.startMinute, lengthMinutes: $0.lengthMinutes, paidMinutes: $0.paidMinutes, breaks: [])
                })
                #expect(built.model.isFeasible(built.values(for: roster)), "seed \(seed) week \(week)")
            }
        }
    }
}

/// The week bound without GLPK: column generation with the reference simplex of TestSupport, on
/// tiny instances whose optimum a brute force over every roster gives.
@Suite struct WeekBoundWithoutGLPKTests {
    /// A tiny LP with a known optimum and duals: min x + 2y, x + y ≥ 2, x ≤ 1.5 → x = 1.5, y = 0.5, z = 2.5, dual of the first row 2.
    @Test func referenceSimplexOnAWorkedExample() throws {
        var m = LinearModel(name: "t")
        let x = m.addVariable("x", upper: 1.5, objective: 1)
        let y = m.addVariable("y", objective: 2)
        m.addConstraint("r", [(x, 1), (y, 1)], .greaterOrEqual, 2)
        let lp = try #require(ReferenceLP().solveLP(m))
        #expect(abs(lp.objective - 2.5) < 1e-9 && abs(lp.values[0] - 1.5) < 1e-9 && abs(lp.values[1] - 0.5) < 1e-9)
        #expect(abs(lp.duals[0] - 2) < 1e-9)
    }

    /// Two agents, one shift type a day on two days, a requirement that makes both work: the week
    /// bound equals the best roster, found here by enumerating every pair of weeks.
    @Test(arguments: 0..<6)
    func weekBoundIsAtMostTheBruteForceOptimum(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 99)
        var b = ScenarioBuilder()
        b.lengths = [240]
        b.earliest = 8 * 60
        b.latest = 16 * 60
        b.step = 240
        b.contracts = [Contract(name: "c", minMinutes: 240, maxMinutes: 480, maxDays: 2, lengthsMinutes: [240])]
        b.rules = WorkRules(minRestMinutes: 0, maxConsecutiveDays: 7)
        b.under = 50
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: ExactDecimal(10 + Int(rng.unit() * 10)), unavailableWeekdays: [.wed, .thu, .fri, .sat, .sun]),
                    Agent(id: "A2", name: "Two", contract: "c", hourlyCost: ExactDecimal(10 + Int(rng.unit() * 10)), unavailableWeekdays: [.wed, .thu, .fri, .sat, .sun])]
        b.required = [0: [8: 1 + Int(rng.unit() * 2), 12: 1], 1: [9: 1, 13: Int(rng.unit() * 3)]]
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let outcome = try #require(try WeekColumnGeneration.run(heuristic: heuristic, start: heuristic.solve().weeks, solver: ReferenceLP(),
                                                                timeLimitSeconds: 60))
        #expect(outcome.converged)
        // Brute force: each agent works 1 or 2 of its options (4 h each, within 4–8 h), priced here.
        var weeks: [[Int]] = []
        let options = problem.options[0]
        for mask in 1..<(1 << options.count) {
            let chosen = options.indices.filter { mask & (1 << $0) != 0 }.map { options[$0] }
            let days = chosen.map { problem.shiftTypes[$0].day }
            if chosen.count <= 2, Set(days).count == days.count { weeks.append(chosen) }
        }
        var best = Double.infinity
        for w1 in weeks {
            for w2 in weeks {
                var working = Array(repeating: 0, count: scenario.grid.intervalCount)
                var cost = 0.0
                for (a, w) in [w1, w2].enumerated() {
                    for t in w {
                        let type = problem.shiftTypes[t]
                        cost += 4 * scenario.agents[a].hourlyCost.doubleValue
                        for i in (type.absoluteStart / 60)..<(type.absoluteEnd / 60) { working[i] += 1 }
                    }
                }
                for i in working.indices { cost += Double(max(0, problem.required[i] - working[i])) * 50 }
                best = min(best, cost)
            }
        }
        #expect(outcome.bound <= best + 1e-6, "seed \(seed): bound \(outcome.bound), optimum \(best)")
        // And at least the compact model's LP relaxation, solved by the same reference simplex.
        let compact = try #require(ReferenceLP().solveLP(RosterModelBuilder.build(problem).model.relaxed()))
        #expect(outcome.bound >= compact.objective - 1e-6, "seed \(seed): bound \(outcome.bound), compact LP \(compact.objective)")
        #expect(compact.objective > 0)
    }
}

extension WeekRuleBruteForceTests {
    /// The two days' table the pairs of days are modelled from (every choice on one day with every choice on
    /// another, the rest of a week kept), against the rules written out here on each such week: for every
    /// ordered pair of different days (the later day first too), around a few drawn weeks per seed.
    @Test(arguments: 0..<40)
    func twoDaysTableAgreesWithBruteForce(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 5)
        var (b, contract) = Self.seeded(&rng)
        let off = Set(Weekday.allCases.filter { _ in rng.unit() < 0.25 })
        let (rules, options) = try Self.oneAgent(&b, off: off)
        var checked = 0, allowed = 0
        for _ in 0..<4 {
            // A drawn week: each day off or one of its options, at random.
            let week: [ShiftType?] = options.map { day in
                let k = Int(rng.unit() * Double(day.count + 1))
                return k < day.count ? day[k] : nil
            }
            for first in 0..<7 {
                for second in 0..<7 where second != first {
                    let firstOptions: [ShiftType?] = [nil] + options[first], secondOptions: [ShiftType?] = [nil] + options[second]
                    let table = rules.allowed(week, first: first, firstOptions, second: second, secondOptions)
                    #expect(table.count == firstOptions.count && table.allSatisfy { $0.count == secondOptions.count })
                    for (i, x) in firstOptions.enumerated() {
                        for (j, y) in secondOptions.enumerated() {
                            var changed = week
                            changed[first] = x
                            changed[second] = y
                            let expected = Self.keepsRules(changed, contract: contract, rules: b.rules)
                            #expect(table[i][j] == expected, "seed \(seed) days \(first), \(second) choices \(i), \(j) week \(week.map { $0?.startMinute })")
                            checked += 1
                            if expected { allowed += 1 }
                        }
                    }
                }
            }
        }
        // Both answers occur (a table of all false, or of all true, would not tell a wrong walk from a right one).
        #expect(checked > 0)
        if seed == 0 { #expect(allowed > 0 && allowed < checked) }
    }
}
