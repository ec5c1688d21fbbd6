import Core

/// What an expression produces: a number (a derived metric) or a condition (a rule or a gate).
public enum ExpressionType: String, Sendable, Hashable, CustomStringConvertible {
    case number
    case condition

    public var description: String { rawValue }
}

extension Expression {
    /// The type the expression produces, or nil when it is ill-typed.
    public var type: ExpressionType? {
        var errors: [ExpressionError] = []
        return inferType(&errors)
    }

    /// Every type error of the expression when used as `expected`, in column order.
    ///
    /// `csat >= 0.9 + 1` is a condition; `a and 3` is an error at the `3`; `a + b` used as a
    /// gate is an error at the `+`.
    ///
    /// - Complexity: O(n) in the number of nodes.
    public func typeCheck(as expected: ExpressionType) -> [ExpressionError] {
        var errors: [ExpressionError] = []
        if let actual = inferType(&errors), actual != expected {
            // Two types: what is given is the other one.
            let error = expected == .condition
                ? ExpressionError(Texts.current(.exNeedCondition, "\(self)"), column: column, fix: Texts.current(.exNeedConditionFix, "\(self)"))
                : ExpressionError(Texts.current(.exNeedNumber, "\(self)"), column: column, fix: Texts.current(.exNeedNumberFix))
            errors.append(error)
        }
        return errors.sorted { $0.column < $1.column }
    }

    /// The node's type, appending an error for each operand of the wrong type (nil if any).
    private func inferType(_ errors: inout [ExpressionError]) -> ExpressionType? {
        switch self {
        case .number, .name:
            return .number
        case .negate(let operand, _):
            return Expression.require(operand, .number, by: Texts.current(.exUnaryMinus), &errors) ? .number : nil
        case .not(let operand, _):
            return Expression.require(operand, .condition, by: "'not'", &errors) ? .condition : nil
        case .binary(let op, let lhs, let rhs, _):
            let operandType: ExpressionType = op.isLogical ? .condition : .number
            let leftOK = Expression.require(lhs, operandType, by: "'\(op.rawValue)'", &errors)
            let rightOK = Expression.require(rhs, operandType, by: "'\(op.rawValue)'", &errors)
            guard leftOK, rightOK else { return nil }
            return op.isArithmetic ? .number : .condition
        }
    }

    private static func require(
        _ operand: Expression, _ expected: ExpressionType, by user: String, _ errors: inout [ExpressionError]
    ) -> Bool {
        guard let actual = operand.inferType(&errors) else { return false }
        if actual == expected { return true }
        errors.append(expected == .condition
            ? ExpressionError(Texts.current(.exOperandCondition, user, "\(operand)"), column: operand.column,
                              fix: Texts.current(.exOperandConditionFix, user, "\(operand)"))
            : ExpressionError(Texts.current(.exOperandNumber, user, "\(operand)"), column: operand.column, fix: Texts.current(.exOperandNumberFix, user)))
        return false
    }
}
