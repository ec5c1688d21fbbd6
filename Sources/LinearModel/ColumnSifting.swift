/// Shared pieces of LP sifting: a restricted LP over a subset of the columns, grown by the
/// columns whose reduced cost is negative until none is (the GLPK backend runs the rounds).
///
/// The bound a round gives is valid for the full LP (hence the MIP) after any round: for duals π of
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
}
