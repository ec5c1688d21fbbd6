extension LinearModel {
    /// The same model with rows in runs written as differences: in each run of rows (row indices, in
    /// order), every row after the first is replaced by itself less the row before it. A nonsingular change
    /// of rows: the same solutions and optimum. Rows of a run must be equations or `≥` rows; a `≥` row gets
    /// a surplus variable (cost 0, appended after every variable of this model) so that its run stays
    /// equations. Rows outside the runs stay as they are.
    ///
    /// Rows that overlap (consecutive intervals' coverage) become sparse: a variable that spans the run
    /// meets only the rows where it enters and leaves.
    ///
    /// Returns the model and, for each surplus variable (in order), the row of this model it belongs to.
    public func differencing(runs: [[Int]]) -> (model: LinearModel, surplusRows: [Int]) {
        var result = self
        var surplusRows: [Int] = []
        var rows = constraints
        for run in runs where run.count > 1 {
            for r in run where rows[r].relation == .greaterOrEqual {
                let s = result.addVariable("s_\(rows[r].name)")
                rows[r].terms.append((s, -1))
                rows[r].relation = .equal
                surplusRows.append(r)
            }
            precondition(run.allSatisfy { rows[$0].relation == .equal }, "differences need equations or ≥ rows")
            for k in stride(from: run.count - 1, to: 0, by: -1) {
                let row = rows[run[k]], previous = rows[run[k - 1]]
                var sum: [Int: Double] = [:]
                for t in row.terms { sum[t.variable.index, default: 0] += t.coefficient }
                for t in previous.terms { sum[t.variable.index, default: 0] -= t.coefficient }
                let terms = sum.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (variable: VariableID($0.key), coefficient: $0.value) }
                result.constraints[run[k]] = Constraint(name: row.name, terms: terms, relation: .equal, rhs: row.rhs - previous.rhs)
            }
            result.constraints[run[0]] = rows[run[0]]
        }
        return (result, surplusRows)
    }

    /// A row's activity under `values`.
    public func activity(of row: Int, _ values: [Double]) -> Double {
        constraints[row].terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}
