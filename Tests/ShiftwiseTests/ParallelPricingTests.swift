import Testing
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Staffing

/// The week master's pricing split over the cores finds the columns the one-thread pricing finds, in the
/// same order: the same rounds, weeks and bound.
@Suite struct ParallelPricingTests {
    @Test(arguments: [(UInt64(3), 40), (4, 57)])
    func theSameColumnsOnEveryCore(seed: UInt64, agents: Int) throws {
        let scenario = SecondDiveTests.scenario(seed: seed, agents: agents)
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let start = heuristic.solve().weeks
        // More agents than one thread's share: the pricing does split (two threads on two cores or more).
        #expect(agents >= 2 * WeekPricer.agentsPerThread)
        let one = try #require(try WeekColumnGeneration.run(heuristic: heuristic, start: start, solver: GLPKSolver(), timeLimitSeconds: 60))
        let every = try #require(try WeekColumnGeneration.run(heuristic: heuristic, start: start, solver: GLPKSolver(), timeLimitSeconds: 60,
                                                              parallel: true))
        #expect(one.converged && every.converged)
        #expect(one.rounds > 2, "seed \(seed): the pricing ran for several rounds")
        #expect(every.rounds == one.rounds)
        #expect(every.bound == one.bound)
        #expect(every.weeks.map(\.agent) == one.weeks.map(\.agent))
        #expect(every.weeks.map(\.types) == one.weeks.map(\.types))
    }

    /// Agent by agent, the split search gives each agent's own best week (reduced cost and shifts) under
    /// the same duals, the settled agents none.
    @Test func eachAgentItsOwnWeek() throws {
        let scenario = SecondDiveTests.scenario(seed: 5, agents: 45)
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        let heuristic = RosterHeuristic(problem: problem)
        let weeks = heuristic.solve().weeks.enumerated().map { (agent: $0.offset, types: $0.element.map(\.type)) }
        let master = WeekColumnGeneration.buildMaster(heuristic: heuristic, columns: weeks, integer: false)
        let pricer = WeekPricer(heuristic: heuristic, master: master, weeks: weeks, fixed: [2, 17, 30], closeEnough: 1e-5, stopAbove: .infinity)
        pricer.parallel = true
        var rng = SplitMix64(seed: 9)
        let duals = (0..<master.model.constraints.count).map { _ in rng.unit() * 40 - 10 }
        let gain = pricer.gains(duals)
        let found = pricer.bestWeeks(duals: duals, gain: gain)
        #expect(found.count == 45)
        for a in 0..<45 {
            if [2, 17, 30].contains(a) {
                #expect(found[a] == nil, "agent \(a) is settled")
                continue
            }
            let alone = pricer.best(agent: a, duals: duals, gain: gain)
            #expect(found[a]?.reduced == alone?.reduced && found[a]?.types == alone?.types, "agent \(a)")
        }
    }
}
