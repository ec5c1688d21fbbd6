/// Options for one solve.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds; nil for none.
    public var timeLimitSeconds: Double?
    /// Relative gap at which branch-and-bound stops as optimal.
    public var mipGap: Double
    /// Whether GLPK's presolver runs: on the whole search, or, with an ``initialSolution`` (whose columns the search
    /// must keep), on the root LP only.
    public var presolve: Bool
    /// Receives (incumbent objective or nil, best bound) as the search goes; called on the solving thread.
    public var progress: (@Sendable (SearchProgress) -> Void)?
    /// A known solution (one value per variable) handed to the search as its first incumbent.
    public var initialSolution: [Double]?
    /// Stops branch-and-bound after this many subproblems; unlike a time limit, the result does not
    /// depend on the machine's speed.
    public var nodeLimit: Int?
    /// Asked as branch-and-bound goes: once it says true, the search stops with what it has (another search
    /// beside this one has made it pointless). Called on the solving thread.
    public var shouldStop: (@Sendable () -> Bool)?

    public init(timeLimitSeconds: Double? = nil, mipGap: Double = 1e-4, presolve: Bool = true, progress: (@Sendable (SearchProgress) -> Void)? = nil,
                initialSolution: [Double]? = nil, nodeLimit: Int? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
        self.presolve = presolve
        self.progress = progress
        self.initialSolution = initialSolution
        self.nodeLimit = nodeLimit
    }
}

/// A snapshot of a running branch-and-bound search.
public struct SearchProgress: Sendable {
    public var incumbent: Double?
    public var bound: Double?
    public var elapsedSeconds: Double

    public init(incumbent: Double?, bound: Double?, elapsedSeconds: Double) {
        self.incumbent = incumbent
        self.bound = bound
        self.elapsedSeconds = elapsedSeconds
    }
}

/// How a solve ended.
public enum SolveStatus: String, Sendable {
    /// Proven optimal within the requested gap.
    case optimal
    /// A solution in hand, stopped by the time limit before the gap closed.
    case feasible
    /// Stopped by the time limit without any solution.
    case timeLimitWithoutSolution = "time-limit-without-solution"
    case infeasible
    case unbounded
}

/// The outcome of a solve: status, values when there is a solution, objective and bound.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// One value per model variable, when a solution exists.
    public var values: [Double]?
    public var objective: Double?
    /// A proven bound on the optimum (lower for minimisation).
    public var bound: Double?
    public var solveSeconds: Double
    /// The solver's own log lines.
    public var log: [String]
    /// Dual values of the constraints (LP only), in model order.
    public var duals: [Double]?

    public init(status: SolveStatus, values: [Double]?, objective: Double?, bound: Double?, solveSeconds: Double, log: [String], duals: [Double]? = nil) {
        self.duals = duals
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
        self.solveSeconds = solveSeconds
        self.log = log
    }

    /// Relative gap `(objective − bound) / |objective|`, 0 when both are 0.
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        if objective == bound { return 0 }
        return abs(objective - bound) / max(abs(objective), 1e-9)
    }
}

/// Anything that can solve a `LinearModel`.
public protocol MIPSolver: Sendable {
    /// Solves the model synchronously on the calling thread.
    func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> SolveResult
}

/// A model the solver refuses, or a failure inside it.
public struct SolverError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case invalidModel
        case solverFailure
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
