internal import CGLPK
public import LinearModel
import Foundation

extension GLPKSolver: ColumnGenerationSolver {
    public func generateColumns(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                                price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round) throws(SolverError) -> ColumnGeneration.Result? {
        try GLPKSolver.validate(master.relaxed(), options: SolveOptions(timeLimitSeconds: timeLimitSeconds))
        guard master.sense == .minimize else { throw SolverError(.invalidModel, "column generation minimises") }
        return try GLPKSolver.withProblem(options: SolveOptions(), sense: .minimize) { problem, session throws(SolverError) in
            try GLPKSolver.runColumnGeneration(master.relaxed(), problem: problem, started: session.started,
                                               timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price)
        }
    }

    static func runColumnGeneration(_ master: LinearModel, problem: OpaquePointer, started: ContinuousClock.Instant, timeLimitSeconds: Double,
                                    maxRounds: Int, price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round) throws(SolverError) -> ColumnGeneration.Result? {
        load(master, into: problem)
        let m = master.constraints.count
        var added: [ColumnGeneration.Column] = []
        var best = -Double.infinity
        // The last optimal master, kept for when a later round's simplex stops (time limit) without one.
        var last: (values: [Double], objective: Double, round: Int)?
        func finish(converged: Bool) -> ColumnGeneration.Result? {
            guard let last else { return nil }
            return ColumnGeneration.Result(values: last.values, objective: last.objective, bound: converged ? max(best, last.objective) : best,
                                           converged: converged, rounds: last.round, added: added)
        }
        glp_adv_basis(problem, 0)
        // A warm-started round normally takes a fraction of the first; one that stalls (a degenerate
        // simplex) is cut off at ten times the longest so far, and the bound proven so far stands.
        var longest = 0.0
        for round in 1...max(1, maxRounds) {
            let remaining = timeLimitSeconds - seconds(started.duration(to: .now))
            guard remaining > 0 else { break }
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = GLP_MSG_ERR
            parm.presolve = GLP_OFF
            let cap = round == 1 ? remaining : min(remaining, max(2, 10 * longest))
            parm.tm_lim = milliseconds(cap)
            let roundStarted = ContinuousClock.now
            var rc = glp_simplex(problem, &parm)
            if rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND {
                glp_adv_basis(problem, 0)
                rc = glp_simplex(problem, &parm)
            }
            longest = max(longest, seconds(roundStarted.duration(to: .now)))
            guard rc == 0, glp_get_status(problem) == GLP_OPT else { return best > -Double.infinity ? finish(converged: false) : nil }
            let z = glp_get_obj_val(problem)
            let n = Int(glp_get_num_cols(problem))
            var primal = Array(repeating: 0.0, count: n)
            for j in 0..<n { primal[j] = glp_get_col_prim(problem, Int32(j + 1)) }
            last = (primal, z, round)
            var duals = Array(repeating: 0.0, count: m)
            for r in 0..<m { duals[r] = glp_get_row_dual(problem, Int32(r + 1)) }
            let priced = price(duals, z)
            if let bound = priced.bound { best = max(best, bound) }
            let columns = priced.columns
            let valid = columns.allSatisfy { c in
                c.objective.isFinite && c.lower.isFinite && (c.upper.map { $0.isFinite && $0 >= c.lower } ?? true)
                    && c.entries.allSatisfy { $0.row >= 0 && $0.row < m && $0.coefficient.isFinite }
                    && Set(c.entries.map(\.row)).count == c.entries.count
            }
            // Checked before GLPK sees them (it aborts the process on a bad index); one bad column is a defect.
            guard valid else { throw SolverError(.invalidModel, "the pricing returned a column GLPK cannot take (a row out of range, a repeated row or a non-finite number)") }
            if columns.isEmpty || round == maxRounds {
                return finish(converged: priced.exhausted && priced.columns.isEmpty)
            }
            let first = Int(glp_add_cols(problem, Int32(columns.count)))
            for (k, c) in columns.enumerated() {
                let col = Int32(first + k)
                if let upper = c.upper {
                    glp_set_col_bnds(problem, col, upper == c.lower ? GLP_FX : GLP_DB, c.lower, upper)
                } else {
                    glp_set_col_bnds(problem, col, GLP_LO, c.lower, 0)
                }
                glp_set_obj_coef(problem, col, c.objective)
                let nonzero = c.entries.filter { $0.coefficient != 0 }
                if !nonzero.isEmpty {
                    var ind: [Int32] = [0] + nonzero.map { Int32($0.row + 1) }
                    var val: [Double] = [0] + nonzero.map(\.coefficient)
                    glp_set_mat_col(problem, col, Int32(nonzero.count), &ind, &val)
                }
            }
            added += columns
        }
        // The time ran out between rounds: the bound proven so far and the last master stand.
        return best > -Double.infinity ? finish(converged: false) : nil
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
