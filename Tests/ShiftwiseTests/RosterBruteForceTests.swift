import Testing
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Staffing
import TestSupport
@testable import Shiftwise

/// Every roster of tiny instances, priced by the test itself, against the product: the optimum is
/// the product's, the bound lies between the compact LP relaxation (solved directly) and it.
@Suite struct RosterBruteForceTests {
    /// One agent-day's choice: off, or a shift with its lunch offset (nil: no lunch).
    struct DayShift: Hashable {
        let start: Int, length: Int, lunch: Int?
    }

    struct Instance {
        var builder: ScenarioBuilder
        var days: [Int]
    }

    /// Agents on 1–2 days, 4- or 6-hour shifts starting 08:00, 14:00 or 20:00 (20:00 + 6 h ends at
    /// 02:00 the next day), a 1-hour unpaid lunch 2–3 h into 6-hour shifts, 10 h rest, seeded
    /// requirements and costs, preferred starts.
    static func instance(seed: Int, agents: Int, days: [Int]) -> Instance {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        var b = ScenarioBuilder()
        b.lengths = [240, 360]
        b.earliest = 8 * 60
        b.latest = 26 * 60
        b.step = 360
        b.breaks = [BreakRule(name: "lunch", minutes: 60, paid: false, minShiftMinutes: 360, earliestAfterMinutes: 120, latestBeforeEndMinutes: 120)]
        b.contracts = [Contract(name: "c", minMinutes: 0, maxMinutes: 10 * 60, maxDays: 2, lengthsMinutes: [240, 360])]
        b.rules = WorkRules(minRestMinutes: 10 * 60, maxConsecutiveDays: 7)
        b.under = 100
        b.over = 7
        b.preferenceWeight = 3
        let closed = Set(Weekday.allCases.enumerated().filter { !days.contains($0.offset) }.map(\.element))
        b.agents = (0..<agents).map { k in
            Agent(id: "A\(k + 1)", name: "Agent \(k + 1)", contract: "c", hourlyCost: ExactDecimal(10 + Int(rng.unit() * 8)),
                  unavailableWeekdays: closed, preferredStart: rng.unit() < 0.5 ? ClockTime(minutes: 14 * 60) : nil)
        }
        var required: [Int: [Int: Int]] = [:]
        for d in days {
            var slots: [Int: Int] = [:]
            for h in 8..<24 where rng.unit() < 0.6 { slots[h] = 1 + Int(rng.unit() * 2.0) }
            required[d] = slots
        }
        b.required = required
        return Instance(builder: b, days: days)
    }

    /// The objective of SPEC §6 for a roster given as agent → day → shift, computed here.
    static func price(_ roster: [[Int: DayShift]], instance: Instance) -> Double {
        let b = instance.builder
        var working = Array(repeating: 0, count: 8 * 24)
        var total = 0.0
        for (a, week) in roster.enumerated() {
            let agent = b.agents[a]
            for (d, s) in week {
                let paid = s.length - (s.lunch == nil ? 0 : 60)
                total += Double(paid) / 60 * agent.hourlyCost.doubleValue
                if let p = agent.preferredStart { total += 3 * Double(abs(s.start - p.minutes)) / 60 }
                for h in stride(from: s.start, to: s.start + s.length, by: 60) {
                    if let l = s.lunch, h >= s.start + l, h < s.start + l + 60 { continue }
                    working[d * 24 + h / 60] += 1
                }
            }
        }
        for i in 0..<(7 * 24) {
            let req = b.required[i / 24]?[i % 24] ?? 0
            total += Double(max(0, req - working[i])) * 100 + Double(max(0, working[i] - req)) * 7
        }
        // Fairness, per contract: spread of late shifts (ending after lateAfter or past midnight) and of weekend days.
        let weight = b.fairnessWeight.doubleValue
        for contract in Set(b.agents.map(\.contract)) where weight > 0 {
            let group = roster.indices.filter { b.agents[$0].contract == contract }.map { roster[$0] }
            let late = group.map { w in w.values.filter { $0.start + $0.length > b.lateAfter || $0.start + $0.length > 1440 }.count }
            let weekend = group.map { w in w.keys.filter { $0 >= 5 }.count }
            total += weight * Double(late.max()! - late.min()! + weekend.max()! - weekend.min()!)
        }
        // Changes from a baseline given per agent as day → start and length.
        if let baseline = b.baseline {
            for (a, week) in roster.enumerated() {
                let id = b.agents[a].id
                for d in 0..<7 {
                    let before = baseline.first { $0.agentID == id && $0.day == d }
                    let after = week[d]
                    let same = (before == nil && after == nil) || (before != nil && after != nil && before!.startMinute == after!.start && before!.lengthMinutes == after!.length)
                    if !same { total += b.changeWeight.doubleValue }
                }
            }
        }
        return total
    }

