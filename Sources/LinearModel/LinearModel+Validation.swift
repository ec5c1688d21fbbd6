extension LinearModel {
    /// Every reason the model cannot be handed to a solver: bad names, bounds, coefficients, indices.
    ///
    /// - Complexity: O(variables + nonzeros).
    public func validationProblems(maxNameBytes: Int = 255) -> [String] {
        var problems: [String] = []
        func check(name: String, what: String) {
            if name.utf8.count > maxNameBytes { problems.append("\(what) name longer than \(maxNameBytes) bytes: \(name.prefix(40))…") }
            if name.isEmpty { problems.append("\(what) without a name") }
            if name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) { problems.append("\(what) name with whitespace: \(name)") }
        }
        var names = Set<String>()
        for (i, v) in variables.enumerated() {
            check(name: v.name, what: "variable \(i)")
            if !names.insert(v.name).inserted { problems.append("duplicate variable name \(v.name)") }
            if !v.lower.isFinite { problems.append("variable \(v.name): lower bound \(v.lower) is not finite") }
            if let u = v.upper {
                if !u.isFinite { problems.append("variable \(v.name): upper bound \(u) is not finite") }
                if u < v.lower { problems.append("variable \(v.name): upper bound \(u) below lower bound \(v.lower)") }
            }
            if !v.objective.isFinite { problems.append("variable \(v.name): objective coefficient is not finite") }
        }
        var rowNames = Set<String>()
        for c in constraints {
            check(name: c.name, what: "constraint")
            if !rowNames.insert(c.name).inserted { problems.append("duplicate constraint name \(c.name)") }
            if !c.rhs.isFinite { problems.append("constraint \(c.name): right-hand side is not finite") }
            var seen = Set<Int>()
            for t in c.terms {
                if t.variable.index < 0 || t.variable.index >= variables.count {
                    problems.append("constraint \(c.name): variable index \(t.variable.index) out of range")
                } else if !seen.insert(t.variable.index).inserted {
                    problems.append("constraint \(c.name): variable \(variables[t.variable.index].name) appears twice")
                }
                if !t.coefficient.isFinite { problems.append("constraint \(c.name): coefficient is not finite") }
            }
        }
        if !objectiveConstant.isFinite { problems.append("objective constant is not finite") }
        return problems
    }
}

extension LinearModel {
    /// Whether `values` keep every bound, integrality and constraint within `tolerance`.
    ///
    /// - Complexity: O(variables + nonzeros).
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == variables.count else { return false }
        for (v, x) in zip(variables, values) {
            if x < v.lower - tolerance { return false }
            if let u = v.upper, x > u + tolerance { return false }
            if v.kind != .continuous, abs(x - x.rounded()) > tolerance { return false }
        }
        for (r, c) in constraints.enumerated() {
            let lhs = activity(of: r, values)
            switch c.relation {
            case .lessOrEqual: if lhs > c.rhs + tolerance { return false }
            case .greaterOrEqual: if lhs < c.rhs - tolerance { return false }
            case .equal: if abs(lhs - c.rhs) > tolerance { return false }
            }
        }
        return true
    }
}
