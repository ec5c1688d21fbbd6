public import Core

/// Reads a roster CSV (`agent_id,name,date,start,end,paid_hours,breaks`, SPEC §6), as written by
/// `shiftwise roster` or edited by hand.
///
/// Columns are matched by name, case-insensitively, in any order; `name` is optional. A BOM and
/// CRLF line endings are accepted. Cells that cannot be read are reported with their line and
/// column and kept as nil values, so the rest of the file can still be checked.
public enum RosterSheetReader {
    static let required = ["agent_id", "date", "start", "end", "paid_hours", "breaks"]
    static let optional = ["name", "pinned"]

    /// Reads the roster file at `path`.
    ///
    /// - Throws: `MissingInputError` when the file cannot be read; `InputError` when it is not
    ///   UTF-8 CSV or lacks a required column (nothing can be checked then).
    public static func read(_ path: String) throws -> SheetReading<RosterSheet> {
        try parse(TextFile.read(path), file: path)
    }

    /// Parses roster CSV text.
    ///
    /// - Throws: `InputError` when the CSV is broken or a required column is missing.
    public static func parse(_ text: String, file: String) throws(InputError) -> SheetReading<RosterSheet> {
        let table = try CSVTable.parse(text, file: file)
        var bag = DiagnosticBag()
        let columns = table.columns(required: required, optional: optional, bag: &bag)
        try bag.throwIfErrors()
        let rows = table.records.map { row($0, columns: columns, bag: &bag) }
        return SheetReading(sheet: RosterSheet(file: file, headerLine: table.headerLine, rows: rows), diagnostics: bag.items)
    }

    static func row(_ record: CSVRecord, columns: CSVColumns, bag: inout DiagnosticBag) -> RosterSheet.Row {
        let agentText = columns.text("agent_id", in: record, maxLength: Agent.maxIDLength, bag: &bag)
        let agentID = SheetCell(text: agentText, location: columns.location("agent_id", in: record), value: agentText.isEmpty ? nil : agentText)
        if agentText.isEmpty {
            bag.error(agentID.location, Texts.current(.rsEmpty, "agent_id"), fix: Texts.current(.rsAgentEmptyFix))
        }
        let nameText = columns.text("name", in: record, bag: &bag)
        let name = SheetCell(text: nameText, location: columns.location("name", in: record), value: nameText.isEmpty ? nil : nameText)
        let date = columns.cell("date", in: record, parse: { LocalDate(iso: $0) }, bag: &bag) { text in
            (Texts.current(.rsDate, text), Texts.current(.rsDateFix))
        }
        let example = date.value ?? LocalDate(year: 2026, month: 11, day: 30)
        let start = dateTime("start", record, columns, example: example, hour: "08:00", bag: &bag)
        let end = dateTime("end", record, columns, example: example, hour: "16:00", bag: &bag)
        let paid = columns.cell("paid_hours", in: record, parse: { text -> ExactDecimal? in
            guard let value = ExactDecimal(text), !value.isNegative else { return nil }
            return value
        }, bag: &bag) { text in
            (Texts.current(.rsPaid, text), Texts.numberFix(text, else: Texts.current(.rsPaidFix)))
        }
        if paid.text.isEmpty {
            bag.error(paid.location, Texts.current(.rsEmpty, "paid_hours"), fix: Texts.current(.rsPaidEmptyFix))
        }
        let breaks = breakList(record, columns, bag: &bag)
        for name in ["date", "start", "end"] where columns.cell(name, in: record).isEmpty {
            bag.error(columns.location(name, in: record), Texts.current(.rsEmpty, name), fix: Texts.current(.rsCellEmptyFix))
        }
        let pinned: SheetCell<Bool>? = columns.has("pinned") ? columns.cell("pinned", in: record, parse: { text -> Bool? in
            switch text.lowercased() {
            case "yes", "y", "true", "1", "x": return true
            case "no", "n", "false", "0", "": return false
            default: return nil
            }
        }, bag: &bag) { text in
            (Texts.current(.rsPinned, text), Texts.current(.rsPinnedFix))
        } : nil
        return RosterSheet.Row(line: record.line, agentID: agentID, name: name, date: date, start: start, end: end, paidHours: paid, breaks: breaks,
                               pinned: pinned)
    }

    static func dateTime(_ name: String, _ record: CSVRecord, _ columns: CSVColumns, example: LocalDate?, hour: String,
                         bag: inout DiagnosticBag) -> SheetCell<LocalDateTime> {
        columns.cell(name, in: record, parse: { LocalDateTime(iso: $0) }, bag: &bag) { text in
            let day = example.map(\.description) ?? "2026-11-30"
            // A bare time is the likeliest hand edit: say exactly what to write instead.
            let fix = ClockTime(timeOfDay: text).map { Texts.current(.rsWriteDate, day, $0.wallClock) }
                ?? Texts.current(.rsWriteDateTime, day, hour)
            return (Texts.current(.rsDateTime, name, text), fix)
        }
    }

    static func breakList(_ record: CSVRecord, _ columns: CSVColumns, bag: inout DiagnosticBag) -> SheetCell<[WallClockSpan]> {
        let text = columns.cell("breaks", in: record)
        let location = columns.location("breaks", in: record)
        var spans: [WallClockSpan] = []
        var readable = true
        for piece in text.split(separator: ";") {
            let item = piece.trimmingSpaces
            if item.isEmpty { continue }
            if let span = WallClockSpan(text: item) {
                spans.append(span)
            } else {
                readable = false
                bag.error(location, Texts.current(.rsBreak, String(item)), fix: Texts.current(.rsBreakFix))
            }
        }
        return SheetCell(text: text, location: location, value: readable ? spans : nil)
    }
}
