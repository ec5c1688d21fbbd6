public import Core
import Foundation

/// Reads a coverage CSV (`start,required,scheduled,on_break,effective,shortfall,projected_service_level`, SPEC §6).
///
/// Columns are matched by name, case-insensitively, in any order; `projected_service_level`
/// is optional and may be empty. Unreadable cells are reported and kept as nil values.
public enum CoverageSheetReader {
    static let counts = ["required", "scheduled", "on_break", "shortfall"]
    static let required = ["start"] + counts + ["effective"]
    static let optional = ["projected_service_level"]

    /// Reads the coverage file at `path`.
    ///
    /// - Throws: `MissingInputError` when the file cannot be read; `InputError` when it is not
    ///   UTF-8 CSV or lacks a required column.
    public static func read(_ path: String) throws -> SheetReading<CoverageSheet> {
        try parse(TextFile.read(path), file: path)
    }

    /// The `coverage.csv` written beside `rosterPath` by `shiftwise roster`, when that file exists.
    public static func besideRoster(_ rosterPath: String) -> String? {
        let path = InputPath.resolve("coverage.csv", relativeTo: rosterPath)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Parses coverage CSV text.
    ///
    /// - Throws: `InputError` when the CSV is broken or a required column is missing.
    public static func parse(_ text: String, file: String) throws(InputError) -> SheetReading<CoverageSheet> {
        let table = try CSVTable.parse(text, file: file)
        var bag = DiagnosticBag()
        let columns = table.columns(required: required, optional: optional, bag: &bag)
        try bag.throwIfErrors()
        var rows: [CoverageSheet.Row] = []
        for record in table.records {
            let start = columns.cell("start", in: record, parse: { LocalDateTime(iso: $0) }, bag: &bag) { text in
                (Texts.current(.rsDateTime, "start", text), Texts.current(.rsIntervalStartFix))
            }
            if start.text.isEmpty { bag.error(start.location, Texts.current(.rsEmpty, "start"), fix: Texts.current(.rsIntervalStartFix)) }
            var count: [String: SheetCell<Int>] = [:]
            for name in counts {
                let cell = columns.cell(name, in: record, parse: { text -> Int? in
                    guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                    return Int(text)
                }, bag: &bag) { text in
                    (Texts.current(.rsAgents, name, text), Texts.current(.rsAgentsFix))
                }
                if cell.text.isEmpty { bag.error(cell.location, Texts.current(.rsEmpty, name), fix: Texts.current(.rsAgentsEmptyFix)) }
                count[name] = cell
            }
            let effective = columns.cell("effective", in: record, parse: { ExactDecimal($0) }, bag: &bag) { text in
                (Texts.current(.rsEffective, text), Texts.current(.rsEffectiveFix))
            }
            if effective.text.isEmpty { bag.error(effective.location, Texts.current(.rsEmpty, "effective"), fix: Texts.current(.rsEffectiveEmptyFix)) }
            let level = columns.cell("projected_service_level", in: record, parse: { text -> ExactDecimal? in
                guard let v = ExactDecimal(text), !v.isNegative, !(v > .one) else { return nil }
                return v
            }, bag: &bag) { text in
                (Texts.current(.rsLevel, text), Texts.current(.rsLevelFix))
            }
            let empty = SheetCell<Int>(text: "", location: SourceLocation(file: file, line: record.line), value: nil)
            rows.append(CoverageSheet.Row(
                line: record.line, start: start, required: count["required"] ?? empty, scheduled: count["scheduled"] ?? empty,
                onBreak: count["on_break"] ?? empty, effective: effective, shortfall: count["shortfall"] ?? empty,
                projectedServiceLevel: level
            ))
        }
        return SheetReading(sheet: CoverageSheet(file: file, headerLine: table.headerLine, rows: rows), diagnostics: bag.items)
    }
}
