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
                                               timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price, stepping: false,
                                               infeasible: { nil }, next: { _ in nil })
        }
    }

    /// One GLPK problem through the whole dive: fixing a column changes its bounds, so the last basis stays
    /// dual feasible and the dual simplex re-optimises in a few pivots; dropped columns outside the basis
    /// are deleted, so the master stays as small as the last step needs.
    public func dive(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                     price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                     settle: (_ values: [Double]) -> ColumnGeneration.Settle?) throws(SolverError) -> ColumnGeneration.Result? {
        try GLPKSolver.validate(master.relaxed(), options: SolveOptions(timeLimitSeconds: timeLimitSeconds))
        guard master.sense == .minimize else { throw SolverError(.invalidModel, "column generation minimises") }
        return try GLPKSolver.withProblem(options: SolveOptions(), sense: .minimize) { problem, session throws(SolverError) in
            try GLPKSolver.runColumnGeneration(master.relaxed(), problem: problem, started: session.started,
                                               timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price,
                                               stepping: true, textbook: textbookDives, infeasible: { nil }, next: { result in
                settle(result.values).map { ColumnGeneration.Change(bounds: $0.fix.map { ($0.column, $0.value, $0.value) }, drop: $0.drop) }
            })
        }
    }

    /// One GLPK problem through the whole search: a change of bounds keeps the last basis, and the simplex
    /// re-optimises from it; dropped columns outside the basis are deleted, those in it fixed at 0.
    public func explore(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                        price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                        next: (_ result: ColumnGeneration.Result?) -> ColumnGeneration.Change?) throws(SolverError) {
        try GLPKSolver.validate(master.relaxed(), options: SolveOptions(timeLimitSeconds: timeLimitSeconds))
        guard master.sense == .minimize else { throw SolverError(.invalidModel, "column generation minimises") }
        _ = try GLPKSolver.withProblem(options: SolveOptions(), sense: .minimize) { problem, session throws(SolverError) in
            try GLPKSolver.runColumnGeneration(master.relaxed(), problem: problem, started: session.started,
                                               timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price,
                                               stepping: true, exploring: true, infeasible: { next(nil) }, next: { next($0) })
        }
    }

    /// The same solver with the textbook ratio test in its dives (nil when this one has it already).
    public var secondDiver: (any ColumnGenerationSolver)? {
        guard !textbookDives else { return nil }
        var other = self
        other.textbookDives = true
        return other
    }

    /// GLPK keeps an environment per thread (its memory pools and terminal buffer) until the thread frees it.
    public func threadEnds() {
        _ = glp_free_env()
    }

    /// Column generation on `problem`; `stepping`: a dive or (`exploring`) a search, each master's end changed
    /// into the next by `next` (after a master's result) or `infeasible` (after a master without a feasible
    /// solution), until one returns nil.
    static func runColumnGeneration(_ master: LinearModel, problem: OpaquePointer, started: ContinuousClock.Instant, timeLimitSeconds: Double,
                                    maxRounds: Int, price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                                    stepping diving: Bool, exploring: Bool = false, textbook: Bool = false, infeasible: () -> ColumnGeneration.Change?,
                                    next: (ColumnGeneration.Result) -> ColumnGeneration.Change?) throws(SolverError) -> ColumnGeneration.Result? {
        load(master, into: problem)
        let m = master.constraints.count
        var added: [ColumnGeneration.Column] = []
        // The number (model's variables, then every added column) of each GLPK column, in GLPK's order.
        var numberOf = Array(0..<master.variables.count)
        var best = -Double.infinity
        // The last optimal master, kept for when a later round's simplex stops (time limit) without one.
        var last: (values: [Double], objective: Double, round: Int, duals: [Double])?
        var rounds = 0
        func finish(converged: Bool) -> ColumnGeneration.Result? {
            guard let last else { return nil }
            return ColumnGeneration.Result(values: last.values, objective: last.objective, bound: converged ? max(best, last.objective) : best,
                                           converged: converged, rounds: last.round, added: added, duals: last.duals)
        }
        // Stopped before the end (the time, or a simplex without an optimum): column generation keeps the bound
        // proven so far and the last master; a dive keeps the last master solved (its values are where an
        // unfinished dive's roster comes from; its bound, −∞, bounds nothing); a search's end has no result.
        func unfinished() -> ColumnGeneration.Result? {
            if !diving { return best > -Double.infinity ? finish(converged: false) : nil }
            guard !exploring, let last else { return nil }
            return ColumnGeneration.Result(values: last.values, objective: last.objective, bound: -Double.infinity, converged: false,
                                           rounds: last.round, added: added, duals: last.duals)
        }
        glp_adv_basis(problem, 0)
        // A warm-started round normally takes a fraction of the first; one that stalls (a degenerate
        // simplex) is cut off at ten times the longest so far, and the bound proven so far stands.
        var longest = 0.0
        var mostPivots = 0
        // After a dive's step is settled, the basis is still dual feasible: the dual simplex goes first.
        var dual = false
        var stepRound = 0
        while true {
            rounds += 1
            stepRound += 1
            let remaining = timeLimitSeconds - seconds(started.duration(to: .now))
            guard remaining > 0 else { break }
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = GLP_MSG_ERR
            parm.presolve = GLP_OFF
            if dual { parm.meth = GLP_DUALP }
            // A search's masters (the spread nodes): the textbook ratio test. Harris's, GLPK's default, took more
            // time over the same nodes (week-r: 10 of 10 weeks at 0.1 % in 20 s, was 9 of 10); on the other
            // masters (the week bound, the dives) it only moved rosters around, better on some weeks, worse on others.
            // A second dive beside the first (``secondDiver``) takes it too, for a path of its own.
            if exploring || textbook { parm.r_test = GLP_RT_STD }
            dual = false
            let cap = rounds == 1 ? remaining : min(remaining, max(2, 10 * longest))
            parm.tm_lim = milliseconds(cap)
            let roundStarted = ContinuousClock.now
            // A warm round takes tens to hundreds of pivots; a degenerate master can cycle: past ten times
            // the most a warm round has taken (at least a thousand) the round starts again from an advanced basis.
            if rounds > 1 { parm.it_lim = Int32(max(1000, 10 * mostPivots)) }
            let pivotsBefore = glp_get_it_cnt(problem)
            var rc = glp_simplex(problem, &parm)
            if rounds > 1, rc == 0 { mostPivots = max(mostPivots, Int(glp_get_it_cnt(problem) - pivotsBefore)) }
            if rounds > 1, rc == GLP_EITLIM {
                parm.it_lim = Int32.max
                parm.meth = GLP_PRIMAL
                glp_adv_basis(problem, 0)
                rc = glp_simplex(problem, &parm)
            }
            if rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND {
                glp_adv_basis(problem, 0)
                rc = glp_simplex(problem, &parm)
            }
            longest = max(longest, seconds(roundStarted.duration(to: .now)))
            if diving, rc == 0, glp_get_status(problem) == GLP_NOFEAS {
                // This master has no feasible solution: the search goes on to the next, if any.
                guard let change = infeasible() else { return nil }
                try apply(change, to: problem, numberOf: &numberOf, added: &added, base: master.variables.count, rows: m, fixDropped: exploring)
                dual = change.add.isEmpty
                stepRound = 0
                best = -Double.infinity
                last = nil
                continue
            }
            guard rc == 0, glp_get_status(problem) == GLP_OPT else { return unfinished() }
            let z = glp_get_obj_val(problem)
            var primal = Array(repeating: 0.0, count: master.variables.count + added.count)
            for (j, number) in numberOf.enumerated() { primal[number] = glp_get_col_prim(problem, Int32(j + 1)) }
            var duals = Array(repeating: 0.0, count: m)
            for r in 0..<m { duals[r] = glp_get_row_dual(problem, Int32(r + 1)) }
            last = (primal, z, rounds, duals)
            let priced = price(duals, z)
            if let bound = priced.bound { best = max(best, bound) }
            let columns = priced.columns
            if columns.isEmpty || stepRound >= maxRounds {
                let converged = priced.exhausted && priced.columns.isEmpty
                guard diving, let result = finish(converged: converged), let change = next(result) else { return finish(converged: converged) }
                try apply(change, to: problem, numberOf: &numberOf, added: &added, base: master.variables.count, rows: m, fixDropped: exploring)
                // Bounds changed alone keep the basis dual feasible; added columns may not (the primal simplex then).
                dual = change.add.isEmpty
                stepRound = 0
                best = -Double.infinity
                continue
            }
            try add(columns, to: problem, numberOf: &numberOf, added: &added, base: master.variables.count, rows: m)
        }
        // The time ran out between rounds.
        return unfinished()
    }

    /// Columns added to `problem` (numbered after the model's `base` variables and the columns `added` before),
    /// checked first: GLPK aborts the process on a bad index, so one bad column is a defect.
    static func add(_ columns: [ColumnGeneration.Column], to problem: OpaquePointer, numberOf: inout [Int], added: inout [ColumnGeneration.Column],
                    base: Int, rows m: Int) throws(SolverError) {
        guard !columns.isEmpty else { return }
        let valid = columns.allSatisfy { c in
            c.objective.isFinite && c.lower.isFinite && (c.upper.map { $0.isFinite && $0 >= c.lower } ?? true)
                && c.entries.allSatisfy { $0.row >= 0 && $0.row < m && $0.coefficient.isFinite }
                && Set(c.entries.map(\.row)).count == c.entries.count
        }
        guard valid else { throw SolverError(.invalidModel, "a column GLPK cannot take (a row out of range, a repeated row or a non-finite number)") }
        let first = Int(glp_add_cols(problem, Int32(columns.count)))
        for (k, c) in columns.enumerated() {
            let col = Int32(first + k)
            setBounds(problem, col, lower: c.lower, upper: c.upper)
            glp_set_obj_coef(problem, col, c.objective)
            let nonzero = c.entries.filter { $0.coefficient != 0 }
            if !nonzero.isEmpty {
                var ind: [Int32] = [0] + nonzero.map { Int32($0.row + 1) }
                var val: [Double] = [0] + nonzero.map(\.coefficient)
                glp_set_mat_col(problem, col, Int32(nonzero.count), &ind, &val)
            }
            numberOf.append(base + added.count + k)
        }
        added += columns
    }

    static func setBounds(_ problem: OpaquePointer, _ col: Int32, lower: Double, upper: Double?) {
        if let upper {
            glp_set_col_bnds(problem, col, upper == lower ? GLP_FX : GLP_DB, lower, upper)
        } else {
            glp_set_col_bnds(problem, col, GLP_LO, lower, 0)
        }
    }

    /// A change between two masters: new bounds (fixed columns get their value as both), dropped columns
    /// outside the basis deleted (a basic one stays, as GLPK's basis needs it, fixed at 0), then the columns added.
    static func apply(_ change: ColumnGeneration.Change, to problem: OpaquePointer, numberOf: inout [Int], added: inout [ColumnGeneration.Column],
                      base: Int, rows m: Int, fixDropped: Bool) throws(SolverError) {
        let count = base + added.count
        var columnOf = Array(repeating: -1, count: count)
        for (j, number) in numberOf.enumerated() { columnOf[number] = j }
        for b in change.bounds {
            guard b.column >= 0, b.column < count, b.lower.isFinite, b.upper.map({ $0.isFinite && $0 >= b.lower }) ?? true else {
                throw SolverError(.invalidModel, "a change set bounds GLPK cannot take (a column that does not exist, or an empty range)")
            }
            let j = columnOf[b.column]
            guard j >= 0 else { continue }
            setBounds(problem, Int32(j + 1), lower: b.lower, upper: b.upper)
        }
        var gone = Set<Int>()
        var deleted: [Int32] = [0]
        for number in change.drop where number >= 0 && number < count {
            let j = columnOf[number]
            guard j >= 0 else { continue }
            // A basic column stays (GLPK's basis needs it); in a search it is fixed at 0, to the caller gone
            // (a dive's dropped columns are unused weeks its pricing may bring back: they stay as they are).
            if glp_get_col_stat(problem, Int32(j + 1)) == GLP_BS {
                if fixDropped { glp_set_col_bnds(problem, Int32(j + 1), GLP_FX, 0, 0) }
                continue
            }
            guard gone.insert(j).inserted else { continue }
            deleted.append(Int32(j + 1))
        }
        if deleted.count > 1 {
            glp_del_cols(problem, Int32(deleted.count - 1), &deleted)
            numberOf = numberOf.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        }
        try add(change.add, to: problem, numberOf: &numberOf, added: &added, base: base, rows: m)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
