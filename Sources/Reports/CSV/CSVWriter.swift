import Core

/// A cell of an output CSV: text (guarded against formula injection) or a typed number (never altered).
public enum CSVCell: Sendable, Hashable, ExpressibleByStringLiteral {
    case text(String)
    case number(String)
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
}

/// Writes RFC 4180 CSV shared by every output: quoting when needed, formula-injection
/// neutralisation for text cells, an optional UTF-8 BOM. Records end in `\n`, or in CRLF (RFC 4180's
/// own line end) for the payroll files, whose importers ask for it.
public struct CSVWriter: Sendable {
    public private(set) var text: String = ""
    public let bom: Bool
    public let lineEnd: String

    public init(header: [String], bom: Bool = false, crlf: Bool = false) {
        self.bom = bom
        self.lineEnd = crlf ? "\r\n" : "\n"
        append(header.map(CSVCell.text))
    }

    /// A writer of records only, no header: rows made apart (on another core, say) and then added to a sheet
    /// with ``append(records:)``.
    public init(recordsOnly: Void = (), crlf: Bool = false) {
        self.bom = false
        self.lineEnd = crlf ? "\r\n" : "\n"
    }

    /// Appends the records of `other` (its text; its BOM is not repeated).
    public mutating func append(records other: CSVWriter) {
        text += other.text
    }

    /// Appends one record.
    public mutating func append(_ cells: [CSVCell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { text += "," }
            switch cell {
            case .empty: break
            // A cell without a separator, quote or line break, and not to be guarded, goes in as it is.
            case .number(let value) where !CSVWriter.needsQuotes(value): text += value
            case .text(let value) where !CSVWriter.needsQuotes(value) && !FormulaGuard.needsGuard(value): text += value
            default: text += CSVWriter.render(cell)
            }
        }
        text += lineEnd
    }

    /// Whether a cell must be quoted: it holds a separator, a quote or a line break (checked on UTF-8 bytes,
    /// all of them ASCII).
    static func needsQuotes(_ value: String) -> Bool {
        value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }

    /// The file's bytes: the text, preceded by a UTF-8 BOM when asked for.
    public var bytes: [UInt8] {
        (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// One cell as CSV text.
    public static func render(_ cell: CSVCell) -> String {
        switch cell {
        case .empty:
            return ""
        case .number(let value):
            return quoteIfNeeded(value)
        case .text(let value):
            return quoteIfNeeded(neutralise(value))
        }
    }

    /// Prefixes `'` to text a spreadsheet would run as a formula (`= + - @`, tab, carriage return); see ``FormulaGuard``.
    public static func neutralise(_ value: String) -> String {
        FormulaGuard.neutralise(value)
    }

    /// Quotes a cell holding a separator, a quote or a line break (RFC 4180). Bytes, not characters, are
    /// checked (``needsQuotes(_:)``): Swift reads CR+LF as one character that equals neither.
    static func quoteIfNeeded(_ value: String) -> String {
        if needsQuotes(value) {
            return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
        }
        return value
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}