    /// One agent's weeks that keep the rules (written out here): ≤ 10 paid hours, 10 h rest.
    static func weeks(days: [Int]) -> [[Int: DayShift]] {
        var options: [DayShift?] = [nil]
        for start in [480, 840, 1200] {
            options.append(DayShift(start: start, length: 240, lunch: nil))
            for lunch in [120, 180] { options.append(DayShift(start: start, length: 360, lunch: lunch)) }
        }
        var result: [[Int: DayShift]] = [[:]]
        for d in days {
            result = result.flatMap { w in options.map { o in var x = w; x[d] = o; return x } }
        }
        return result.filter { w in
            let paid = w.values.reduce(0) { $0 + $1.length - ($1.lunch == nil ? 0 : 60) }
            guard paid <= 600 else { return false }
            let sorted = w.sorted { $0.key < $1.key }
            for (x, y) in zip(sorted, sorted.dropFirst()) where y.value.start + y.key * 1440 - (x.value.start + x.value.length + x.key * 1440) < 600 {
                return false
            }
            return true
        }
    }

    @Test(arguments: [(0, 2, [0, 1]), (1, 2, [0, 1]), (2, 2, [2, 3]), (3, 3, [4]), (4, 3, [5]), (5, 2, [0, 1]), (6, 3, [6]), (7, 2, [5, 6])])
    func productOptimumEqualsBruteForce(seed: Int, agents: Int, days: [Int]) throws {
        try check(Self.instance(seed: seed, agents: agents, days: days), seed: seed)
    }

    /// The same with the fairness term priced (late shifts after 21:00; weekend days), and with a
    /// baseline roster whose changes are priced.
    @Test(arguments: [(10, 2, [4, 5]), (11, 3, [5, 6]), (12, 2, [5, 6]), (13, 3, [6]), (14, 2, [0, 6])])
    func withFairnessAndChanges(seed: Int, agents: Int, days: [Int]) throws {
        var instance = Self.instance(seed: seed, agents: agents, days: days)
        instance.builder.fairnessWeight = 40
        instance.builder.lateAfter = 21 * 60
        if seed % 2 == 0 {
            instance.builder.changeWeight = 25
            // The baseline: the first agent on its first day 14:00–18:00, the second on its last day 08:00–14:00.
            let loc = SourceLocation(file: "baseline.csv", line: 2)
            instance.builder.baseline = [PlannedShift(agentID: "A1", day: days[0], startMinute: 840, lengthMinutes: 240, breaks: nil, source: loc),
                                         PlannedShift(agentID: "A2", day: days[days.count - 1], startMinute: 480, lengthMinutes: 360, breaks: nil, source: loc)]
        }
        try check(instance, seed: seed)
    }

    /// The two agents and Monday of the mixed spread, and their optimum by brute force over every pair of weeks.
    static func mixedSpread() -> (Instance, Double) {
        var instance = Self.instance(seed: 20, agents: 2, days: [0])
        instance.builder.fairnessWeight = 40
        instance.builder.lateAfter = 21 * 60
        instance.builder.preferenceWeight = 0
        instance.builder.agents = instance.builder.agents.map {
            Agent(id: $0.id, name: $0.name, contract: "c", hourlyCost: 12, unavailableWeekdays: $0.unavailableWeekdays, preferredStart: nil)
        }
        instance.builder.required = [0: [8: 1, 9: 1, 10: 1, 11: 1, 20: 1, 21: 1, 22: 1, 23: 1]]
        let weeks = Self.weeks(days: [0])
        var best = Double.infinity
        for x in weeks { for y in weeks { best = min(best, Self.price([x, y], instance: instance)) } }
        return (instance, best)
    }

