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
        let fix = Texts.current(.coFix)
        var seen: [Int: Int] = [:]
        for row in sheet.rows {
            guard let start = row.start.value else { continue }
            let index: Int
            switch grid.index(of: start) {
            case .failure(.outsideHorizon):
                bag.error(row.start.location, Texts.current(.coOutsideWeek, "\(start)", "\(grid.weekStart)", "\(grid.weekEnd)"), fix: Texts.current(.coDeleteRow))
                continue
            case .failure(.misaligned):
                bag.error(row.start.location, Texts.current(.coGrid, "\(start)", String(grid.intervalMinutes)), fix: Texts.current(.coGridFix))
                continue
            case .success(let i):
                index = i
            }
            if let first = seen[index] {
                bag.error(row.start.location, Texts.current(.coTwice, "\(start)", String(first)), fix: Texts.current(.coTwiceFix))
                continue
            }
            seen[index] = row.line
            guard index < expected.count else { continue }
            let want = expected[index]
            let at = Texts.current(.coInterval, "\(start)")
            func compare(_ cell: SheetCell<Int>, _ column: String, _ value: Int, _ meaning: String) {
                guard let written = cell.value, written != value else { return }
                bag.error(cell.location, Texts.current(.coCell, at, column, String(written), meaning), fix: Texts.current(.coWrite, String(value), fix))
            }
            let working = want.scheduled - want.onBreak
            compare(row.required, "required", want.required, Texts.current(.coRequired, String(want.required)))
            compare(row.scheduled, "scheduled", want.scheduled, Texts.current(.coScheduled, Wording.count(want.scheduled, .rvAgent, .rvAgents)))
            compare(row.onBreak, "on_break", want.onBreak, Texts.current(.coOnBreak, Wording.count(want.onBreak, .rvAgent, .rvAgents)))
            compare(row.shortfall, "shortfall", want.shortfall, Texts.current(.coShortfall, String(want.required), String(working), String(want.shortfall)))
            if let written = row.effective.value {
                let difference = written - want.effective
                if difference > effectiveTolerance || -difference > effectiveTolerance {
                    bag.error(row.effective.location,
                              Texts.current(.coEffective, at, row.effective.text, Wording.count(working, .rvAgent, .rvAgents), want.effective.formatted(places: 4)),
                              fix: Texts.current(.coWrite, want.effective.formatted(places: 4), fix))
                }
            }
            if let level = want.projectedServiceLevel {
                let shown = formatted(level)
                if let written = row.projectedServiceLevel.value {
                    if abs(written.doubleValue - level) > serviceLevelTolerance {
                        bag.error(row.projectedServiceLevel.location,
                                  Texts.current(.coLevel, at, row.projectedServiceLevel.text, want.effective.formatted(places: 4), shown),
                                  fix: Texts.current(.coWrite, shown, fix))
                    }
                } else if row.projectedServiceLevel.text.isEmpty {
                    bag.error(row.projectedServiceLevel.location,
                              Texts.current(.coLevelEmpty, at, want.effective.formatted(places: 4), shown),
                              fix: Texts.current(.coWrite, shown, fix))
                }
            }
        }
        let missing = expected.indices.filter { seen[$0] == nil }
        if !missing.isEmpty {
            let listed = missing.prefix(3).map { expected[$0].start.description }.joined(separator: ", ")
            bag.error(sheet.headerLocation,
                      Texts.current(.coMissing, sheet.file, Wording.count(missing.count, .rvInterval, .rvIntervals), listed, missing.count > 3 ? ", …" : ""),
                      fix: Texts.current(.coMissingFix, String(expected.count)))
        }
        return RosterValidator.inFileOrder(bag.items)
    }

    /// Four decimals, as `coverage.csv` writes a service level.
    static func formatted(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded(.toNearestOrAwayFromZero)
        return ExactDecimal(mantissa: Int128(scaled), scale: 4).plainText
    }
}
