/// A solver-neutral mixed-integer linear model: variables, linear constraints, a linear objective.
///
/// Built by the pure modules and handed to any `MIPSolver`; the GLPK backend validates it again
/// before a single GLPK call.
public struct LinearModel: Sendable {
    public enum Sense: String, Sendable {
        case minimize, maximize
    }

    public enum Kind: String, Sendable {
        case continuous, integer, binary
    }

    /// A decision variable with bounds; `upper` nil means unbounded above.
    public struct Variable: Sendable {
        public var name: String
        public var kind: Kind
        public var lower: Double
        public var upper: Double?
        public var objective: Double

        public init(name: String, kind: Kind, lower: Double, upper: Double?, objective: Double) {
            self.name = name
            self.kind = kind
            self.lower = lower
            self.upper = upper
            self.objective = objective
        }
    }

    public enum Relation: String, Sendable {
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case equal = "="
    }

    /// `Σ coefficient × variable  relation  rhs`.
    public struct Constraint: Sendable {
        public var name: String
        public var terms: [(variable: VariableID, coefficient: Double)]
        public var relation: Relation
        public var rhs: Double

        public init(name: String, terms: [(variable: VariableID, coefficient: Double)], relation: Relation, rhs: Double) {
            self.name = name
            self.terms = terms
            self.relation = relation
            self.rhs = rhs
        }
    }

    /// A variable's index in `variables`.
    public struct VariableID: Sendable, Hashable, Comparable {
        public let index: Int
        public init(_ index: Int) { self.index = index }
        public static func < (lhs: VariableID, rhs: VariableID) -> Bool { lhs.index < rhs.index }
    }

    public var name: String
    public var sense: Sense
    public var objectiveConstant: Double
    public private(set) var variables: [Variable] = []
    public internal(set) var constraints: [Constraint] = []

