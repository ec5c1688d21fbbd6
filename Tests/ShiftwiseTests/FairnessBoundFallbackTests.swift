import Testing
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Staffing

/// Where the fairness phase's week master gives no bound (its first master not solved in the time left, as
/// seen once on a slow machine at a 20 s limit), the roster's bound is the week without fairness's bound — a
/// bound with fairness too, since fairness never costs less than nothing — not the contract minimum.
@Suite struct FairnessBoundFallbackTests {
    /// GLPK, except that a week master pricing fairness (its `fair_` variables) yields nothing.
    struct NoFairMaster: MIPSolver, ColumnGenerationSolver {
        func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> SolveResult {
            try GLPKSolver().solve(model, options: options)
        }
        func generateColumns(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                             price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round) throws(SolverError) -> ColumnGeneration.Result? {
            if master.variables.contains(where: { $0.name.hasPrefix("fair_") }) { return nil }
            return try GLPKSolver().generateColumns(master: master, timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price)
        }
        func dive(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                  price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                  settle: (_ values: [Double]) -> ColumnGeneration.Settle?) throws(SolverError) -> ColumnGeneration.Result? {
            try GLPKSolver().dive(master: master, timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price, settle: settle)
        }
    }

    @Test func theBoundWithoutFairnessStands() throws {
        var scenario = SecondDiveTests.scenario(seed: 3, agents: 18)
        scenario.costs.fairnessWeight = 40
        let requirements = StaffingCalculator.requirements(for: scenario)
        // The oracle: the same week without fairness, solved on its own with GLPK throughout.
        var plain = scenario
        plain.costs.fairnessWeight = 0
        let alone = try RosterSearch.solve(scenario: plain, requirements: requirements, timeLimitSeconds: 120, mipGap: 0.005, solver: GLPKSolver())
        let fair = try RosterSearch.solve(scenario: scenario, requirements: requirements, timeLimitSeconds: 120, mipGap: 0.005, solver: NoFairMaster())
        #expect(alone.bound > 0)
        #expect(fair.bound >= alone.bound - 1e-6, "bound \(fair.bound) against \(alone.bound) without fairness")
        #expect(fair.bound <= fair.evaluation.objective.doubleValue + 1e-6)
    }
}
