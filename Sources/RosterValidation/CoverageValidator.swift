public import Core

/// Compares a coverage sheet with the coverage recomputed from the roster.
///
/// `required`, `scheduled`, `on_break` and `shortfall` must match exactly; `effective` within
/// 0.00005 (the file rounds to 4 decimals); `projected_service_level`, where the interval has
/// contacts, within 0.0001 of Erlang C at the recomputed effective agents (floating point and
/// rounding to 4 decimals); where it has none (or the scenario gives requirements instead of a
/// forecast) that cell is not checked.
public enum CoverageValidator {
    /// Largest accepted |file − recomputed| for `effective`.
    public static let effectiveTolerance = ExactDecimal(mantissa: 5, scale: 5)
    /// Largest accepted |file − recomputed| for `projected_service_level`.
    public static let serviceLevelTolerance = 0.0001

    /// Every mismatch between `sheet` and `expected`, one diagnostic per cell, plus missing, duplicate and misplaced intervals.
    ///
    /// - Parameters:
    ///   - sheet: The coverage rows with their locations.
    ///   - expected: One entry per interval of `grid`, from `CoverageRecount.recount`.
    ///   - grid: The scenario's week.
    /// - Returns: Errors sorted by line and column.
    /// - Complexity: O(rows + intervals).
    public static func validate(_ sheet: CoverageSheet, expected: [IntervalCoverage], grid: TimeGrid) -> [Diagnostic] {
        var bag = DiagnosticBag()
        let fix = "correct the cell, or write coverage.csv again from this roster with `shiftwise roster`"
        var seen: [Int: Int] = [:]
        for row in sheet.rows {
            guard let start = row.start.value else { continue }
            let index: Int
            switch grid.index(of: start) {
            case .failure(.outsideHorizon):
                bag.error(row.start.location, "interval \(start) is outside the week \(grid.weekStart) – \(grid.weekEnd)", fix: "delete the row")
                continue
            case .failure(.misaligned):
                bag.error(row.start.location, "\(start) is not on the \(grid.intervalMinutes)-minute interval grid", fix: "one row per interval start")
                continue
            case .success(let i):
                index = i
            }
            if let first = seen[index] {
                bag.error(row.start.location, "interval \(start) appears twice (first on line \(first))", fix: "delete one of the rows")
                continue
            }
            seen[index] = row.line
            guard index < expected.count else { continue }
            let want = expected[index]
            let at = "interval \(start)"
            func compare(_ cell: SheetCell<Int>, _ column: String, _ value: Int, _ meaning: String) {
                guard let written = cell.value, written != value else { return }
                bag.error(cell.location, "\(at): \(column) is \(written) in the file, but \(meaning)", fix: "write \(value); \(fix)")
            }
            let working = want.scheduled - want.onBreak
            compare(row.required, "required", want.required, "the scenario requires \(want.required) agents on shift and off break")
            compare(row.scheduled, "scheduled", want.scheduled, "the roster has \(Wording.plural(want.scheduled, "agent")) on shift")
            compare(row.onBreak, "on_break", want.onBreak, "the roster has \(Wording.plural(want.onBreak, "agent")) on break")
            compare(row.shortfall, "shortfall", want.shortfall, "max(0, \(want.required) − \(working)) is \(want.shortfall)")
            if let written = row.effective.value {
                let difference = written - want.effective
                if difference > effectiveTolerance || -difference > effectiveTolerance {
                    bag.error(row.effective.location,
                              "\(at): effective is \(row.effective.text) in the file, but \(Wording.plural(working, "agent")) off break × (1 − shrinkage) is \(want.effective.formatted(places: 4))",
                              fix: "write \(want.effective.formatted(places: 4)); \(fix)")
                }
            }
            if let level = want.projectedServiceLevel {
                let shown = formatted(level)
                if let written = row.projectedServiceLevel.value {
                    if abs(written.doubleValue - level) > serviceLevelTolerance {
                        bag.error(row.projectedServiceLevel.location,
                                  "\(at): projected_service_level is \(row.projectedServiceLevel.text) in the file, but Erlang C at \(want.effective.formatted(places: 4)) effective agents gives \(shown)",
                                  fix: "write \(shown); \(fix)")
                    }
                } else if row.projectedServiceLevel.text.isEmpty {
                    bag.error(row.projectedServiceLevel.location,
                              "\(at): projected_service_level is empty, but the interval has contacts and Erlang C at \(want.effective.formatted(places: 4)) effective agents gives \(shown)",
                              fix: "write \(shown); \(fix)")
                }
            }
        }
        let missing = expected.indices.filter { seen[$0] == nil }
        if !missing.isEmpty {
            let listed = missing.prefix(3).map { expected[$0].start.description }.joined(separator: ", ")
            bag.error(sheet.headerLocation,
                      "\(sheet.file) has no row for \(Wording.plural(missing.count, "interval")) of the week (\(listed)\(missing.count > 3 ? ", …" : ""))",
                      fix: "write one row per interval of the week, \(expected.count) in all")
        }
        return RosterValidator.inFileOrder(bag.items)
    }

    /// Four decimals, as `coverage.csv` writes a service level.
    static func formatted(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded(.toNearestOrAwayFromZero)
        return ExactDecimal(mantissa: Int128(scaled), scale: 4).plainText
    }
}
