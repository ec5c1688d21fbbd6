import Testing
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Staffing
import TestSupport
@testable import Shiftwise

/// How a node of the branching on the spreads is solved: its pricing leaning toward its parent's duals, and the
/// weeks its master starts from where its parent's fall outside its ranges.
@Suite struct SpreadNodeStartTests {
    typealias Brute = RosterBruteForceTests

    /// Dual smoothing takes another path through a node's column generation, to the same optimum: the root's
    /// children solved to the end (no target) with the pricing leaning toward the best bound's duals, and again
    /// without, give every child the same bound (each master's LP optimum is unique), on instances of three
    /// agents over two and three days whose spreads the week master mixes.
    @Test func smoothedNodesReachTheSameBounds() throws {
        var branched = 0
        for (seed, days) in [(30, [4, 5, 6]), (31, [4, 5, 6]), (32, [5, 6]), (33, [4, 5, 6])] {
            var instance = Brute.instance(seed: seed, agents: 3, days: days)
            instance.builder.fairnessWeight = 40
            instance.builder.lateAfter = 21 * 60
            let (_, _, heuristic, start, cg) = try Brute.weekMaster(instance)
            var bounds: [[String: Double]] = []
            for smoothing in [0.7, 0] {
                var branching = SpreadBranching(root: cg, heuristic: heuristic, solver: GLPKSolver())
                branching.smoothing = smoothing
                // The root is branched once the first node is asked for; its children are then solved, one at a time.
                try branching.improve(target: .infinity, incumbent: start.map { $0.map(\.type) }, deadline: ContinuousClock.now.advanced(by: .seconds(60)),
                                      nodeLimit: 1, workers: 1, nodesPerWorker: 1)
                let children = branching.leaves.count
                if branching.nodes > 0 {
                    try branching.improve(target: .infinity, incumbent: start.map { $0.map(\.type) }, deadline: ContinuousClock.now.advanced(by: .seconds(60)),
                                          nodeLimit: children - 1, workers: 1, nodesPerWorker: 1)
                }
                var byLimits: [String: Double] = [:]
                for leaf in branching.leaves where leaf.spreads != nil { byLimits["\(leaf.limits)"] = leaf.bound }
                bounds.append(byLimits)
            }
            #expect(Set(bounds[0].keys) == Set(bounds[1].keys), "seed \(seed): other children solved")
            for (limits, bound) in bounds[0] {
                let other = try #require(bounds[1][limits])
                #expect(abs(bound - other) < 1e-6 * max(1, abs(bound)), "seed \(seed), \(limits): \(bound) smoothed, \(other) not")
            }
            branched += bounds[0].count
        }
        #expect(branched >= 4)
    }

    /// The week a child's master starts from for a week outside its ranges, by hand: one agent on Friday and
    /// Saturday, 20:00–24:00 Friday and 20:00–02:00 Saturday (both late: ending after 21:00). Within at most one
    /// late shift, per day the minutes shared with the week less those not shared: Saturday's six hours kept and
    /// Friday off (360) beats Friday's four hours kept and Saturday off (240), or an earlier shift on either day
    /// (none shares a minute: 14:00–20:00 counts −360). Within two, the week itself.
    @Test func aWeekOutsideTheRangesBroughtWithinThem() throws {
        var instance = Brute.instance(seed: 50, agents: 1, days: [4, 5])
        instance.builder.fairnessWeight = 40
        instance.builder.lateAfter = 21 * 60
        let scenario = instance.builder.scenario()
        let requirements = StaffingCalculator.requirements(for: scenario)
        let heuristic = RosterHeuristic(problem: RosterProblem(scenario: scenario, required: requirements.map(\.agentsScheduled)))
        let types = heuristic.problem.shiftTypes
        func type(_ day: Int, _ start: Int, _ length: Int) throws -> Int {
            try #require(types.firstIndex { $0.day == day && $0.startMinute == start && $0.lengthMinutes == length })
        }
        let week = [try type(4, 1200, 240), try type(5, 1200, 360)]
        var narrowed = heuristic.problem
        narrowed.searchRanges["c"] = [.late: 0...1]
        let one = RosterHeuristic(problem: narrowed, reusing: heuristic)
        #expect(SpreadBranching.nearest(to: week, agent: 0, in: one) == [try type(5, 1200, 360)])
        narrowed.searchRanges["c"] = [.late: 0...0]
        let none = RosterHeuristic(problem: narrowed, reusing: heuristic)
        // No late shift: nothing shares a minute with the week, so the week of fewest minutes (every day off).
        #expect(SpreadBranching.nearest(to: week, agent: 0, in: none) == [])
        narrowed.searchRanges["c"] = [.late: 0...2]
        let two = RosterHeuristic(problem: narrowed, reusing: heuristic)
        #expect(SpreadBranching.nearest(to: week, agent: 0, in: two) == week)
    }
}
