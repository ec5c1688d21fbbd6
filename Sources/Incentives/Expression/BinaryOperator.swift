/// An infix operator of the plan's expression language.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case and
    case or

    /// Binding strength: `or` 1 < `and` 2 < (`not` 3) < comparisons 4 < `+ -` 5 < `* /` 6 < (unary minus 7).
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide: 6
        }
    }

    /// `+ - * /`: numbers in, a number out.
    public var isArithmetic: Bool { precedence >= 5 }
    /// `< <= > >= == !=`: numbers in, a condition out.
    public var isComparison: Bool { precedence == 4 }
    /// `and`, `or`: conditions in, a condition out.
    public var isLogical: Bool { precedence <= 2 }
}

/// Precedence of the prefix operators and of atoms, on the scale of `BinaryOperator.precedence`.
enum PrefixPrecedence {
    static let not = 3
    static let negate = 7
    static let atom = 8
}
