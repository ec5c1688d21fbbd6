internal import CGLPK
public import LinearModel
import Foundation

/// Solves `LinearModel`s with GLPK's simplex and branch-and-cut.
///
/// GLPK aborts the whole process on invalid arguments, so every index, bound, coefficient and
/// name is validated in Swift first. Each problem is created, solved, read and deleted inside
/// one synchronous call on the calling thread (GLPK keeps its state per thread).
public struct GLPKSolver: MIPSolver {
    /// Branching rule for branch-and-bound.
    public enum Branching: Sendable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudoCost
    }

    public var branching: Branching
    /// Cut families to enable (GLPK's MIR, Gomory, cover and clique cuts).
    public var cuts: Bool
    /// Column generation's dives with the textbook ratio test instead of Harris's (GLPK's default): the
    /// simplex then leaves a degenerate master's optima by other vertices, so the dive settles other weeks.
    public var textbookDives: Bool

    public init(branching: Branching = .mostFractional, cuts: Bool = false, textbookDives: Bool = false) {
        self.branching = branching
        self.cuts = cuts
        self.textbookDives = textbookDives
    }

    /// GLPK's version string, e.g. `5.0`.
    public static var version: String {
        guard let text = glp_version() else { return "unknown" }
        return String(cString: text)
    }

    /// Runs `body` with a fresh GLPK problem whose terminal output goes to the session; the problem
    /// and the hook are released when it returns, on this thread.
    static func withProblem<T>(options: SolveOptions, sense: LinearModel.Sense,
                               _ body: (OpaquePointer, SolveSession) throws(SolverError) -> T) throws(SolverError) -> T {
        let session = SolveSession(options: options, sense: sense, started: .now)
        let box = Unmanaged.passRetained(session)
        defer { box.release() }
        glp_term_hook(glpkTermHook, box.toOpaque())
        defer { glp_term_hook(nil, nil) }
        guard let problem = glp_create_prob() else { throw SolverError(.solverFailure, "GLPK could not create a problem") }
        defer { glp_delete_prob(problem) }
        return try body(problem, session)
    }

    public func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> SolveResult {
        try GLPKSolver.validate(model, options: options)
        return try GLPKSolver.withProblem(options: options, sense: model.sense) { problem, session throws(SolverError) in
            GLPKSolver.load(model, into: problem)
            return try solveLoaded(model, problem: problem, session: session, options: options)
        }
    }

    func solveLoaded(_ model: LinearModel, problem: OpaquePointer, session: SolveSession, options: SolveOptions) throws(SolverError) -> SolveResult {
        let started = session.started

        let hasIntegers = model.integerCount > 0
        let timeLimitMs = options.timeLimitSeconds.map { GLPKSolver.milliseconds($0) } ?? Int32.max

        var status: SolveStatus
        var values: [Double]?
        var objective: Double?
        var bound: Double?
        var duals: [Double]?

        if !hasIntegers {
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = GLP_MSG_ERR
            parm.presolve = options.presolve ? GLP_ON : GLP_OFF
            parm.tm_lim = timeLimitMs
            let rc = glp_simplex(problem, &parm)
            let lpStatus = glp_get_status(problem)
            switch (rc, lpStatus) {
            case (0, GLP_OPT):
                status = .optimal
                objective = glp_get_obj_val(problem)
                bound = objective
                values = (1...Int32(model.variables.count)).map { glp_get_col_prim(problem, $0) }
                if !model.constraints.isEmpty {
                    duals = (1...Int32(model.constraints.count)).map { glp_get_row_dual(problem, $0) }
                }
            case (0, GLP_NOFEAS), (GLP_ENOPFS, _):
                status = .infeasible
            case (0, GLP_UNBND), (GLP_ENODFS, _):
                status = .unbounded
            case (GLP_ETMLIM, _):
                status = .timeLimitWithoutSolution
            default:
                throw SolverError(.solverFailure, "GLPK simplex failed (\(GLPKSolver.describe(returnCode: rc)))\(session.logTail)")
            }
        } else {
            var parm = glp_iocp()
            glp_init_iocp(&parm)
            parm.msg_lev = GLP_MSG_ERR
            // With a start solution GLPK must search the original columns (the presolver renumbers them),
            // so the root LP is solved here first.
            let presolve = options.presolve && options.initialSolution == nil
            if !presolve {
                var lp = glp_smcp()
                glp_init_smcp(&lp)
                lp.msg_lev = GLP_MSG_ERR
                lp.presolve = options.presolve ? GLP_ON : GLP_OFF
                lp.tm_lim = timeLimitMs
                let rc = glp_simplex(problem, &lp)
                if rc != 0 || glp_get_status(problem) != GLP_OPT {
                    let lpStatus = glp_get_status(problem)
                    if lpStatus == GLP_NOFEAS || rc == GLP_ENOPFS {
                        return SolveResult(status: .infeasible, values: nil, objective: nil, bound: nil, solveSeconds: session.elapsedSeconds, log: session.lines)
                    }
                    if lpStatus == GLP_UNBND || rc == GLP_ENODFS {
                        return SolveResult(status: .unbounded, values: nil, objective: nil, bound: nil, solveSeconds: session.elapsedSeconds, log: session.lines)
                    }
                    if rc == GLP_ETMLIM {
                        return SolveResult(status: .timeLimitWithoutSolution, values: nil, objective: nil, bound: nil, solveSeconds: session.elapsedSeconds, log: session.lines)
                    }
                    throw SolverError(.solverFailure, "GLPK simplex failed at the root (\(GLPKSolver.describe(returnCode: rc)))\(session.logTail)")
                }
            }
            parm.presolve = presolve ? GLP_ON : GLP_OFF
            parm.tm_lim = max(1, timeLimitMs &- Int32(min(Double(Int32.max), session.elapsedSeconds * 1000)))
            parm.mip_gap = options.mipGap
            parm.br_tech = GLPKSolver.code(for: branching)
            parm.bt_tech = GLP_BT_BLB
            if cuts {
                parm.mir_cuts = GLP_ON
                parm.gmi_cuts = GLP_ON
                parm.cov_cuts = GLP_ON
                parm.clq_cuts = GLP_ON
            }
            parm.cb_func = glpkSearchCallback
            parm.cb_info = Unmanaged.passUnretained(session).toOpaque()  // kept alive by withProblem
            let rc = glp_intopt(problem, &parm)
            let mipStatus = glp_mip_status(problem)
            switch rc {
            case 0, GLP_EMIPGAP, GLP_ETMLIM, GLP_ESTOP:
                switch mipStatus {
                case GLP_OPT:
                    status = .optimal
                case GLP_FEAS:
                    status = rc == GLP_EMIPGAP ? .optimal : .feasible
                case GLP_NOFEAS:
                    status = .infeasible
                default:
                    status = rc == GLP_ETMLIM ? .timeLimitWithoutSolution : .infeasible
                }
            case GLP_ENOPFS:
                status = .infeasible
            case GLP_ENODFS:
                status = .unbounded
            default:
                throw SolverError(.solverFailure, "GLPK branch-and-cut failed (\(GLPKSolver.describe(returnCode: rc)))\(session.logTail)")
            }
            if mipStatus == GLP_OPT || mipStatus == GLP_FEAS {
                objective = glp_mip_obj_val(problem)
                values = (1...Int32(model.variables.count)).map { glp_mip_col_val(problem, $0) }
                if mipStatus == GLP_OPT && rc == 0 {
                    bound = objective
                } else {
                    bound = session.bestBound ?? session.rootBound
                }
            }
        }
        let elapsed = started.duration(to: .now)
        let seconds = GLPKSolver.seconds(elapsed)
        return SolveResult(status: status, values: values, objective: objective, bound: bound, solveSeconds: seconds, log: session.lines, duals: duals)
    }

    /// Refuses, with every reason, a model or options GLPK would abort on.
    static func validate(_ model: LinearModel, options: SolveOptions) throws(SolverError) {
        var problems = model.validationProblems(maxNameBytes: 255)
        if model.variables.isEmpty { problems.append("the model has no variables") }
        if model.variables.count >= Int(Int32.max) { problems.append("too many variables for GLPK") }
        if model.constraints.count >= Int(Int32.max) { problems.append("too many constraints for GLPK") }
        let nonzeros = model.constraints.reduce(0) { $0 + $1.terms.count }
        if nonzeros >= Int(Int32.max) { problems.append("too many matrix entries for GLPK") }
        if let limit = options.timeLimitSeconds, !(limit.isFinite && limit > 0) { problems.append("time limit must be a positive number of seconds") }
        if let start = options.initialSolution {
            if start.count != model.variables.count { problems.append("the initial solution has \(start.count) values for \(model.variables.count) variables") }
            if start.contains(where: { !$0.isFinite }) { problems.append("the initial solution has a value that is not finite") }
        }
        if let nodes = options.nodeLimit, nodes < 1 { problems.append("node limit must be at least 1") }
        if !(options.mipGap.isFinite && options.mipGap >= 0) { problems.append("MIP gap must be ≥ 0") }
        if model.name.utf8.count > 255 { problems.append("model name longer than 255 bytes") }
        if !problems.isEmpty {
            throw SolverError(.invalidModel, "the model cannot be solved: " + problems.prefix(10).joined(separator: "; "))
        }
    }

    static func milliseconds(_ seconds: Double) -> Int32 {
        let ms = (seconds * 1000).rounded(.up)
        return ms >= Double(Int32.max) ? Int32.max : Int32(max(1, ms))
    }

    /// Copies a validated model into a fresh GLPK problem.
    static func load(_ model: LinearModel, into problem: OpaquePointer) {
        glp_set_prob_name(problem, model.name)
        glp_set_obj_dir(problem, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(problem, 0, model.objectiveConstant)
        let n = Int32(model.variables.count)
        glp_add_cols(problem, n)
        for (i, v) in model.variables.enumerated() {
            let j = Int32(i + 1)
            glp_set_col_name(problem, j, v.name)
            switch v.kind {
            case .continuous: glp_set_col_kind(problem, j, GLP_CV)
            case .integer: glp_set_col_kind(problem, j, GLP_IV)
            case .binary: glp_set_col_kind(problem, j, GLP_IV)
            }
            if let upper = v.upper {
                glp_set_col_bnds(problem, j, upper == v.lower ? GLP_FX : GLP_DB, v.lower, upper)
            } else {
                glp_set_col_bnds(problem, j, GLP_LO, v.lower, 0)
            }
            glp_set_obj_coef(problem, j, v.objective)
        }
        guard !model.constraints.isEmpty else { return }
        let m = Int32(model.constraints.count)
        glp_add_rows(problem, m)
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        var ar: [Double] = [0]
        for (r, c) in model.constraints.enumerated() {
            let i = Int32(r + 1)
            glp_set_row_name(problem, i, c.name)
            switch c.relation {
            case .lessOrEqual: glp_set_row_bnds(problem, i, GLP_UP, 0, c.rhs)
            case .greaterOrEqual: glp_set_row_bnds(problem, i, GLP_LO, c.rhs, 0)
            case .equal: glp_set_row_bnds(problem, i, GLP_FX, c.rhs, c.rhs)
            }
            for t in c.terms where t.coefficient != 0 {
                ia.append(i)
                ja.append(Int32(t.variable.index + 1))
                ar.append(t.coefficient)
            }
        }
        glp_load_matrix(problem, Int32(ia.count - 1), ia, ja, ar)
    }

    static func code(for branching: Branching) -> Int32 {
        switch branching {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .pseudoCost: GLP_BR_PCH
        }
    }

    static func describe(returnCode rc: Int32) -> String {
        switch rc {
        case GLP_EBOUND: "inconsistent bounds"
        case GLP_EROOT: "no optimal basis for the root LP"
        case GLP_EFAIL: "numerical failure"
        case GLP_ESING: "singular basis matrix"
        case GLP_ECOND: "ill-conditioned basis matrix"
        case GLP_EITLIM: "iteration limit"
        default: "return code \(rc)"
        }
    }
}

