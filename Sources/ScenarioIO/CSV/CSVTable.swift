public import Core

/// A parsed CSV file (RFC 4180): a header and records, each field with its line and column.
///
/// Accepts CRLF or LF line endings, quoted fields with embedded commas, quotes and newlines.
public struct CSVTable: Sendable {
    public let file: String
    /// Header names as written (trimmed).
    public let header: [String]
    public let headerLine: Int
    /// The character column where each header name begins.
    public let headerColumns: [Int]
    public let records: [CSVRecord]

    /// Parses CSV text; structural problems (unterminated quotes, stray quotes) are errors.
    public static func parse(_ text: String, file: String) throws(InputError) -> CSVTable {
        var bag = DiagnosticBag()
        var rows: [CSVRecord] = []
        var fields: [String] = []
        var columns: [Int] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var column = 1
        var recordLine = 1
        var fieldColumn = 1
        var fieldLine = 1
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            columns.append(fieldColumn)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                rows.append(CSVRecord(line: recordLine, fields: fields, columns: columns))
            }
            fields.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    column += 1
                    // After a closing quote only a separator or the end of the record may follow.
                    if i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != 0x0A, bytes[i] != 0x0D {
                        bag.error(SourceLocation(file: file, line: line, column: column),
                                  Texts.current(.cvAfterQuote), fix: Texts.current(.cvAfterQuoteFix))
                        while i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != 0x0A { i += 1; column += 1 }
                    }
                    continue
                }
                if b == 0x0A { line += 1; column = 0 }
                field.append(b)
                i += 1
                if b & 0xC0 != 0x80 { column += 1 }
                continue
            }
            switch b {
            case UInt8(ascii: ","):
                endField()
                i += 1
                column += 1
                fieldColumn = column
                fieldLine = line
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                i += 1
            case 0x0A, 0x0D:
                endRecord()
                i += 1
                line += 1
                column = 1
                fieldColumn = 1
                recordLine = line
                fieldLine = line
            case UInt8(ascii: "\"") where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                i += 1
                column += 1
            default:
                field.append(b)
                i += 1
                if b & 0xC0 != 0x80 { column += 1 }
            }
        }
        if inQuotes {
            bag.error(SourceLocation(file: file, line: fieldLine, column: fieldColumn), Texts.current(.cvUnclosed), fix: Texts.current(.cvUnclosedFix))
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        try bag.throwIfErrors()
        guard let first = rows.first else {
            throw InputError([Diagnostic(at: SourceLocation(file: file, line: 1), Texts.current(.cvEmpty), fix: Texts.current(.cvEmptyFix))])
        }
        let header = first.fields.map { $0.trimmingSpaces }
        return CSVTable(file: file, header: header, headerLine: first.line, headerColumns: first.columns, records: Array(rows.dropFirst()))
    }

    /// Maps the columns a reader knows to their positions, reporting missing required ones
    /// (error) and unknown ones (warning).
    ///
    /// Names are matched case-insensitively.
    public func columns(required: [String], optional: [String], bag: inout DiagnosticBag) -> CSVColumns {
        var index: [String: Int] = [:]
        let known = required + optional
        var ignored = 0
        for (i, name) in header.enumerated() {
            let key = name.lowercased()
            let location = SourceLocation(file: file, line: headerLine, column: i < headerColumns.count ? headerColumns[i] : i + 1)
            if key.isEmpty {
                ignored += 1
                if ignored <= 20 { bag.warning(location, Texts.current(.cvNoName, String(i + 1)), fix: Texts.current(.cvNoNameFix)) }
                continue
            }
            if let first = index[key] {
                bag.error(location, Texts.current(.errColumnTwice, name, String(first + 1)), fix: Texts.current(.errColumnTwiceFix))
                continue
            }
            if known.contains(key) {
                index[key] = i
            } else {
                ignored += 1
                if ignored <= 20 {
                    let hint = closestMatch(to: key, in: known).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.errKnownColumns, known.joined(separator: ", "))
                    bag.warning(location, Texts.current(.errColumnUnknown, name), fix: hint)
                }
                index[key] = i
            }
        }
        if ignored > 20 {
            bag.warning(SourceLocation(file: file, line: headerLine), Texts.current(.cvMoreIgnored, String(ignored - 20)), fix: Texts.current(.cvMoreIgnoredFix))
        }
        // Rows with more cells than the header names: the extra cells are ignored, said once.
        let longer = records.filter { $0.fields.count > header.count }
        if let first = longer.first {
            let more = longer.count > 1 ? Texts.current(longer.count == 2 ? .cvMoreRow : .cvMoreRows, String(longer.count - 1)) : ""
            bag.warning(SourceLocation(file: file, line: first.line, column: first.columns[header.count]),
                        Texts.current(.cvLonger, String(first.line), String(first.fields.count), String(header.count), more), fix: Texts.current(.cvLongerFix))
        }
        for name in required where index[name] == nil {
            let hint = closestMatch(to: name, in: header.map { $0.lowercased() }).map { Texts.current(.mtRename, $0, name) }
                ?? Texts.current(.mtColumnMissingFix, name)
            bag.error(SourceLocation(file: file, line: headerLine), Texts.current(.errColumnMissing, name), fix: hint)
        }
        return CSVColumns(file: file, index: index)
    }
}

/// One record: its fields and the line and column where each begins.
public struct CSVRecord: Sendable {
    public let line: Int
    public let fields: [String]
    public let columns: [Int]
}

/// Column positions by lower-case name, with accessors that locate each cell.
public struct CSVColumns: Sendable {
    public let file: String
    let index: [String: Int]

    public func has(_ name: String) -> Bool { index[name] != nil }

    /// The trimmed cell of `name` in `record` ("" when the column is absent or the row is short).
    public func cell(_ name: String, in record: CSVRecord) -> String {
        guard let i = index[name], i < record.fields.count else { return "" }
        return record.fields[i].trimmingSpaces
    }

    /// A text cell (an id, a name, a team): trimmed, with the writers' formula guard undone
    /// (`'=x` → `=x`, see ``FormulaGuard``); a control character or more than `maxLength`
    /// characters is an error at the cell.
    public func text(_ name: String, in record: CSVRecord, maxLength: Int = 200, bag: inout DiagnosticBag) -> String {
        let raw = cell(name, in: record)
        guard !raw.isEmpty else { return raw }
        let value = FormulaGuard.undo(raw)
        if let control = FormulaGuard.firstControlCharacter(in: value) {
            bag.error(location(name, in: record),
                      Texts.current(.cvControl, name, String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)), fix: Texts.current(.cvControlFix, name))
        }
        if value.count > maxLength {
            bag.error(location(name, in: record), Texts.current(.cvLength, name, String(value.count), String(maxLength)), fix: Texts.current(.cvLengthFix))
        }
        return value
    }

    /// Where the cell of `name` in `record` begins.
    public func location(_ name: String, in record: CSVRecord) -> SourceLocation {
        guard let i = index[name], i < record.columns.count else { return SourceLocation(file: file, line: record.line) }
        return SourceLocation(file: file, line: record.line, column: record.columns[i])
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
