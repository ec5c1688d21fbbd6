/// One cell of an input sheet: the text as written, where it was written, and its value when the text could be read.
///
/// Checkers point their diagnostics at `location`; a nil `value` means the cell was empty or
/// malformed, which the reader has already reported, so checks that need it are skipped.
public struct SheetCell<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The trimmed text of the cell ("" when empty or when the column is absent).
    public let text: String
    /// Where the cell begins (column 0 when the column is absent).
    public let location: SourceLocation
    /// The value read from `text`; nil when empty or unreadable.
    public let value: Value?

    public init(text: String, location: SourceLocation, value: Value?) {
        self.text = text
        self.location = location
        self.value = value
    }
}