/// State shared with GLPK's C callbacks during one solve; touched only on the solving thread.
final class SolveSession: @unchecked Sendable {
    let options: SolveOptions
    let sense: LinearModel.Sense
    let started: ContinuousClock.Instant
    var lines: [String] = []
    private var pending = ""
    var bestBound: Double?
    var rootBound: Double?
    var lastReport: ContinuousClock.Instant?
    var offeredStart = false
    var nodes = 0

    init(options: SolveOptions, sense: LinearModel.Sense, started: ContinuousClock.Instant) {
        self.options = options
        self.sense = sense
        self.started = started
    }

    func capture(_ text: String) {
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            lines.append(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }

    var logTail: String {
        let tail = (lines + (pending.isEmpty ? [] : [pending])).suffix(5)
        return tail.isEmpty ? "" : ": " + tail.joined(separator: " | ")
    }

    var elapsedSeconds: Double {
        GLPKSolver.seconds(started.duration(to: .now))
    }
}

/// Receives GLPK's terminal output into the session; returning non-zero keeps it off stdout.
func glpkTermHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    guard let info, let text else { return 1 }
    let session = Unmanaged<SolveSession>.fromOpaque(info).takeUnretainedValue()
    session.capture(String(cString: text))
    return 1
}

/// Tracks the best bound and reports progress as the branch-and-cut search goes.
private func glpkSearchCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    let session = Unmanaged<SolveSession>.fromOpaque(info).takeUnretainedValue()
    let reason = glp_ios_reason(tree)
    if reason == GLP_IHEUR, !session.offeredStart, let start = session.options.initialSolution {
        session.offeredStart = true
        // GLPK reads x[1…n]; x[0] is unused. It checks feasibility itself and ignores a bad start.
        let values = [0.0] + start
        _ = values.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
    }
    if let stop = session.options.shouldStop, stop() {
        glp_ios_terminate(tree)
        return
    }
    if reason == GLP_ISELECT {
        session.nodes += 1
        if let limit = session.options.nodeLimit, session.nodes > limit {
            glp_ios_terminate(tree)
            return
        }
    }
    let best = glp_ios_best_node(tree)
    if best != 0 {
        let bound = glp_ios_node_bound(tree, best)
        if bound.isFinite && abs(bound) < 1e300 {
            session.bestBound = bound
            if session.rootBound == nil { session.rootBound = bound }
        }
    }
    guard let progress = session.options.progress else { return }
    let now = ContinuousClock.now
    if reason == GLP_IBINGO || session.lastReport.map({ $0.duration(to: now) > .milliseconds(500) }) ?? true {
        session.lastReport = now
        var incumbent: Double?
        if let prob = glp_ios_get_prob(tree), glp_mip_status(prob) == GLP_FEAS || glp_mip_status(prob) == GLP_OPT {
            incumbent = glp_mip_obj_val(prob)
        }
        progress(SearchProgress(incumbent: incumbent, bound: session.bestBound, elapsedSeconds: session.elapsedSeconds))
    }
}
