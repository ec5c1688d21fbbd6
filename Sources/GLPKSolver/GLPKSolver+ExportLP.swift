internal import CGLPK
public import LinearModel

extension GLPKSolver {
    /// Writes the model in CPLEX LP format, so another solver can cross-check it.
    ///
    /// - Throws: `SolverError` when the model is invalid or the file cannot be written.
    public static func exportLP(_ model: LinearModel, to path: String) throws(SolverError) {
        try validate(model, options: SolveOptions())
        try withProblem(options: SolveOptions(), sense: model.sense) { problem, session throws(SolverError) in
            load(model, into: problem)
            if glp_write_lp(problem, nil, path) != 0 {
                throw SolverError(.solverFailure, "cannot write the LP file \(path)\(session.logTail)")
            }
        }
    }
}