    public init(name: String, sense: Sense = .minimize, objectiveConstant: Double = 0) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = objectiveConstant
    }

    /// Adds a variable and returns its id.
    @discardableResult
    public mutating func addVariable(_ name: String, kind: Kind = .continuous, lower: Double = 0, upper: Double? = nil, objective: Double = 0) -> VariableID {
        variables.append(Variable(name: name, kind: kind, lower: lower, upper: kind == .binary ? min(upper ?? 1, 1) : upper, objective: objective))
        return VariableID(variables.count - 1)
    }

    /// Sets a variable's objective coefficient.
    public mutating func setObjective(_ variable: VariableID, _ coefficient: Double) {
        variables[variable.index].objective = coefficient
    }

    /// Sets a variable's bounds (`upper` nil: unbounded above).
    public mutating func setBounds(_ variable: VariableID, lower: Double, upper: Double?) {
        variables[variable.index].lower = lower
        variables[variable.index].upper = upper
    }

    /// Adds a constraint.
    public mutating func addConstraint(_ name: String, _ terms: [(variable: VariableID, coefficient: Double)], _ relation: Relation, _ rhs: Double) {
        constraints.append(Constraint(name: name, terms: terms, relation: relation, rhs: rhs))
    }

    /// Adds `variable` to existing constraints (by index) with the given coefficients: a column
    /// that joins a master after its rows were made.
    public mutating func addEntries(of variable: VariableID, _ entries: [(row: Int, coefficient: Double)]) {
        for e in entries { constraints[e.row].terms.append((variable, e.coefficient)) }
    }

    /// The same model with every integrality requirement dropped (its optimum bounds the MIP's).
    public func relaxed() -> LinearModel {
        var copy = self
        for i in copy.variables.indices { copy.variables[i].kind = .continuous }
        return copy
    }

    /// The model with every variable outside `keep` fixed at zero and removed, and the index in
    /// this model of each variable of the smaller one.
    ///
    /// Constraints left without variables are dropped (a zero row that its bound refuses is kept
    /// as an infeasible row on the first kept variable with coefficient 0, so the result stays honest).
    public func restricted(keeping keep: (VariableID) -> Bool) -> (model: LinearModel, original: [VariableID]) {
        var smaller = LinearModel(name: name, sense: sense, objectiveConstant: objectiveConstant)
        var newIndex = Array(repeating: -1, count: variables.count)
        var original: [VariableID] = []
        for (i, v) in variables.enumerated() where keep(VariableID(i)) {
            newIndex[i] = smaller.variables.count
            original.append(VariableID(i))
            smaller.variables.append(v)
        }
        for c in constraints {
            let terms = c.terms.compactMap { t -> (variable: VariableID, coefficient: Double)? in
                newIndex[t.variable.index] >= 0 ? (VariableID(newIndex[t.variable.index]), t.coefficient) : nil
            }
            if terms.isEmpty {
                let satisfied = switch c.relation {
                case .lessOrEqual: 0 <= c.rhs
                case .greaterOrEqual: 0 >= c.rhs
                case .equal: c.rhs == 0
                }
                if satisfied || smaller.variables.isEmpty { continue }
                smaller.constraints.append(Constraint(name: c.name, terms: [(VariableID(0), 0)], relation: c.relation, rhs: c.rhs))
                continue
            }
            smaller.constraints.append(Constraint(name: c.name, terms: terms, relation: c.relation, rhs: c.rhs))
        }
        return (smaller, original)
    }

    /// The model with the variables in `fixed` set to their given values and removed: their share of
    /// each row moves to its right-hand side and their objective to the constant; rows left without
    /// variables are dropped when the fixed values keep them (else kept as an infeasible row, so the
    /// result stays honest), and so are inequalities the free variables' bounds cannot break. Returns the index in this model of each variable of the smaller one.
    public func fixing(_ fixed: [Int: Double]) -> (model: LinearModel, original: [VariableID]) {
        let (model, original, _) = fixing(fixed, droppingRows: { _ in false })
        return (model, original)
    }

    /// ``fixing(_:)`` that also leaves out the rows `drop` names (rows the caller replaces with rows of its
    /// own), and returns, for each row of the smaller model, its index in this one.
    public func fixing(_ fixed: [Int: Double], droppingRows drop: (Int) -> Bool)
        -> (model: LinearModel, original: [VariableID], rows: [Int]) {
        var constant = objectiveConstant
        for (i, value) in fixed { constant += variables[i].objective * value }
        var smaller = LinearModel(name: name, sense: sense, objectiveConstant: constant)
        var newIndex = Array(repeating: -1, count: variables.count)
        var original: [VariableID] = []
        for (i, v) in variables.enumerated() where fixed[i] == nil {
            newIndex[i] = smaller.variables.count
            original.append(VariableID(i))
            smaller.variables.append(v)
        }
        var rows: [Int] = []
        for (r, c) in constraints.enumerated() where !drop(r) {
            var rhs = c.rhs
            var terms: [(variable: VariableID, coefficient: Double)] = []
            for t in c.terms {
                if let value = fixed[t.variable.index] { rhs -= t.coefficient * value } else { terms.append((VariableID(newIndex[t.variable.index]), t.coefficient)) }
            }
            if terms.isEmpty {
                let satisfied = switch c.relation {
                case .lessOrEqual: 0 <= rhs + 1e-9
                case .greaterOrEqual: 0 >= rhs - 1e-9
                case .equal: abs(rhs) <= 1e-9
                }
                if satisfied || smaller.variables.isEmpty { continue }
                smaller.constraints.append(Constraint(name: c.name, terms: [(VariableID(0), 0)], relation: c.relation, rhs: rhs))
                rows.append(r)
                continue
            }
            // A row no values within the free variables' bounds can break is dropped (with the fixed values
            // moved out, most rows of a neighbourhood's model are such).
            if c.relation != .equal, let reach = activityRange(terms, in: smaller.variables),
               c.relation == .lessOrEqual ? reach.upperBound <= rhs + 1e-9 : reach.lowerBound >= rhs - 1e-9 {
                continue
            }
            smaller.constraints.append(Constraint(name: c.name, terms: terms, relation: c.relation, rhs: rhs))
            rows.append(r)
        }
        return (smaller, original, rows)
    }

    /// The least and the most `terms` can sum to within the variables' bounds (nil when unbounded).
    private func activityRange(_ terms: [(variable: VariableID, coefficient: Double)], in variables: [Variable]) -> ClosedRange<Double>? {
        var low = 0.0, high = 0.0
        for t in terms {
            let v = variables[t.variable.index]
            guard let upper = v.upper else { return nil }
            low += t.coefficient * (t.coefficient > 0 ? v.lower : upper)
            high += t.coefficient * (t.coefficient > 0 ? upper : v.lower)
        }
        return low...high
    }

    /// Number of integer or binary variables.
    public var integerCount: Int { variables.filter { $0.kind != .continuous }.count }

    /// The objective value of an assignment.
    public func objectiveValue(of values: [Double]) -> Double {
        zip(variables, values).reduce(objectiveConstant) { $0 + $1.0.objective * $1.1 }
    }
}

extension LinearModel.VariableID: CustomStringConvertible {
    public var description: String { "x\(index)" }
}
