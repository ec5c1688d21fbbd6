/// The formula-injection guard of text cells, and its inverse for readers.
///
/// A spreadsheet runs a cell that begins with `= + - @`, tab or carriage return as a formula, so
/// writers prefix such text with `'`. Text that already begins with `'` followed by one of those
/// (or by another `'` that would be read as a prefix) is prefixed too, so that ``undo(_:)`` is the
/// exact inverse of ``neutralise(_:)`` for every string: `=1+2` ↔ `'=1+2`, `'=x` ↔ `''=x`.
public enum FormulaGuard {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// True when a writer must prefix `value` with `'`.
    public static func needsGuard(_ value: String) -> Bool {
        var scalars = value.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if triggers.contains(first) { return true }
        // `'` + text that itself would be guarded (or un-guarded by a reader) must keep its own `'`.
        return first == "'" && needsGuard(String(value.unicodeScalars.dropFirst()))
    }

    /// `value` as a writer puts it into a text cell.
    public static func neutralise(_ value: String) -> String {
        needsGuard(value) ? "'" + value : value
    }

    /// The text a writer meant, from a cell it wrote (or a person typed the same way).
    public static func undo(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'" else { return cell }
        let rest = String(cell.unicodeScalars.dropFirst())
        return needsGuard(rest) ? rest : cell
    }

    /// The first control character in `text` (C0, DEL, C1, line and paragraph separators), if any.
    public static func firstControlCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { s in
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
                // Text-direction embeddings, overrides and isolates: `rtl‮evil` would read reversed on every page.
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }
}
