/// Solves the LP relaxation of a large model by sifting: a restricted LP over a subset of the
/// columns, grown by the columns whose reduced cost is negative, until none is.
///
/// The bound it returns is valid for the full LP (hence the MIP) after any round: for duals π of
/// the restricted LP, `z_restricted + Σ_{j outside} min(0, d_j) · upper_j` bounds the full LP from
/// below (every column has lower bound 0; a column without an upper bound is always kept). When no
/// outside column has a negative reduced cost, it equals the full LP optimum.
public enum ColumnSifting {
    public struct Result: Sendable {
        /// A value per variable of the full model (0 outside the restricted set).
        public let values: [Double]
        /// The restricted LP's optimum.
        public let objective: Double
        /// A proven lower bound on the full LP's (and MIP's) optimum.
        public let bound: Double
        public let converged: Bool
        public let rounds: Int
        public let columns: Int

        public init(values: [Double], objective: Double, bound: Double, converged: Bool, rounds: Int, columns: Int) {
            self.values = values
            self.objective = objective
            self.bound = bound
            self.converged = converged
            self.rounds = rounds
            self.columns = columns
        }
    }

    /// Each column's (row, coefficient) entries.
    public static func columnEntries(of model: LinearModel) -> [[(row: Int, coefficient: Double)]] {
        var columnRows: [[(row: Int, coefficient: Double)]] = Array(repeating: [], count: model.variables.count)
        for (r, c) in model.constraints.enumerated() {
            for t in c.terms where t.coefficient != 0 { columnRows[t.variable.index].append((r, t.coefficient)) }
        }
        return columnRows
    }

    /// - Parameters:
    ///   - initial: columns to start from; they must admit a feasible restricted LP.
    ///   - maxRounds: rounds before giving up on convergence (the bound stays valid).
    /// - Returns: nil when a restricted LP is not solved to optimality (e.g. the time limit).
    public static func solve(_ model: LinearModel, initial: Set<Int>, solver: any MIPSolver, maxRounds: Int = 40,
                             timeLimitSeconds: Double, clock: () -> Double) throws(SolverError) -> Result? {
        guard model.sense == .minimize else { return nil }
        let lp = model.relaxed()
        var keep = initial
        for (j, v) in lp.variables.enumerated() where v.upper == nil || v.lower != 0 { keep.insert(j) }
        // Column → its (row, coefficient) entries, to price the columns left out.
        var columnRows: [[(row: Int, coefficient: Double)]] = Array(repeating: [], count: lp.variables.count)
        for (r, c) in lp.constraints.enumerated() {
            for t in c.terms where t.coefficient != 0 { columnRows[t.variable.index].append((r, t.coefficient)) }
        }
        let perRound = max(500, lp.variables.count / 10)
        let started = clock()
        for round in 1...maxRounds {
            let (restricted, original) = lp.restricted { keep.contains($0.index) }
            let remaining = timeLimitSeconds - (clock() - started)
            guard remaining > 0 else { return nil }
            let result = try solver.solve(restricted, options: SolveOptions(timeLimitSeconds: remaining))
            guard result.status == .optimal, let z = result.objective, let small = result.values, let duals = result.duals,
                  duals.count == restricted.constraints.count else { return nil }
            // Restricted rows are the full model's rows minus those left without columns; map them back by name.
            var rowDual = Array(repeating: 0.0, count: lp.constraints.count)
            var byName: [String: Int] = [:]
            for (r, c) in lp.constraints.enumerated() { byName[c.name] = r }
            for (k, c) in restricted.constraints.enumerated() { if let r = byName[c.name] { rowDual[r] = duals[k] } }
            var candidates: [(j: Int, d: Double)] = []
            var correction = 0.0
            for j in 0..<lp.variables.count where !keep.contains(j) {
                var d = lp.variables[j].objective
                for e in columnRows[j] { d -= e.coefficient * rowDual[e.row] }
                if d < -1e-7 {
                    candidates.append((j, d))
                    correction += d * (lp.variables[j].upper ?? 0)
                }
            }
            var values = Array(repeating: 0.0, count: lp.variables.count)
            for (k, v) in original.enumerated() { values[v.index] = small[k] }
            if candidates.isEmpty || round == maxRounds {
                return Result(values: values, objective: z, bound: z + correction, converged: candidates.isEmpty, rounds: round, columns: keep.count)
            }
            candidates.sort { ($0.d, $0.j) < ($1.d, $1.j) }
            for c in candidates.prefix(perRound) { keep.insert(c.j) }
        }
        return nil
    }
}
