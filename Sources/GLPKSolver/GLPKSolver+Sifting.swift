internal import CGLPK
public import LinearModel
import Foundation

extension GLPKSolver {
    /// The LP relaxation of `model` by warm-started sifting: GLPK keeps one problem with every row
    /// and a growing set of columns; each round prices the columns left out against the row duals
    /// and adds those with negative reduced cost, and the simplex continues from its last basis.
    ///
    /// The returned bound is valid for the whole model after any round (see `ColumnSifting`).
    /// Everything happens in this one call, on the calling thread.
    /// - Returns: nil when a round's simplex fails or the time limit passes before the first round ends.
    public func relaxationBySifting(_ model: LinearModel, initial: Set<Int>, maxRounds: Int = 60,
                                    timeLimitSeconds: Double) throws(SolverError) -> ColumnSifting.Result? {
        try GLPKSolver.validate(model, options: SolveOptions(timeLimitSeconds: timeLimitSeconds))
        guard model.sense == .minimize else { return nil }
        return try GLPKSolver.withProblem(options: SolveOptions(), sense: model.sense) { problem, session throws(SolverError) in
            sift(model, initial: initial, maxRounds: maxRounds, timeLimitSeconds: timeLimitSeconds, problem: problem, started: session.started)
        }
    }

    func sift(_ model: LinearModel, initial: Set<Int>, maxRounds: Int, timeLimitSeconds: Double, problem: OpaquePointer,
              started: ContinuousClock.Instant) -> ColumnSifting.Result? {

        glp_set_obj_dir(problem, GLP_MIN)
        glp_set_obj_coef(problem, 0, model.objectiveConstant)
        let m = model.constraints.count
        if m > 0 {
            glp_add_rows(problem, Int32(m))
            for (r, c) in model.constraints.enumerated() {
                let i = Int32(r + 1)
                switch c.relation {
                case .lessOrEqual: glp_set_row_bnds(problem, i, GLP_UP, 0, c.rhs)
                case .greaterOrEqual: glp_set_row_bnds(problem, i, GLP_LO, c.rhs, 0)
                case .equal: glp_set_row_bnds(problem, i, GLP_FX, c.rhs, c.rhs)
                }
            }
        }
        let entries = ColumnSifting.columnEntries(of: model)
        var inProblem: [Int] = []          // model column of each GLPK column (0-based)
        var included = Array(repeating: false, count: model.variables.count)
        func add(_ columns: [Int]) {
            guard !columns.isEmpty else { return }
            let first = Int(glp_add_cols(problem, Int32(columns.count)))
            for (k, j) in columns.enumerated() {
                let col = Int32(first + k)
                let v = model.variables[j]
                if let upper = v.upper {
                    glp_set_col_bnds(problem, col, upper == v.lower ? GLP_FX : GLP_DB, v.lower, upper)
                } else {
                    glp_set_col_bnds(problem, col, GLP_LO, v.lower, 0)
                }
                glp_set_obj_coef(problem, col, v.objective)
                let rows = entries[j]
                if !rows.isEmpty {
                    var ind: [Int32] = [0] + rows.map { Int32($0.row + 1) }
                    var val: [Double] = [0] + rows.map(\.coefficient)
                    glp_set_mat_col(problem, col, Int32(rows.count), &ind, &val)
                }
                inProblem.append(j)
                included[j] = true
            }
        }
        var start = Array(initial).sorted()
        for (j, v) in model.variables.enumerated() where (v.upper == nil || v.lower != 0) && !initial.contains(j) { start.append(j) }
        add(start.sorted())
        glp_adv_basis(problem, 0)

        let perRound = max(500, model.variables.count / 25)
        var duals = Array(repeating: 0.0, count: m)
        for round in 1...maxRounds {
            let elapsed = GLPKSolver.seconds(started.duration(to: .now))
            let remaining = timeLimitSeconds - elapsed
            guard remaining > 0 else { return nil }
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = GLP_MSG_ERR
            parm.presolve = GLP_OFF
            parm.tm_lim = GLPKSolver.milliseconds(remaining)
            var rc = glp_simplex(problem, &parm)
            if rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND {
                glp_adv_basis(problem, 0)
                rc = glp_simplex(problem, &parm)
            }
            guard rc == 0, glp_get_status(problem) == GLP_OPT else { return nil }
            let z = glp_get_obj_val(problem)
            for r in 0..<m { duals[r] = glp_get_row_dual(problem, Int32(r + 1)) }
            var candidates: [(j: Int, d: Double)] = []
            var correction = 0.0
            for j in 0..<model.variables.count where !included[j] {
                var d = model.variables[j].objective
                for e in entries[j] { d -= e.coefficient * duals[e.row] }
                if d < -1e-7 {
                    candidates.append((j, d))
                    correction += d * (model.variables[j].upper ?? 0)
                }
            }
            if candidates.isEmpty || round == maxRounds {
                var values = Array(repeating: 0.0, count: model.variables.count)
                for (k, j) in inProblem.enumerated() { values[j] = glp_get_col_prim(problem, Int32(k + 1)) }
                return ColumnSifting.Result(values: values, objective: z, bound: z + correction, converged: candidates.isEmpty,
                                            rounds: round, columns: inProblem.count)
            }
            candidates.sort { ($0.d, $0.j) < ($1.d, $1.j) }
            add(candidates.prefix(perRound).map(\.j).sorted())
        }
        return nil
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
