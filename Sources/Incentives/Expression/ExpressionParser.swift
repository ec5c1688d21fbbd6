import Core

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
            throw ExpressionError(Texts.current(.exEmpty), column: 1, fix: Texts.current(.exEmptyFix))
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
                Texts.current(.exChained, second.rawValue), column: current.column, fix: Texts.current(.exChainedFix))
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
                    throw ExpressionError(Texts.current(.exFunction, name), column: token.column, fix: Texts.current(.exFunctionFix))
                }
                // prev(metric): the same agent's value of a metric column in the period before.
                let open = current
                _ = advance()
                guard case .name(let metric) = current.kind else {
                    if current.kind == .end { failedAtEnd = true }
                    throw ExpressionError(Texts.current(.exPrevName), column: open.column + 1, fix: Texts.current(.exPrevNameFix))
                }
                _ = advance()
                guard current.kind == .rightParen else {
                    if current.kind == .end { failedAtEnd = true }
                    throw ExpressionError(Texts.current(.exPrevClose, metric), column: current.column, fix: Texts.current(.exPrevCloseFix, metric))
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
                    throw ExpressionError(Texts.current(.exUnclosed), column: token.column, fix: Texts.current(.exUnclosedFix))
                }
                throw trailing(current, insideParenthesisAt: token.column)
            }
            _ = advance()
            return inner
        case .rightParen:
            throw ExpressionError(Texts.current(.exUnexpectedClose), column: token.column, fix: Texts.current(.exUnexpectedCloseFix))
        case .end:
            failedAtEnd = true
            let after = previous.map { "'\($0.text)'" } ?? Texts.current(.exTheStart)
            throw ExpressionError(Texts.current(.exMissingOperand, after), column: previous?.column ?? 1, fix: Texts.current(.exMissingOperandFix))
        case .not:
            throw ExpressionError(Texts.current(.exUnexpectedNot), column: token.column, fix: Texts.current(.exUnexpectedNotFix))
        case .symbol, .and, .or:
            throw ExpressionError(Texts.current(.exUnexpected, token.text), column: token.column, fix: Texts.current(.exUnexpectedFix))
        }
    }

    /// A token where the expression (or a parenthesised part of it) should have ended.
    private func trailing(_ token: ExpressionToken, insideParenthesisAt open: Int? = nil) -> ExpressionError {
        if token.kind == .rightParen {
            return ExpressionError(Texts.current(.exUnexpectedClose), column: token.column, fix: Texts.current(.exUnexpectedCloseFix))
        }
        if token.kind == .leftParen {
            return ExpressionError(Texts.current(.exUnexpectedOpen), column: token.column, fix: Texts.current(.exUnexpectedOpenFix))
        }
        let what = if case .name = token.kind { Texts.current(.exWhatName, token.text) } else if case .number = token.kind { Texts.current(.exWhatNumber, token.text) }
            else { "'\(token.text)'" }
        if let open {
            return ExpressionError(Texts.current(.exInside, what, String(open)), column: token.column, fix: Texts.current(.exInsideFix))
        }
        return ExpressionError(Texts.current(.exAfter, what), column: token.column, fix: Texts.current(.exAfterFix))
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
            throw ExpressionError(Texts.current(.exTooLong, String(tokens.count - 1), String(Self.maxTokens - 1)), column: 1, fix: Texts.current(.exTooLongFix))
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
