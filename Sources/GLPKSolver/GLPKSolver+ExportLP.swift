internal import CGLPK
public import LinearModel

extension GLPKSolver {
    /// Writes the model in CPLEX LP format, so another solver can cross-check it.
    ///
    /// - Throws: `SolverError` when the model is invalid or the file cannot be written.
    public static func exportLP(_ model: LinearModel, to path: String) throws(SolverError) {
        try validate(model, options: SolveOptions())
        let session = SolveSession(options: SolveOptions(), sense: model.sense, started: .now)
        let box = Unmanaged.passRetained(session)
        defer { box.release() }
        glp_term_hook(glpkTermHook, box.toOpaque())
        defer { glp_term_hook(nil, nil) }
        guard let problem = glp_create_prob() else { throw SolverError(.solverFailure, "GLPK could not create a problem") }
        defer { glp_delete_prob(problem) }
        load(model, into: problem)
        if glp_write_lp(problem, nil, path) != 0 {
            throw SolverError(.solverFailure, "cannot write the LP file \(path)\(session.logTail)")
        }
    }
}
