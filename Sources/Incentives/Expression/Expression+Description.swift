import Core

extension Expression: CustomStringConvertible {
    /// The canonical text: single spaces around infix operators and only the parentheses the
    /// precedence rules need, so parsing it gives back an equal tree.
    ///
    ///     (a + b) * c        →  "(a + b) * c"
    ///     ((a)) and not(b>1) →  "a and not b > 1"
    public var description: String {
        switch self {
        case .number(let value, _):
            return value.description
        case .name(let name, _):
            return name
        case .negate(let operand, _):
            return "-\(operand.printed(needing: PrefixPrecedence.negate))"
        case .not(let operand, _):
            return "not \(operand.printed(needing: PrefixPrecedence.not))"
        case .binary(let op, let lhs, let rhs, _):
            // Left-associative: the right operand needs parentheses at equal precedence.
            // Comparisons do not chain, so both of their operands need them at equal precedence.
            let leftNeed = op.isComparison ? op.precedence + 1 : op.precedence
            return "\(lhs.printed(needing: leftNeed)) \(op.rawValue) \(rhs.printed(needing: op.precedence + 1))"
        }
    }

    private var isNegativeLiteral: Bool {
        if case .number(let value, _) = self { return value.isNegative }
        return false
    }

    private func printed(needing minimum: Int) -> String {
        // A negative literal is only produced by code; parenthesise it so it stays one token.
        if isNegativeLiteral { return "(\(description))" }
        return precedence < minimum ? "(\(description))" : description
    }
}
