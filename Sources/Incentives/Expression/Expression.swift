public import Core

/// A parsed expression of a bonus plan: a derived metric (`csat_satisfied / csat_responses`),
/// an eligibility rule or a gate (`hours_worked >= 40 and qa_score >= 80`).
///
/// Parsed once when the plan is loaded (`Expression(parsing:)`), checked with
/// `typeCheck(as:)`, then evaluated per agent with `evaluate(_:)`. Every node keeps the
/// 1-based column of its token in the expression text (0 for trees built in code), so errors
/// can point at it; equality and hashing ignore those columns and compare numbers by value.
///
///     let rule = try Expression(parsing: "hours_worked >= 40")
///     rule.evaluate { $0 == "hours_worked" ? 42 : nil }   // .boolean(true)
public indirect enum Expression: Sendable {
    /// A non-negative decimal literal, kept exact (negative ones are `negate` of a literal).
    case number(ExactDecimal, column: Int = 0)
    /// A metric (column or derived metric), looked up when evaluated.
    case name(String, column: Int = 0)
    /// Unary minus.
    case negate(Expression, column: Int = 0)
    /// Boolean `not`.
    case not(Expression, column: Int = 0)
    /// An infix operation; the column is the operator's.
    case binary(BinaryOperator, Expression, Expression, column: Int = 0)

    /// The 1-based column of this node's own token (the operator of an operation), 0 when unknown.
    public var column: Int {
        switch self {
        case .number(_, let column), .name(_, let column), .negate(_, let column), .not(_, let column),
             .binary(_, _, _, let column):
            column
        }
    }

    /// The name under which `prev(metric)` is looked up: the metric's value in the period before.
    public static func previous(_ metric: String) -> String { "prev(\(metric))" }

    /// The metric column of a `prev(metric)` name, or nil for a plain name.
    public static func previousMetric(of name: String) -> String? {
        guard name.hasPrefix("prev("), name.hasSuffix(")") else { return nil }
        return String(name.dropFirst(5).dropLast())
    }

    /// The metric names the expression reads, for load-time checks against the metrics file.
    ///
    /// - Complexity: O(n) in the number of nodes.
    public var referencedNames: Set<String> {
        var names = Set<String>()
        collectNames(into: &names)
        return names
    }

    private func collectNames(into names: inout Set<String>) {
        switch self {
        case .number: break
        case .name(let name, _): names.insert(name)
        case .negate(let operand, _), .not(let operand, _): operand.collectNames(into: &names)
        case .binary(_, let lhs, let rhs, _):
            lhs.collectNames(into: &names)
            rhs.collectNames(into: &names)
        }
    }

    /// The same tree with every column set to 0 (what equality compares).
    public var withoutColumns: Expression {
        switch self {
        case .number(let value, _): .number(value)
        case .name(let name, _): .name(name)
        case .negate(let operand, _): .negate(operand.withoutColumns)
        case .not(let operand, _): .not(operand.withoutColumns)
        case .binary(let op, let lhs, let rhs, _): .binary(op, lhs.withoutColumns, rhs.withoutColumns)
        }
    }

    /// How tightly this node binds, for printing with the fewest parentheses.
    var precedence: Int {
        switch self {
        case .number, .name: PrefixPrecedence.atom
        case .negate: PrefixPrecedence.negate
        case .not: PrefixPrecedence.not
        case .binary(let op, _, _, _): op.precedence
        }
    }
}

extension Expression: Hashable {
    /// Structural equality: same shape, operators, names and numeric values; columns are ignored.
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a, _), .number(let b, _)): a == b
        case (.name(let a, _), .name(let b, _)): a == b
        case (.negate(let a, _), .negate(let b, _)): a == b
        case (.not(let a, _), .not(let b, _)): a == b
        case (.binary(let opA, let lA, let rA, _), .binary(let opB, let lB, let rB, _)): opA == opB && lA == lB && rA == rB
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .number(let value, _):
            hasher.combine(0)
            hasher.combine(value)
        case .name(let name, _):
            hasher.combine(1)
            hasher.combine(name)
        case .negate(let operand, _):
            hasher.combine(2)
            hasher.combine(operand)
        case .not(let operand, _):
            hasher.combine(3)
            hasher.combine(operand)
        case .binary(let op, let lhs, let rhs, _):
            hasher.combine(4)
            hasher.combine(op)
            hasher.combine(lhs)
            hasher.combine(rhs)
        }
    }
}
