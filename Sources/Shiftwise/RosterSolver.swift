public import Core
public import Staffing
public import Rostering
public import LinearModel
import GLPKSolver

/// Rosters a loaded scenario with GLPK: the strategy of ``RosterSearch`` with `GLPKSolver` behind
/// its solver protocols, and `--export-lp` written from the compact model.
public enum RosterSolver {
    public typealias Solution = RosterSearch.Solution

    /// - Throws: `RosterFailure.infeasible` with the agents and rules involved; `SolverError` from GLPK.
    public static func solve(scenario: Scenario, requirements: [IntervalRequirement], timeLimitSeconds: Double, mipGap: Double,
                             exportLP: String? = nil, searchNodes: Int = 5000,
                             progress: @escaping @Sendable (String) -> Void = { _ in },
                             searchProgress: (@Sendable (SearchProgress) -> Void)? = nil, texts: Texts = .english) throws -> Solution {
        try RosterSearch.solve(scenario: scenario, requirements: requirements, timeLimitSeconds: timeLimitSeconds, mipGap: mipGap,
                               solver: GLPKSolver(), searchNodes: searchNodes,
                               onModel: { model in if let exportLP { try GLPKSolver.exportLP(model, to: exportLP) } },
                               progress: progress, searchProgress: searchProgress, texts: texts)
    }
}
