/// Column generation on a linear program: a restricted master holds every row and some columns;
/// each round the pricing step reads the row duals and returns the columns with negative reduced
/// cost (and, when it can, a proven lower bound on the full LP's optimum), until it returns none.
public enum ColumnGeneration {
    /// A column for the restricted master: bounds, cost and its (row, coefficient) entries.
    public struct Column: Sendable {
        public var name: String
        public var objective: Double
        public var lower: Double
        public var upper: Double?
        public var entries: [(row: Int, coefficient: Double)]

        public init(name: String, objective: Double, lower: Double = 0, upper: Double? = nil, entries: [(row: Int, coefficient: Double)]) {
            self.name = name
            self.objective = objective
            self.lower = lower
            self.upper = upper
            self.entries = entries
        }
    }

    /// What one pricing round found.
    public struct Round: Sendable {
        /// Columns to add (empty: the master's optimum is the full LP's).
        public var columns: [Column]
        /// A lower bound on the full LP's optimum from these duals, when the pricing can prove one.
        public var bound: Double?
        /// True when no column prices out (the master's optimum is the full LP's); false when the
        /// pricing stops early with columns left, so only `bound` is proven.
        public var exhausted: Bool

        public init(columns: [Column], bound: Double?, exhausted: Bool? = nil) {
            self.columns = columns
            self.bound = bound
            self.exhausted = exhausted ?? columns.isEmpty
        }
    }

    /// Between two steps of a dive: columns fixed at a value, and columns no longer needed (a solver may
    /// remove those outside its basis and fix the others at 0; the pricing brings back any that is needed
    /// again). Columns are numbered as in ``Result/values``.
    public struct Settle: Sendable {
        public var fix: [(column: Int, value: Double)]
        public var drop: [Int]

        public init(fix: [(column: Int, value: Double)], drop: [Int] = []) {
            self.fix = fix
            self.drop = drop
        }
    }

    /// Between two masters of a search over related masters (``ColumnGenerationSolver/explore``): new
    /// bounds of columns (numbered as in ``Result/values``; `upper` nil: none), columns added (numbered
    /// next, in order), and columns no longer needed (removed, or kept fixed at 0: either way out of every
    /// later master).
    public struct Change: Sendable {
        public var bounds: [(column: Int, lower: Double, upper: Double?)]
        public var add: [Column]
        public var drop: [Int]

        public init(bounds: [(column: Int, lower: Double, upper: Double?)] = [], add: [Column] = [], drop: [Int] = []) {
            self.bounds = bounds
            self.add = add
            self.drop = drop
        }
    }

    /// The end of a column generation.
    public struct Result: Sendable {
        /// A value per column of the master: the model's variables first, then the added columns in order
        /// (in a dive, every column added in any step, 0 for those dropped).
        public let values: [Double]
        /// The last restricted master's optimum.
        public let objective: Double
        /// The best proven lower bound on the full LP (the master's optimum once no column prices out).
        public let bound: Double
        public let converged: Bool
        public let rounds: Int
        /// Every column added, in order.
        public let added: [Column]
        /// The last restricted master's row duals (empty when the solver gives none).
        public let duals: [Double]

        public init(values: [Double], objective: Double, bound: Double, converged: Bool, rounds: Int, added: [Column], duals: [Double] = []) {
            self.duals = duals
            self.values = values
            self.objective = objective
            self.bound = bound
            self.converged = converged
            self.rounds = rounds
            self.added = added
        }
    }
}

/// A solver that runs column generation with one warm-started LP (the GLPK backend keeps one
/// problem and continues the simplex from its last basis after each round's new columns).
public protocol ColumnGenerationSolver: Sendable {
    /// Solves `master` (continuous; every row present) and calls `price` with the row duals and the
    /// master's optimum after each round, adding what it returns, until it returns no column, the
    /// time limit passes or `maxRounds` rounds are done. Runs synchronously on the calling thread.
    ///
    /// - Returns: nil when the master cannot be solved (infeasible, or the time runs out before the first round).
    func generateColumns(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                         price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round) throws(SolverError) -> ColumnGeneration.Result?

    /// Diving: column generation until no column prices out (or the pricing stops it), then `settle`
    /// reads the value of every column (numbered as in ``ColumnGeneration/Result/values``) and returns
    /// the columns to fix and to drop; the next step continues from the master so changed, until
    /// `settle` returns nil. `maxRounds` holds for each step.
    ///
    /// - Returns: the last step's result; where the time runs out (or a master cannot be solved) before
    ///   `settle` returns nil, the last master solved, not converged and with a bound of −∞ (it bounds
    ///   nothing: its values are where an unfinished dive's rounding starts); nil when no master was solved.
    func dive(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
              price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
              settle: (_ values: [Double]) -> ColumnGeneration.Settle?) throws(SolverError) -> ColumnGeneration.Result?

