public import LinearModel

/// A dense two-phase simplex (Bland's rule) for tiny linear programs: a second solver, written
/// apart from GLPK, so the strategy's LP steps are tested without it. Row duals follow GLPK's
/// convention for minimisation (reduced cost = cost − Σ coefficient × dual).
public struct ReferenceLP: ColumnGenerationSolver {
    public init() {}

    /// Solves min cᵀx over the model's rows and bounds (integrality ignored; lower bounds below 0 taken as 0):
    /// optimum, values, row duals.
    public func solveLP(_ model: LinearModel) -> (objective: Double, values: [Double], duals: [Double])? {
        let n = model.variables.count
        // Rows: the model's, then one per finite upper bound and one per positive lower bound; each as (coefficients, relation, rhs) with rhs ≥ 0.
        var rows: [(a: [Double], rel: LinearModel.Relation, b: Double)] = []
        for c in model.constraints {
            var a = Array(repeating: 0.0, count: n)
            for t in c.terms { a[t.variable.index] += t.coefficient }
            rows.append((a, c.relation, c.rhs))
        }
        let original = rows.count
        for (j, v) in model.variables.enumerated() {
            if let u = v.upper {
                var a = Array(repeating: 0.0, count: n)
                a[j] = 1
                rows.append((a, .lessOrEqual, u))
            }
            if v.lower > 0 {
                var a = Array(repeating: 0.0, count: n)
                a[j] = 1
                rows.append((a, .greaterOrEqual, v.lower))
            }
        }
        var sign = Array(repeating: 1.0, count: rows.count)
        for i in rows.indices where rows[i].b < 0 {
            sign[i] = -1
            rows[i].a = rows[i].a.map { -$0 }
            rows[i].b = -rows[i].b
            rows[i].rel = rows[i].rel == .lessOrEqual ? .greaterOrEqual : rows[i].rel == .greaterOrEqual ? .lessOrEqual : .equal
        }
        let m = rows.count
        // Columns: x, then a slack or surplus per inequality, then an artificial per ≥ or = row.
        var slackOf = Array(repeating: -1, count: m)
        var artificialOf = Array(repeating: -1, count: m)
        var width = n
        for i in 0..<m where rows[i].rel != .equal { slackOf[i] = width; width += 1 }
        for i in 0..<m where rows[i].rel != .lessOrEqual { artificialOf[i] = width; width += 1 }
        var tableau = Array(repeating: Array(repeating: 0.0, count: width + 1), count: m)
        var basis = Array(repeating: 0, count: m)
        for i in 0..<m {
            for j in 0..<n { tableau[i][j] = rows[i].a[j] }
            if slackOf[i] >= 0 { tableau[i][slackOf[i]] = rows[i].rel == .lessOrEqual ? 1 : -1 }
            if artificialOf[i] >= 0 { tableau[i][artificialOf[i]] = 1 }
            tableau[i][width] = rows[i].b
            basis[i] = artificialOf[i] >= 0 ? artificialOf[i] : slackOf[i]
        }
        func pivot(_ r: Int, _ c: Int) {
            let p = tableau[r][c]
            for j in 0...width { tableau[r][j] /= p }
            for i in 0..<m where i != r && tableau[i][c] != 0 {
                let f = tableau[i][c]
                for j in 0...width { tableau[i][j] -= f * tableau[r][j] }
            }
            basis[r] = c
        }
        func run(_ cost: [Double], allowed: (Int) -> Bool) -> Bool {
            for _ in 0..<10_000 {
                var entering = -1
                for j in 0..<width where allowed(j) && !basis.contains(j) {
                    var d = cost[j]
                    for i in 0..<m { d -= cost[basis[i]] * tableau[i][j] }
                    if d < -1e-9 { entering = j; break }
                }
                guard entering >= 0 else { return true }
                var leaving = -1
                var best = Double.infinity
                for i in 0..<m where tableau[i][entering] > 1e-9 {
                    let ratio = tableau[i][width] / tableau[i][entering]
                    if ratio < best - 1e-12 || (abs(ratio - best) <= 1e-12 && leaving >= 0 && basis[i] < basis[leaving]) {
                        best = ratio
                        leaving = i
                    }
                }
                guard leaving >= 0 else { return false }   // unbounded
                pivot(leaving, entering)
            }
            return false
        }
        // Phase 1: drive the artificials out.
        var phase1 = Array(repeating: 0.0, count: width)
        for i in 0..<m where artificialOf[i] >= 0 { phase1[artificialOf[i]] = 1 }
        guard run(phase1, allowed: { _ in true }) else { return nil }
        let infeasibility = (0..<m).reduce(0.0) { $0 + phase1[basis[$1]] * tableau[$1][width] }
        guard infeasibility < 1e-7 else { return nil }
        let isArtificial = Set(artificialOf.filter { $0 >= 0 })
        for i in 0..<m where isArtificial.contains(basis[i]) {
            if let j = (0..<width).first(where: { !isArtificial.contains($0) && !basis.contains($0) && abs(tableau[i][$0]) > 1e-9 }) { pivot(i, j) }
        }
        // Phase 2.
        var cost = Array(repeating: 0.0, count: width)
        for j in 0..<n { cost[j] = model.variables[j].objective }
        guard run(cost, allowed: { !isArtificial.contains($0) }) else { return nil }
        var values = Array(repeating: 0.0, count: n)
        for i in 0..<m where basis[i] < n { values[basis[i]] = tableau[i][width] }
        let objective = model.objectiveConstant + (0..<n).reduce(0.0) { $0 + cost[$1] * values[$1] }
        // Duals y = c_B B⁻¹: read from each row's slack (or artificial) column, whose original column is ±eᵢ.
        var duals = Array(repeating: 0.0, count: original)
        for i in 0..<original {
            let j = artificialOf[i] >= 0 ? artificialOf[i] : slackOf[i]
            let unit = artificialOf[i] >= 0 ? 1.0 : (rows[i].rel == .lessOrEqual ? 1.0 : -1.0)
            var reducedOfUnit = 0.0   // c_B B⁻¹ eᵢ × unit
            for k in 0..<m { reducedOfUnit += cost[basis[k]] * tableau[k][j] }
            duals[i] = reducedOfUnit * unit * sign[i]
        }
        return (objective, values, duals)
    }

    public func generateColumns(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                                price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round) throws(SolverError) -> ColumnGeneration.Result? {
        var model = master.relaxed()
        var added: [ColumnGeneration.Column] = []
        var best = -Double.infinity
        for round in 1...max(1, maxRounds) {
            guard let lp = solveLP(model) else { return nil }
            let priced = price(lp.duals, lp.objective)
            if let bound = priced.bound { best = max(best, bound) }
            if priced.columns.isEmpty || round == maxRounds {
                let converged = priced.exhausted && priced.columns.isEmpty
                return ColumnGeneration.Result(values: lp.values, objective: lp.objective, bound: converged ? max(best, lp.objective) : best,
                                               converged: converged, rounds: round, added: added, duals: lp.duals)
            }
            for c in priced.columns {
                let v = model.addVariable(c.name, lower: c.lower, upper: c.upper, objective: c.objective)
                model.addEntries(of: v, c.entries)
            }
            added += priced.columns
        }
        return nil
    }
}
