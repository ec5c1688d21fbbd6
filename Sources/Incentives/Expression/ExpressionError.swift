public import Core

/// A problem in an expression's text or types, at a 1-based column of that text, with a fix.
///
///     unexpected ')' at column 14 (remove it or add a matching '(')
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, without the position (`unexpected ')'`).
    public let message: String
    /// The 1-based column within the expression text (in characters).
    public let column: Int
    /// What the plan author can do about it.
    public let fix: String

    public init(_ message: String, column: Int, fix: String) {
        self.message = message
        self.column = column
        self.fix = fix
    }

    /// `message at column N (fix)`.
    public var description: String {
        "\(message) at column \(column) (\(fix))"
    }

    /// The error as a Core diagnostic located in the plan file.
    ///
    /// - Parameter base: where the expression text's first character is in the file (for a
    ///   quoted YAML scalar, the character after the opening quote). Its column is advanced by
    ///   this error's column − 1; a base without a column (0) is used as it is.
    public func diagnostic(at base: SourceLocation) -> Diagnostic {
        let location = base.column > 0
            ? SourceLocation(file: base.file, line: base.line, column: base.column + column - 1)
            : base
        return Diagnostic(.error, at: location, message, fix: fix)
    }
}