    /// Two agents, one Monday: an early and a late 4-hour shift wanted. The week master gives each agent
    /// half of each shift (half a late shift each: no spread), while any roster has one agent on the late
    /// shift and one not (spread 1, priced 40). Branching on the spread's whole values closes exactly
    /// that: its bound is the brute-force optimum, the week master's is 40 below it. With one worker, and
    /// with two and three solving nodes at once on threads of their own, one or two nodes each per round.
    @Test(arguments: [(1, 1), (1, 2), (2, 1), (2, 2), (3, 2)]) func spreadBranchingClosesTheMixedSpread(workers: Int, nodesPerWorker: Int) throws {
        let (instance, best) = Self.mixedSpread()
        // By hand: 08:00–12:00 and 20:00–24:00, 8 paid hours at 12, one late shift between two agents.
        #expect(best == 8 * 12 + 40)
        let (scenario, requirements, heuristic, start, cg) = try Self.weekMaster(instance)
        #expect(abs(cg.bound - (best - 40)) < 1e-6, "week bound \(cg.bound)")
        var branching = SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver())
        // One node first, then the rest without a node limit (as the search does: a few nodes before the
        // neighbourhoods, the rest at the end).
        try branching.improve(target: .infinity, incumbent: start.map { $0.map(\.type) }, deadline: ContinuousClock.now.advanced(by: .seconds(60)),
                              nodeLimit: 1, workers: workers, nodesPerWorker: nodesPerWorker)
        #expect(branching.nodes == 1)
        try branching.improve(target: .infinity, incumbent: start.map { $0.map(\.type) }, deadline: ContinuousClock.now.advanced(by: .seconds(60)),
                              workers: workers, nodesPerWorker: nodesPerWorker)
        #expect(abs(branching.bound - best) < 1e-6, "spread bound \(branching.bound), optimum \(best)")
        #expect(branching.nodes >= 2)
        // The product proves the optimum through it.
        let solution = try RosterSolver.solve(scenario: scenario, requirements: requirements, timeLimitSeconds: 60, mipGap: 0)
        #expect(abs(solution.objective - best) < 1e-6)
        #expect(abs(solution.bound - best) < 1e-6, "product bound \(solution.bound)")
    }

    /// Two contracts of two agents each, one Monday: one early and three late 4-hour shifts wanted. The
    /// week master gives every agent three quarters of a late shift (no spread); any roster has three agents
    /// late, so one contract has one late agent and one not (spread 1, priced 40) — or leaves a late hour
    /// uncovered. Branching on both contracts' counts, leaves below the root branched on the second
    /// contract's while others will be too: probes (the root with one part of a range) bound every leaf
    /// within them. The bound never passes the brute-force optimum after any node, and ends on it.
    @Test(arguments: [(1, 1), (2, 2)]) func probesBoundTheLeavesWithinThem(workers: Int, nodesPerWorker: Int) throws {
        var instance = Self.instance(seed: 21, agents: 4, days: [0])
        instance.builder.fairnessWeight = 40
        instance.builder.lateAfter = 21 * 60
        instance.builder.preferenceWeight = 0
        let contract = instance.builder.contracts[0]
        instance.builder.contracts = ["c", "d"].map { Contract(name: $0, minMinutes: contract.minMinutes, maxMinutes: contract.maxMinutes, maxDays: contract.maxDays,
                                                              lengthsMinutes: contract.lengthsMinutes) }
        instance.builder.agents = instance.builder.agents.enumerated().map { k, agent in
            Agent(id: agent.id, name: agent.name, contract: k < 2 ? "c" : "d", hourlyCost: 12, unavailableWeekdays: agent.unavailableWeekdays, preferredStart: nil)
        }
        instance.builder.required = [0: [8: 1, 9: 1, 10: 1, 11: 1, 20: 3, 21: 3, 22: 3, 23: 3]]
        let weeks = Self.weeks(days: [0])
        var best = Double.infinity
        for w in weeks { for x in weeks { for y in weeks { for z in weeks { best = min(best, Self.price([w, x, y, z], instance: instance)) } } } }
        // By hand: four 4-hour shifts, 16 paid hours at 12, and one contract split between a late and an early shift.
        #expect(best == 16 * 12 + 40)
        let (_, _, heuristic, start, cg) = try Self.weekMaster(instance)
        #expect(cg.bound < best - 39, "week bound \(cg.bound)")
        var branching = SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver())
        while branching.bound < best - 1e-6 {
            let before = branching.nodes
            try branching.improve(target: .infinity, incumbent: start.map { $0.map(\.type) }, deadline: ContinuousClock.now.advanced(by: .seconds(60)),
                                  nodeLimit: 1, workers: workers, nodesPerWorker: nodesPerWorker)
            #expect(branching.bound <= best + 1e-6, "bound \(branching.bound) past the optimum \(best) after \(branching.nodes) nodes")
            guard branching.nodes > before, branching.nodes < 100 else { break }
        }
        #expect(abs(branching.bound - best) < 1e-6, "spread bound \(branching.bound), optimum \(best)")
        #expect(!branching.probes.isEmpty, "no probe solved")
        #expect(branching.probes.allSatisfy { $0.complete })
    }

    /// Which leaves a probe's bound holds for, by hand: those whose every range lies within the probe's.
    @Test func aProbeBoundsTheLeavesWithinItsRanges() throws {
        let (instance, _) = Self.mixedSpread()
        let (_, _, heuristic, _, cg) = try Self.weekMaster(instance)
        var branching = SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver())
        let late = FairnessRule.Measure.late.rawValue, weekend = FairnessRule.Measure.weekend.rawValue
        var whole = branching.leaves[0].limits
        whole[0][late] = (hi: 0...3, lo: 0...3)
        whole[0][weekend] = (hi: 0...2, lo: 0...2)
        var probe = whole
        probe[0][late].hi = 2...3
        branching.probes = [SpreadBranching.Leaf(id: 7, limits: probe, bound: 500, spreads: nil, columns: [], duals: [], complete: true)]
        var inside = probe
        inside[0][late].hi = 3...3
        inside[0][weekend].lo = 1...1
        #expect(branching.inherited(inside) == 500)
        #expect(branching.inherited(probe) == 500)
        var across = probe
        across[0][late].hi = 1...2
        #expect(branching.inherited(across) == -.infinity)
        var lower = probe
        lower[0][late].lo = 0...4
        #expect(branching.inherited(lower) == -.infinity)
        #expect(branching.inherited(whole) == -.infinity)
        // A probe not yet solved bounds nothing.
        branching.probes[0].complete = false
        #expect(branching.inherited(inside) == -.infinity)
    }

    /// The same two agents and Monday: the single days beside a few of the spreads' nodes. The roster is
    /// the optimum already (no day improves it), and the nodes solved meanwhile on the other thread raise
    /// the week master's bound (40 below) to the brute-force optimum, within the count allowed beside the days.
    @Test func spreadNodesBesideTheSingleDays() throws {
        let (instance, best) = Self.mixedSpread()
        #expect(best == 8 * 12 + 40)
        let (scenario, requirements, heuristic, start, cg) = try Self.weekMaster(instance)
        let built = RosterModelBuilder.build(RosterProblem(scenario: scenario, required: requirements.map(\.agentsScheduled)))
        let values = built.values(for: heuristic.solve().roster)
        #expect(abs(built.model.objectiveValue(of: values) - best) < 1e-6, "the heuristic's roster is the optimum")
        let beside = RosterSearch.BesideDays.spreads(.init(branching: SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver()), target: best,
                                                           incumbent: start.map { $0.map(\.type) }))
        for first in [0, 3] {
            let days = try RosterSearch.improveByDays(values, RosterSearch.singleDays, model: built, heuristic: heuristic, bound: cg.bound, mipGap: 0, solver: GLPKSolver(),
                                                      deadline: ContinuousClock.now.advanced(by: .seconds(60)), first: first, beside: beside,
                                                      progress: { _ in })
            #expect(days.values == values)
            #expect(days.next == first)
            let spreads = try #require(days.spreads, "no branching came back from beside the days")
            #expect(abs(spreads.bound - best) < 1e-6, "spread bound \(spreads.bound), optimum \(best)")
            #expect(spreads.nodes >= 1 && spreads.nodes <= RosterSearch.spreadNodesBesideDays, "\(spreads.nodes) nodes")
        }
        // Without spreads to branch on, the days alone.
        let alone = try RosterSearch.improveByDays(values, RosterSearch.singleDays, model: built, heuristic: heuristic, bound: cg.bound, mipGap: 0, solver: GLPKSolver(),
                                                   deadline: ContinuousClock.now.advanced(by: .seconds(60)), first: 0, beside: nil,
                                                   progress: { _ in })
        #expect(alone.spreads == nil && alone.values == values)
    }

    /// The ranges the spreads can take in any roster, worked by hand. Friday to Sunday, every agent works
    /// exactly two days (two shifts of 4 hours at least make the 480-minute minimum; two days at most):
    /// A1 any two (one or two weekend days), A2 not on Friday (Saturday and Sunday: two), A3 not on Sunday
    /// (Friday and Saturday: one). So the largest weekend count is 2 in every roster (A2) and the smallest
    /// is 1 (A3 works one, no one fewer); late shifts (20:00 starts) anywhere from 0 to 2 for each agent.
    /// With the week bound without fairness, a range's least spread prices a leaf before it is solved.
    @Test func spreadRangesAndTheirFloor() throws {
        var instance = Self.instance(seed: 30, agents: 3, days: [4, 5, 6])
        instance.builder.fairnessWeight = 40
        instance.builder.lateAfter = 21 * 60
        instance.builder.contracts = [Contract(name: "c", minMinutes: 480, maxMinutes: 10 * 60, maxDays: 2, lengthsMinutes: [240, 360])]
        let closed: [Set<Weekday>] = [[], [.fri], [.sun]]
        instance.builder.agents = instance.builder.agents.enumerated().map { k, agent in
            Agent(id: agent.id, name: agent.name, contract: "c", hourlyCost: agent.hourlyCost,
                  unavailableWeekdays: agent.unavailableWeekdays.union(closed[k]), preferredStart: nil)
        }
        let (_, _, heuristic, _, cg) = try Self.weekMaster(instance)
        var branching = SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver())
        let root = try #require(branching.leaves.first?.limits.first)
        #expect(root[FairnessRule.Measure.late.rawValue].hi == 0...2)
        #expect(root[FairnessRule.Measure.late.rawValue].lo == 0...2)
        #expect(root[FairnessRule.Measure.weekend.rawValue].hi == 2...2)
        #expect(root[FairnessRule.Measure.weekend.rawValue].lo == 1...1)
        // Without a bound of the week without fairness, no floor; with one, the bound plus 40 per unit of spread
        // the ranges force: late 3 at least against at most 1 (2), weekend 2 against 1 (1).
        #expect(branching.floor(branching.leaves[0].limits) == -.infinity)
        branching.plainBound = 500
        var limits = branching.leaves[0].limits
        limits[0][FairnessRule.Measure.late.rawValue] = (hi: 3...4, lo: 0...1)
        #expect(branching.floor(limits) == 500 + 40 * 3)
        #expect(branching.floor(branching.leaves[0].limits) == 500 + 40 * 1)
    }

    /// The instance's scenario and requirements, its search, a first roster's weeks, and the week master of
    /// column generation from them (fairness priced when the instance prices it).
    static func weekMaster(_ instance: Instance) throws -> (Scenario, [IntervalRequirement], RosterHeuristic, [[RosterHeuristic.Choice]],
                                                           WeekColumnGeneration.Outcome) {
        let scenario = instance.builder.scenario()
        let requirements = StaffingCalculator.requirements(for: scenario)
        let problem = RosterProblem(scenario: scenario, required: requirements.map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let start = heuristic.solve().weeks
        let cg = try #require(try WeekColumnGeneration.run(heuristic: heuristic, start: start, solver: GLPKSolver(), timeLimitSeconds: 60))
        return (scenario, requirements, heuristic, start, cg)
    }

    func check(_ instance: Instance, seed: Int) throws {
        let agents = instance.builder.agents.count
        let days = instance.days
        let weeks = Self.weeks(days: days)
        var best = Double.infinity
        var choice = Array(repeating: 0, count: agents)
        while true {
            best = min(best, Self.price(choice.map { weeks[$0] }, instance: instance))
            var k = 0
            while k < agents, choice[k] == weeks.count - 1 { choice[k] = 0; k += 1 }
            if k == agents { break }
            choice[k] += 1
        }
        let scenario = instance.builder.scenario()
        let requirements = StaffingCalculator.requirements(for: scenario)
        let solution = try RosterSolver.solve(scenario: scenario, requirements: requirements, timeLimitSeconds: 60, mipGap: 0)
        #expect(abs(solution.objective - best) < 1e-6, "seed \(seed): product \(solution.objective), brute force \(best)")
        #expect(solution.bound <= best + 1e-6, "seed \(seed): bound \(solution.bound) above the optimum \(best)")
        // The compact model's LP relaxation, solved directly, is a bound the product's must not fall below.
        let problem = RosterProblem(scenario: scenario, required: requirements.map(\.agentsScheduled))
        let relaxed = RosterModelBuilder.build(problem).model.relaxed()
        let lp = try GLPKSolver().solve(relaxed, options: SolveOptions())
        let lpValue = try #require(lp.objective)
        #expect(solution.bound >= lpValue - 1e-6, "seed \(seed): bound \(solution.bound) below the LP relaxation \(lpValue)")
        #expect(lpValue <= best + 1e-6)
        // Column generation over whole weeks: its bound lies between the compact LP and the optimum.
        let heuristic = RosterHeuristic(problem: problem)
        let start = heuristic.solve().weeks
        let cg = try #require(try WeekColumnGeneration.run(heuristic: heuristic, start: start, solver: GLPKSolver(), timeLimitSeconds: 60))
        #expect(cg.converged)
        #expect(cg.bound <= best + 1e-6, "seed \(seed): week bound \(cg.bound) above the optimum \(best)")
        #expect(cg.bound >= lpValue - 1e-6, "seed \(seed): week bound \(cg.bound) below the compact LP \(lpValue)")
        if instance.builder.fairnessWeight.isPositive {
            // Branching on the spreads' whole values, as far as it goes: between the week bound and the optimum.
            var branching = SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver())
            try branching.improve(target: .infinity, incumbent: start.map { $0.map(\.type) }, deadline: ContinuousClock.now.advanced(by: .seconds(60)))
            #expect(branching.bound <= best + 1e-6, "seed \(seed): spread bound \(branching.bound) above the optimum \(best)")
            #expect(branching.bound >= cg.bound - 1e-6, "seed \(seed)")
            // Two workers, a few nodes at a time: the same nodes, the same bounds, run after run (each round of
            // nodes waits for all of them; which worker solves which node does not depend on their speed).
            var runs: [[Double]] = []
            for _ in 0..<2 {
                var again = SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver())
                for _ in 0..<3 {
                    try again.improve(target: .infinity, incumbent: start.map { $0.map(\.type) }, deadline: ContinuousClock.now.advanced(by: .seconds(60)),
                                      nodeLimit: 3, workers: 2)
                }
                runs.append(again.leaves.map(\.bound) + [Double(again.nodes)])
            }
            #expect(runs[0] == runs[1], "seed \(seed): two runs of the same branching differ")
        }
        // Price-and-branch over the generated weeks: a roster that keeps the model, no dearer than the
        // incumbent it starts from, and no cheaper than the optimum.
        let built = RosterModelBuilder.build(problem)
        let chosen = try #require(try WeekColumnGeneration.chooseWeeks(heuristic: heuristic, weeks: cg.weeks, incumbent: start, model: built,
                                                                       solver: GLPKSolver(), timeLimitSeconds: 30, mipGap: 0))
        let chosenValues = built.values(for: chosen)
        #expect(built.model.isFeasible(chosenValues), "seed \(seed)")
        let chosenCost = built.model.objectiveValue(of: chosenValues)
        #expect(chosenCost >= best - 1e-6, "seed \(seed): price-and-branch \(chosenCost) below the optimum \(best)")
        #expect(chosenCost <= built.model.objectiveValue(of: built.values(for: heuristic.solve().roster)) + 1e-6)
        // Day neighbourhoods from the roster with nobody working (every agent may be off: no contract minimum):
        // each day re-rostered exactly with the others kept. The result keeps the rules, is no dearer than its
        // start and no cheaper than the optimum, and no change of one day's shifts (every combination, each
        // week checked by the rules written out here, priced here) makes it cheaper.
        let firstValues = built.values(for: Roster(shifts: []))
        let byDays = try RosterSearch.improveByDays(firstValues, RosterSearch.singleDays, model: built, heuristic: heuristic, bound: -.infinity, mipGap: 0, solver: GLPKSolver(),
                                                    deadline: ContinuousClock.now.advanced(by: .seconds(30)), first: 0, beside: nil,
                                                    progress: { _ in }).values
        #expect(built.model.isFeasible(byDays), "seed \(seed)")
        var local: [[Int: DayShift]] = Array(repeating: [:], count: agents)
        for shift in built.roster(from: byDays).shifts {
            local[shift.agentIndex][shift.day] = DayShift(start: shift.startMinute, length: shift.lengthMinutes, lunch: shift.breaks.first?.offsetMinutes)
        }
        let localCost = Self.price(local, instance: instance)
        #expect(abs(localCost - built.model.objectiveValue(of: byDays)) < 1e-6, "seed \(seed): model and brute-force price disagree")
        #expect(localCost <= built.model.objectiveValue(of: firstValues) + 1e-6, "seed \(seed)")
        #expect(localCost >= best - 1e-6, "seed \(seed): day neighbourhoods \(localCost) below the optimum \(best)")
        let allowed = Set(weeks.map { $0.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.start):\($0.value.length):\($0.value.lunch ?? -1)" } })
        func key(_ w: [Int: DayShift]) -> [String] { w.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.start):\($0.value.length):\($0.value.lunch ?? -1)" } }
        for d in days {
            var dayOptions: [DayShift?] = [nil]
            for start in [480, 840, 1200] {
                dayOptions.append(DayShift(start: start, length: 240, lunch: nil))
                for lunch in [120, 180] { dayOptions.append(DayShift(start: start, length: 360, lunch: lunch)) }
            }
            var pick = Array(repeating: 0, count: agents)
            var cheapest = Double.infinity
            while true {
                var changed = local
                for a in 0..<agents { changed[a][d] = dayOptions[pick[a]] }
                if changed.allSatisfy({ allowed.contains(key($0)) }) { cheapest = min(cheapest, Self.price(changed, instance: instance)) }
                var k = 0
                while k < agents, pick[k] == dayOptions.count - 1 { pick[k] = 0; k += 1 }
                if k == agents { break }
                pick[k] += 1
            }
            #expect(cheapest >= localCost - 1e-6, "seed \(seed): day \(d) could be re-rostered for \(cheapest) < \(localCost)")
        }
        // No single day of that roster can be improved (the brute force above): started on any day, a pass over
        // the week finds nothing, the roster comes back unchanged and the next day to try is the day it started on.
        for first in 0..<7 {
            let again = try RosterSearch.improveByDays(byDays, RosterSearch.singleDays, model: built, heuristic: heuristic, bound: -.infinity, mipGap: 0, solver: GLPKSolver(),
                                                       deadline: ContinuousClock.now.advanced(by: .seconds(30)), first: first, beside: nil,
                                                       progress: { _ in })
            #expect(again.values == byDays, "seed \(seed): from day \(first)")
            #expect(again.next == first, "seed \(seed): a quiet pass from day \(first) ends on day \(again.next)")
            #expect(again.other == nil, "seed \(seed): one path, yet another roster came back")
        }
        // The single days from two rosters at once, the second on a thread of its own: the day-optimal roster
        // above and the product's optimum (brute force: `best`). No gap to close (bound −∞): each search ends after its
        // three quiet days (days 2, 3 and 4: the next is 5), and the cheaper roster comes back, the calling thread's on a
        // tie (the other beside it). Bound at the optimum: the
        // search from the optimum has closed the gap before it starts and ends the other, so a roster at the
        // optimum's cost comes back even from the roster with nobody working (alone, its days give the day-optimal one).
        let optimum = built.values(for: solution.roster)
        #expect(abs(built.model.objectiveValue(of: optimum) - best) < 1e-6)
        for (mine, theirs) in [(byDays, optimum), (optimum, byDays)] {
            let both = try RosterSearch.improveByDays(mine, RosterSearch.singleDays, model: built, heuristic: heuristic, bound: -.infinity, mipGap: 0, solver: GLPKSolver(),
                                                      deadline: ContinuousClock.now.advanced(by: .seconds(30)), first: 2,
                                                      beside: .days(from: theirs), progress: { _ in })
            #expect(both.values == (localCost > best + 1e-6 ? optimum : mine), "seed \(seed)")
            #expect(both.next == 5 && both.spreads == nil, "seed \(seed): two paths end on day \(both.next)")
            // The other path's roster comes back beside it (each search's quiet pass leaves its start unchanged): the
            // roster not returned, nil where the two are the same.
            let notReturned = localCost > best + 1e-6 ? byDays : theirs
            #expect(both.other == (notReturned == both.values ? nil : notReturned), "seed \(seed): the other path's roster")
        }
        // Where the instance has two days, a pair of days is the whole week: the pairs' search from the roster with
        // nobody working reaches the brute-force optimum.
        if days.count == 2 {
            let pairs = try RosterSearch.improveByDays(firstValues, RosterSearch.pairsOfDays, model: built, heuristic: heuristic, bound: -.infinity,
                                                       mipGap: 0, solver: GLPKSolver(), deadline: ContinuousClock.now.advanced(by: .seconds(30)),
                                                       first: 0, beside: nil, progress: { _ in })
            #expect(built.model.isFeasible(pairs.values), "seed \(seed)")
            #expect(abs(built.model.objectiveValue(of: pairs.values) - best) < 1e-6,
                    "seed \(seed): pairs of days \(built.model.objectiveValue(of: pairs.values)), brute force \(best)")
        }
        let raced = try RosterSearch.improveByDays(firstValues, RosterSearch.singleDays, model: built, heuristic: heuristic, bound: best, mipGap: 0, solver: GLPKSolver(),
                                                   deadline: ContinuousClock.now.advanced(by: .seconds(30)), first: 0,
                                                   beside: .days(from: optimum), progress: { _ in })
        #expect(abs(built.model.objectiveValue(of: raced.values) - best) < 1e-6, "seed \(seed): \(built.model.objectiveValue(of: raced.values)) from the race")
        // Diving over the master: one week per agent, each keeping the agent's rules (checked by the rules'
        // own automaton here; the brute force above has already priced every roster those weeks could make).
        let dived = try #require(try WeekColumnGeneration.dive(heuristic: heuristic, start: start, pool: cg.weeks, solver: GLPKSolver(),
                                                               deadline: ContinuousClock.now.advanced(by: .seconds(30))))
        // Each week (but those of `skipping`) at most one shift a day and every rule of its agent kept.
        func expectRulesKept(_ weeks: [[Int]], skipping: Set<Int> = [], _ what: String) {
            #expect(weeks.count == agents)
            for (a, types) in weeks.enumerated() where !skipping.contains(a) {
                var days: [ShiftType?] = Array(repeating: nil, count: 7)
                for t in types { days[problem.shiftTypes[t].day] = problem.shiftTypes[t] }
                #expect(Set(types.map { problem.shiftTypes[$0].day }).count == types.count, "seed \(seed): two shifts on one day")
                #expect(problem.weekRules(agent: a)?.holds(for: days) == true, "seed \(seed): agent \(a)'s \(what) week breaks a rule")
            }
        }
        expectRulesKept(dived, "dived")
        // A neighbourhood dived again: the agents outside it keep exactly the week given, the others get weeks
        // that keep their rules.
        // (Agent 0 is kept to another of its generated weeks when there is one, so a dive that ignored it would show.)
        let other = cg.weeks.first { $0.agent == 0 && $0.types.sorted() != dived[0].sorted() }?.types ?? dived[0]
        let kept = [0: other]
        let redived = try #require(try WeekColumnGeneration.dive(heuristic: heuristic, start: start, pool: cg.weeks.filter { $0.agent != 0 },
                                                                 solver: GLPKSolver(), deadline: ContinuousClock.now.advanced(by: .seconds(30)),
                                                                 fixed: kept))
        #expect(redived[0] == other, "seed \(seed)")
        expectRulesKept(redived, skipping: [0], "re-dived")
        // A dive whose time runs out after its first step (where that step left agents unsettled) still gives
        // every agent a week that keeps its rules: the unsettled take their heaviest week in the last master.
        let stopping = OutOfTimeAfterFirstStep()
        let unfinished = try WeekColumnGeneration.dive(heuristic: heuristic, start: start, pool: cg.weeks, solver: stopping,
                                                       deadline: ContinuousClock.now.advanced(by: .seconds(30)))
        if stopping.state.wentOn {
            let weeks = try #require(unfinished, "seed \(seed): an unfinished dive gave no roster")
            expectRulesKept(weeks, "unfinished dive's")
        } else {
            #expect(unfinished == dived, "seed \(seed): a dive done in one step is the whole dive")
        }
    }

    /// GLPK's dive, whose time runs out right after the first step's settling (the settling waits past the limit).
    final class OutOfTimeAfterFirstStep: GLPKColumns, @unchecked Sendable {
        final class State { var wentOn = false }
        let state = State()
        func dive(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                  price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                  settle: (_ values: [Double]) -> ColumnGeneration.Settle?) throws(SolverError) -> ColumnGeneration.Result? {
            let started = ContinuousClock.now
            let state = state
            return try GLPKSolver().dive(master: master, timeLimitSeconds: 1, maxRounds: maxRounds, price: price) { values in
                let settled = settle(values)
                state.wentOn = settled != nil
                while started.duration(to: .now) < .milliseconds(1050) {}
                return settled
            }
        }
    }
}

/// A test solver that takes GLPK's column generation as it is and changes only its dives.
protocol GLPKColumns: ColumnGenerationSolver {}

extension GLPKColumns {
    func generateColumns(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                         price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round) throws(SolverError) -> ColumnGeneration.Result? {
        try GLPKSolver().generateColumns(master: master, timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price)
    }
}
