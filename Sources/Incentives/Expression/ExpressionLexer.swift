import Core

/// One token of an expression, with the 1-based column of its first character.
struct ExpressionToken: Sendable {
    enum Kind: Sendable, Equatable {
        case number(ExactDecimal)
        case name(String)
        /// `+ - * / < <= > >= == !=`
        case symbol(String)
        case and, or, not
        case leftParen, rightParen
        case end
    }

    let kind: Kind
    let text: String
    let column: Int
}

/// Splits expression text into tokens, rejecting what the language does not have with a fix.
struct ExpressionLexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: some StringProtocol) {
        characters = Array(text)
    }

    /// Largest magnitude a literal may have, so exact sums and products stay in range.
    static let literalLimit = ExactDecimal(mantissa: 1_000_000_000_000_000_000, scale: 0)

    /// The tokens up to the first text the language lacks, then `.end`; and that text's error.
    ///
    /// The parser runs on the good prefix first, so a grammar error to the left of the bad
    /// text is the one reported (problems come out in column order).
    mutating func tokenize() -> (tokens: [ExpressionToken], error: ExpressionError?) {
        var tokens: [ExpressionToken] = []
        while true {
            do {
                let token = try next()
                tokens.append(token)
                if token.kind == .end { return (tokens, nil) }
            } catch {
                tokens.append(ExpressionToken(kind: .end, text: "", column: error.column))
                return (tokens, error)
            }
        }
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func next() throws(ExpressionError) -> ExpressionToken {
        while let c = peek(), c.isWhitespace { index += 1 }
        let column = index + 1
        guard let c = peek() else { return ExpressionToken(kind: .end, text: "", column: column) }

        if c.isASCII, c.isNumber || c == "." { return try number(column: column) }
        if c == "_" || (c.isASCII && c.isLetter) { return try word(column: column) }

        let pair = peek(1).map { String([c, $0]) } ?? ""
        switch pair {
        case "<=", ">=", "==", "!=":
            index += 2
            return ExpressionToken(kind: .symbol(pair), text: pair, column: column)
        case "&&": throw ExpressionError(Texts.current(.exUnknownOperator, "&&"), column: column, fix: Texts.current(.exWrite, "and"))
        case "||": throw ExpressionError(Texts.current(.exUnknownOperator, "||"), column: column, fix: Texts.current(.exWrite, "or"))
        case "=<": throw ExpressionError(Texts.current(.exUnknownOperator, "=<"), column: column, fix: Texts.current(.exWrite, "<="))
        case "=>": throw ExpressionError(Texts.current(.exUnknownOperator, "=>"), column: column, fix: Texts.current(.exWrite, ">="))
        case "<>": throw ExpressionError(Texts.current(.exUnknownOperator, "<>"), column: column, fix: Texts.current(.exWrite, "!="))
        case "**": throw ExpressionError(Texts.current(.exUnknownOperator, "**"), column: column, fix: Texts.current(.exOnlyArithmeticPower))
        default: break
        }
        index += 1
        switch c {
        case "+", "-", "*", "/", "<", ">":
            return ExpressionToken(kind: .symbol(String(c)), text: String(c), column: column)
        case "(": return ExpressionToken(kind: .leftParen, text: "(", column: column)
        case ")": return ExpressionToken(kind: .rightParen, text: ")", column: column)
        case "=": throw ExpressionError(Texts.current(.exUnknownOperator, "="), column: column, fix: Texts.current(.exWriteCompare))
        case "!": throw ExpressionError(Texts.current(.exUnknownOperator, "!"), column: column, fix: Texts.current(.exWrite, "not"))
        case "&": throw ExpressionError(Texts.current(.exUnknownOperator, "&"), column: column, fix: Texts.current(.exWrite, "and"))
        case "|": throw ExpressionError(Texts.current(.exUnknownOperator, "|"), column: column, fix: Texts.current(.exWrite, "or"))
        case "^", "%":
            throw ExpressionError(Texts.current(.exUnknownOperator, String(c)), column: column, fix: Texts.current(.exOnlyArithmetic))
        case "\"", "'":
            throw ExpressionError(Texts.current(.exQuote, String(c)), column: column, fix: Texts.current(.exQuoteFix))
        case ",":
            throw ExpressionError(Texts.current(.exComma), column: column, fix: Texts.current(.exCommaFix))
        default:
            throw ExpressionError(
                Texts.current(.exCharacter, String(c)), column: column, fix: Texts.current(.exCharacterFix))
        }
    }

    /// A plain decimal (`40`, `0.95`), parsed exactly from its text.
    private mutating func number(column: Int) throws(ExpressionError) -> ExpressionToken {
        let start = index
        while let c = peek(), c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "." { index += 1 }
        let text = String(characters[start..<index])
        let plain = text.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = (plain.count == 1 || plain.count == 2)
            && plain.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard wellFormed else {
            let fix = text.hasPrefix(".") ? Texts.current(.exWriteLeadingZero, text) : text.hasSuffix(".") ? Texts.current(.exWriteEither, String(text.dropLast()), text + "0")
                : Texts.current(.exPlainDecimal)
            throw ExpressionError(Texts.current(.exInvalidNumber, text), column: column, fix: fix)
        }
        guard let value = ExactDecimal(text), value < ExpressionLexer.literalLimit else {
            throw ExpressionError(Texts.current(.exNumberRange, text), column: column, fix: Texts.current(.exNumberRangeFix))
        }
        return ExpressionToken(kind: .number(value), text: text, column: column)
    }

    /// A metric name or one of the keywords `and`, `or`, `not`.
    private mutating func word(column: Int) throws(ExpressionError) -> ExpressionToken {
        let start = index
        while let c = peek(), c.isASCII, c.isLetter || c.isNumber || c == "_" { index += 1 }
        let text = String(characters[start..<index])
        switch text {
        case "and": return ExpressionToken(kind: .and, text: text, column: column)
        case "or": return ExpressionToken(kind: .or, text: text, column: column)
        case "not": return ExpressionToken(kind: .not, text: text, column: column)
        default:
            let lower = text.lowercased()
            if ["and", "or", "not"].contains(lower) {
                throw ExpressionError(Texts.current(.exLowerCase, text), column: column, fix: Texts.current(.exWrite, lower))
            }
            return ExpressionToken(kind: .name(text), text: text, column: column)
        }
    }
}