    /// A search over related masters (the nodes of a branching): column generation on `master` until no
    /// column prices out (or the pricing stops it); then `next` reads that master's result (nil: it has no
    /// feasible solution) and returns the change that makes the next master, or nil to stop. Values are
    /// numbered as the model's variables, then every column added (by the pricing or by a change), in
    /// order, over the whole search. `maxRounds` holds for each master. Ends when `next` returns nil or the
    /// time runs out (the master then being solved gets no call).
    func explore(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                 price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                 next: (_ result: ColumnGeneration.Result?) -> ColumnGeneration.Change?) throws(SolverError)

    /// A solver whose dives take other paths through a master's degenerate optima (another ratio test,
    /// say), for a second dive run beside the first on a thread of its own; nil: none, one dive.
    var secondDiver: (any ColumnGenerationSolver)? { get }

    /// Frees what the solver keeps for the calling thread: the last call of a thread that ends (its
    /// problems all deleted).
    func threadEnds()
}

extension ColumnGenerationSolver {
    /// Nothing kept per thread.
    public func threadEnds() {}

    /// One dive.
    public var secondDiver: (any ColumnGenerationSolver)? { nil }

    /// Each master a column generation of its own over a model kept with every change (nothing dropped):
    /// for solvers that keep no master between calls.
    public func explore(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                        price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                        next: (_ result: ColumnGeneration.Result?) -> ColumnGeneration.Change?) throws(SolverError) {
        let started = ContinuousClock.now
        var model = master.relaxed()
        while true {
            let elapsed = started.duration(to: .now)
            let left = timeLimitSeconds - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            guard left > 0 else { return }
            let step = try generateColumns(master: model, timeLimitSeconds: left, maxRounds: maxRounds, price: price)
            // No result with time left: the master has no feasible solution; past the time: the search ends.
            guard step != nil || started.duration(to: .now) < .seconds(timeLimitSeconds) else { return }
            if let step {
                for c in step.added {
                    let v = model.addVariable(c.name, lower: c.lower, upper: c.upper, objective: c.objective)
                    model.addEntries(of: v, c.entries)
                }
            }
            guard let change = next(step) else { return }
            for b in change.bounds where b.column >= 0 && b.column < model.variables.count {
                model.setBounds(LinearModel.VariableID(b.column), lower: b.lower, upper: b.upper)
            }
            for d in change.drop where d >= 0 && d < model.variables.count { model.setBounds(LinearModel.VariableID(d), lower: 0, upper: 0) }
            for c in change.add {
                let v = model.addVariable(c.name, lower: c.lower, upper: c.upper, objective: c.objective)
                model.addEntries(of: v, c.entries)
            }
        }
    }

    /// Each step a column generation of its own, over the last step's master with the added columns and
    /// the fixed bounds (nothing dropped): for solvers that keep no master between calls.
    public func dive(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                     price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                     settle: (_ values: [Double]) -> ColumnGeneration.Settle?) throws(SolverError) -> ColumnGeneration.Result? {
        let started = ContinuousClock.now
        var model = master.relaxed()
        var added: [ColumnGeneration.Column] = []
        var rounds = 0
        var last: ColumnGeneration.Result?
        while true {
            let elapsed = started.duration(to: .now)
            let left = timeLimitSeconds - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            guard left > 0, let step = try generateColumns(master: model, timeLimitSeconds: left, maxRounds: maxRounds, price: price) else {
                // Unfinished: the last step's master (this one's columns never reached it).
                return last.map { ColumnGeneration.Result(values: $0.values, objective: $0.objective, bound: -.infinity, converged: false,
                                                          rounds: rounds, added: added, duals: $0.duals) }
            }
            for c in step.added {
                let v = model.addVariable(c.name, lower: c.lower, upper: c.upper, objective: c.objective)
                model.addEntries(of: v, c.entries)
            }
            added += step.added
            rounds += step.rounds
            last = step
            guard let settled = settle(step.values) else {
                return ColumnGeneration.Result(values: step.values, objective: step.objective, bound: step.bound, converged: step.converged,
                                               rounds: rounds, added: added, duals: step.duals)
            }
            for f in settled.fix where f.column >= 0 && f.column < model.variables.count {
                model.setBounds(LinearModel.VariableID(f.column), lower: f.value, upper: f.value)
            }
        }
    }
}
