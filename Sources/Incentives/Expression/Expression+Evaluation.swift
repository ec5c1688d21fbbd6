public import Core

extension Expression {
    /// Evaluates the expression exactly for one agent.
    ///
    /// - Numbers are exact decimals; `+ - *` are exact (a product beyond 18 places is rounded
    ///   half-even to 18, as `ExactDecimal` does). Division is exact when the quotient terminates
    ///   within 18 decimal places, otherwise rounded to 12 places, half-even:
    ///   `1 / 3 * 3` is `0.999999999999`.
    /// - A name for which `lookup` returns nil is undefined; so is a division by zero, which says
    ///   which divisor was zero (`csat_responses is 0 in csat_satisfied / csat_responses`), and a
    ///   result of magnitude 10^18 or more. Arithmetic on an undefined value is undefined.
    /// - A comparison with an undefined operand is undefined, and so is every condition built on
    ///   it (also under `not`), so a rule or gate on it is not met (`isMet` is false) and keeps the
    ///   reason. `and` and `or` evaluate left to right and stop once the result is known:
    ///   `x > 0 and y / x > 2` is false when x is 0. `undefined or true` is true.
    /// - An ill-typed expression (see `typeCheck(as:)`) evaluates to undefined, never traps.
    ///
    /// - Parameter lookup: the value of a metric name for this agent; nil when undefined.
    /// - Complexity: O(n) in the number of nodes.
    public func evaluate(_ lookup: (String) -> ExactDecimal?) -> ExpressionValue {
        switch self {
        case .number(let value, _):
            return ExpressionArithmetic.inRange(value) ? .number(value) : .undefined(reason: "\(value) is out of range")
        case .name(let name, _):
            guard let value = lookup(name) else { return .undefined(reason: "\(name) has no value") }
            return ExpressionArithmetic.inRange(value)
                ? .number(value) : .undefined(reason: "\(name) = \(value) is out of range (|value| ≥ 10^18)")
        case .negate(let operand, _):
            switch operand.evaluate(lookup) {
            case .number(let value): return .number(-value)
            case .undefined(let reason): return .undefined(reason: reason)
            case .boolean: return mistyped()
            }
        case .not(let operand, _):
            switch operand.evaluate(lookup) {
            case .boolean(let value): return .boolean(!value)
            case .undefined(let reason): return .undefined(reason: reason)
            case .number: return mistyped()
            }
        case .binary(.and, let lhs, let rhs, _):
            let left = lhs.evaluate(lookup)
            switch left {
            case .boolean(false), .undefined: return left
            case .boolean(true): return rhs.evaluateCondition(lookup, within: self)
            case .number: return mistyped()
            }
        case .binary(.or, let lhs, let rhs, _):
            let left = lhs.evaluate(lookup)
            switch left {
            case .boolean(true): return left
            case .boolean(false): return rhs.evaluateCondition(lookup, within: self)
            case .undefined:
                // Not met so far; a right side that holds still makes the `or` hold.
                let right = rhs.evaluateCondition(lookup, within: self)
                if case .boolean(true) = right { return right }
                return left
            case .number: return mistyped()
            }
        case .binary(let op, let lhs, let rhs, _):
            let left = lhs.evaluate(lookup)
            guard case .number(let a) = left else { return left.isUndefined ? left : mistyped() }
            let right = rhs.evaluate(lookup)
            guard case .number(let b) = right else { return right.isUndefined ? right : mistyped() }
            return apply(op, a, b, divisor: rhs)
        }
    }

    private func evaluateCondition(_ lookup: (String) -> ExactDecimal?, within parent: Expression) -> ExpressionValue {
        let value = evaluate(lookup)
        if case .number = value { return parent.mistyped() }
        return value
    }

    private func apply(_ op: BinaryOperator, _ a: ExactDecimal, _ b: ExactDecimal, divisor: Expression) -> ExpressionValue {
        let outcome: ExpressionArithmetic.Outcome
        switch op {
        case .add: outcome = ExpressionArithmetic.sum(a, b)
        case .subtract: outcome = ExpressionArithmetic.difference(a, b)
        case .multiply: outcome = ExpressionArithmetic.product(a, b)
        case .divide:
            guard let quotient = ExpressionArithmetic.quotient(a, b) else {
                return .undefined(reason: "\(divisor) is 0 in \(self)")
            }
            outcome = quotient
        case .less: return .boolean(a < b)
        case .lessOrEqual: return .boolean(a <= b)
        case .greater: return .boolean(a > b)
        case .greaterOrEqual: return .boolean(a >= b)
        case .equal: return .boolean(a == b)
        case .notEqual: return .boolean(a != b)
        case .and, .or: return mistyped()
        }
        switch outcome {
        case .value(let value): return .number(value)
        case .outOfRange: return .undefined(reason: "\(self) is out of range (|value| ≥ 10^18 or too many decimals)")
        }
    }

    private func mistyped() -> ExpressionValue {
        .undefined(reason: "ill-typed expression '\(self)' (see typeCheck(as:))")
    }
}

extension ExpressionValue {
    var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }
}
