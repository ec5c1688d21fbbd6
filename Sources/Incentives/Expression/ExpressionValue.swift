public import Core

/// The result of evaluating an expression for one agent.
public enum ExpressionValue: Sendable, Hashable, CustomStringConvertible {
    case number(ExactDecimal)
    case boolean(Bool)
    /// No value: an undefined metric, a division by zero or an out-of-range result, and why.
    case undefined(reason: String)

    /// True only for a condition that holds; an undefined condition is not met (SPEC §4.4).
    public var isMet: Bool { self == .boolean(true) }

    /// The number, when the value is one.
    public var number: ExactDecimal? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// Why the value is undefined, when it is.
    public var undefinedReason: String? {
        if case .undefined(let reason) = self { return reason }
        return nil
    }

    /// `42.5`, `true`, `false`, or `undefined (reason)`.
    public var description: String {
        switch self {
        case .number(let value): value.description
        case .boolean(let value): value ? "true" : "false"
        case .undefined(let reason): "undefined (\(reason))"
        }
    }
}
