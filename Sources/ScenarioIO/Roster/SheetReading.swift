public import Core

/// A sheet read from a file, with what the reader found wrong in its cells (and warnings such as unknown columns).
///
/// Malformed cells do not stop the reading: their values are nil in the sheet, so a checker
/// can report every other problem of the file in the same run.
public struct SheetReading<Sheet: Sendable>: Sendable {
    public let sheet: Sheet
    /// Malformed cells (errors) and unknown columns (warnings), in file order.
    public let diagnostics: [Diagnostic]

    public init(sheet: Sheet, diagnostics: [Diagnostic]) {
        self.sheet = sheet
        self.diagnostics = diagnostics
    }
}

extension CSVColumns {
    /// A located cell whose value is read by `parse`; empty text gives a nil value and no diagnostic.
    func cell<Value>(_ name: String, in record: CSVRecord, parse: (String) -> Value?, bag: inout DiagnosticBag,
                     problem: (String) -> (message: String, fix: String)) -> SheetCell<Value> {
        let text = cell(name, in: record)
        let location = location(name, in: record)
        guard !text.isEmpty else { return SheetCell(text: text, location: location, value: nil) }
        let value = parse(text)
        if value == nil {
            let (message, fix) = problem(text)
            bag.error(location, message, fix: fix)
        }
        return SheetCell(text: text, location: location, value: value)
    }
}
