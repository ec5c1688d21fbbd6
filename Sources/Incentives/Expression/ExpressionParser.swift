/// Recursive descent over the tokens, one function per precedence level:
///
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := additive (("<" | "<=" | ">" | ">=" | "==" | "!=") additive)?   -- does not chain
///     additive   := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := "-" unary | primary
///     primary    := number | name | "(" or ")"
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private var position = 0
    /// Set when parsing failed because the tokens ran out (so a lexer error there comes first).
    private(set) var failedAtEnd = false

    init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    mutating func parseAll() throws(ExpressionError) -> Expression {
        if current.kind == .end {
            failedAtEnd = true
            throw ExpressionError("empty expression", column: 1,
                                  fix: "write a condition such as 'hours_worked >= 40' or a formula such as 'a / b'")
        }
        let expression = try parseOr()
        if current.kind != .end { throw trailing(current) }
        return expression
    }

    private var current: ExpressionToken { tokens[min(position, tokens.count - 1)] }
    private var previous: ExpressionToken? { position > 0 ? tokens[position - 1] : nil }

    private mutating func advance() -> ExpressionToken {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func symbol(of token: ExpressionToken) -> BinaryOperator? {
        switch token.kind {
        case .symbol(let text): BinaryOperator(rawValue: text)
        case .and: .and
        case .or: .or
        default: nil
        }
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var lhs = try parseAnd()
        while current.kind == .or {
            let op = advance()
            lhs = .binary(.or, lhs, try parseAnd(), column: op.column)
        }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var lhs = try parseNot()
        while current.kind == .and {
            let op = advance()
            lhs = .binary(.and, lhs, try parseNot(), column: op.column)
        }
        return lhs
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        if current.kind == .not {
            let op = advance()
            return .not(try parseNot(), column: op.column)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let lhs = try parseAdditive()
        guard let op = symbol(of: current), op.isComparison else { return lhs }
        let token = advance()
        let rhs = try parseAdditive()
        if let second = symbol(of: current), second.isComparison {
            throw ExpressionError(
                "comparisons cannot be chained ('\(second.rawValue)')", column: current.column,
                fix: "join two comparisons with 'and', e.g. 'a < b and b < c'")
        }
        return .binary(op, lhs, rhs, column: token.column)
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expression {
        var lhs = try parseTerm()
        while let op = symbol(of: current), op == .add || op == .subtract {
            let token = advance()
            lhs = .binary(op, lhs, try parseTerm(), column: token.column)
        }
        return lhs
    }

    private mutating func parseTerm() throws(ExpressionError) -> Expression {
        var lhs = try parseUnary()
        while let op = symbol(of: current), op == .multiply || op == .divide {
            let token = advance()
            lhs = .binary(op, lhs, try parseUnary(), column: token.column)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if current.kind == .symbol("-") {
            let token = advance()
            return .negate(try parseUnary(), column: token.column)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return .number(value, column: token.column)
        case .name(let name):
            _ = advance()
            if current.kind == .leftParen {
                guard name == "prev" else {
                    throw ExpressionError("unknown function '\(name)'", column: token.column,
                                          fix: "the only function is prev(metric), the previous period's value; otherwise use + - * / and comparisons")
                }
                // prev(metric): the same agent's value of a metric column in the period before.
                let open = current
                _ = advance()
                guard case .name(let metric) = current.kind else {
                    if current.kind == .end { failedAtEnd = true }
                    throw ExpressionError("prev( must be followed by a metric column name", column: open.column + 1,
                                          fix: "write prev(sales_amount)")
                }
                _ = advance()
                guard current.kind == .rightParen else {
                    if current.kind == .end { failedAtEnd = true }
                    throw ExpressionError("prev(\(metric) needs its ')'", column: current.column,
                                          fix: "prev takes one metric column: prev(\(metric))")
                }
                _ = advance()
                return .name(Expression.previous(metric), column: token.column)
            }
            return .name(name, column: token.column)
        case .leftParen:
            _ = advance()
            let inner = try parseOr()
            guard current.kind == .rightParen else {
                if current.kind == .end {
                    failedAtEnd = true
                    throw ExpressionError("unclosed '('", column: token.column, fix: "add a matching ')'")
                }
                throw trailing(current, insideParenthesisAt: token.column)
            }
            _ = advance()
            return inner
        case .rightParen:
            throw ExpressionError("unexpected ')'", column: token.column, fix: "remove it or add a matching '('")
        case .end:
            failedAtEnd = true
            let after = previous.map { "'\($0.text)'" } ?? "the start"
            throw ExpressionError("missing operand after \(after)", column: previous?.column ?? 1,
                                  fix: "add a number, a metric name or '(' after it, or remove it")
        case .not:
            throw ExpressionError("unexpected 'not'", column: token.column,
                                  fix: "'not' applies to a whole condition; put it and the condition in parentheses")
        case .symbol, .and, .or:
            throw ExpressionError("unexpected '\(token.text)'", column: token.column,
                                  fix: "put a number, a metric name or '(' before it")
        }
    }

    /// A token where the expression (or a parenthesised part of it) should have ended.
    private func trailing(_ token: ExpressionToken, insideParenthesisAt open: Int? = nil) -> ExpressionError {
        if token.kind == .rightParen {
            return ExpressionError("unexpected ')'", column: token.column, fix: "remove it or add a matching '('")
        }
        if token.kind == .leftParen {
            return ExpressionError("unexpected '('", column: token.column,
                                   fix: "put an operator before it (expressions have no functions)")
        }
        let what = if case .name = token.kind { "name '\(token.text)'" } else if case .number = token.kind { "number \(token.text)" } else { "'\(token.text)'" }
        if let open {
            return ExpressionError("unexpected \(what) inside '(' opened at column \(open)", column: token.column,
                                   fix: "add an operator before it or close the parenthesis")
        }
        return ExpressionError("unexpected \(what) after a complete expression", column: token.column,
                               fix: "add an operator (+ - * / a comparison, and, or) before it or remove it")
    }
}

extension Expression {
    /// Parses expression text such as `csat_satisfied / csat_responses` or `hours_worked >= 40`.
    ///
    /// Numbers are parsed exactly from their text. The result is not type-checked: call
    /// `typeCheck(as:)` for what the expression is used as.
    ///
    /// - Throws: `ExpressionError` for the first problem, with its 1-based column and a fix.
    /// - Complexity: O(n) in the length of the text.
    /// The most tokens (numbers, names, operators, parentheses, and the end) one expression may hold.
    public static let maxTokens = 401

    public init(parsing text: some StringProtocol) throws(ExpressionError) {
        var lexer = ExpressionLexer(text)
        let (tokens, lexError) = lexer.tokenize()
        // The parser, the type check and the evaluation recurse once per level: bound the size so
        // no expression can exhaust the stack.
        if tokens.count > Self.maxTokens {
            throw ExpressionError("the expression has \(tokens.count - 1) parts; at most \(Self.maxTokens - 1) are allowed", column: 1,
                                  fix: "split it into derived metrics under `metrics:`")
        }
        var parser = ExpressionParser(tokens: tokens)
        do throws(ExpressionError) {
            let expression = try parser.parseAll()
            if let lexError { throw lexError }
            self = expression
        } catch {
            if let lexError, parser.failedAtEnd { throw lexError }
            throw error
        }
    }
}
