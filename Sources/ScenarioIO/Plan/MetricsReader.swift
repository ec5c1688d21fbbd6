public import Core
public import Incentives

/// One period's metrics read from a metrics CSV, with the warnings found on the way.
public struct LoadedMetrics: Sendable {
    public let table: MetricsTable
    public let warnings: [Diagnostic]

    public init(table: MetricsTable, warnings: [Diagnostic]) {
        self.table = table
        self.warnings = warnings
    }
}

/// Reads the metrics CSV (SPEC §4.4): `agent_id,period[,name,team,...metric columns]`.
///
/// Columns are matched by name, case-insensitively, in any order. Only the metric columns the
/// plan needs are read (others are normal in exports and ignored silently); rows of other
/// periods are skipped. Every problem is collected before failing.
public enum MetricsReader {
    /// The largest magnitude of a metric value.
    public static let magnitudeLimit = ExactDecimal(1_000_000_000_000)
    /// The most decimals of a metric value.
    public static let maxDecimals = 6

    /// Reads the rows of `period` from the metrics file at `path`.
    ///
    /// - Parameters:
    ///   - plan: the loaded plan; its `requiredColumns` must all be present.
    ///   - period: the month paid, `YYYY-MM`.
    ///   - knownAgents: agent ids known elsewhere (the agents file); an id outside it is a warning. Nil: not checked.
    /// - Throws: `MissingInputError` when the file cannot be read; `InputError` with every problem found.
    /// - Complexity: O(rows × needed columns).
    public static func read(_ path: String, plan: BonusPlan, period: String, knownAgents: Set<String>?) throws -> LoadedMetrics {
        let file = InputPath.normalize(path)
        let text = try TextFile.read(file)
        let csv = try CSVTable.parse(text, file: file)
        var bag = DiagnosticBag()
        if BonusPeriod.dates(of: period) == nil {
            bag.error(SourceLocation(file: file), Texts.current(.plPeriod, period), fix: Texts.current(.plPeriodFix))
        }

        // Header: lower-cased name → position (the first of duplicates, which are errors when used).
        var index: [String: Int] = [:]
        var duplicated: [String: Int] = [:]
        for (i, name) in csv.header.enumerated() {
            let key = name.lowercased()
            guard !key.isEmpty else { continue }
            if index[key] == nil { index[key] = i } else { duplicated[key] = i }
        }
        let headerNames = csv.header.filter { !$0.isEmpty }
        let metricColumns = plan.requiredColumns.sorted()
        for name in ["agent_id", "period"] + metricColumns {
            let key = name.lowercased()
            let headerLocation = SourceLocation(file: file, line: csv.headerLine)
            if let second = duplicated[key] {
                bag.error(SourceLocation(file: file, line: csv.headerLine, column: second + 1),
                          Texts.current(.errColumnTwice, name, String((index[key] ?? 0) + 1)), fix: Texts.current(.errColumnTwiceFix))
            } else if index[key] == nil {
                let what = name == "agent_id" || name == "period" ? Texts.current(.errColumnMissing, name)
                    : Texts.current(.mtColumnMissing, plan.name.isEmpty ? "" : "`\(plan.name)` ", name)
                let hint = closestMatch(to: key, in: headerNames).map { Texts.current(.mtRename, $0, name) }
                    ?? Texts.current(.mtColumnMissingFix, name)
                bag.error(headerLocation, what, fix: hint)
            }
        }
        guard !bag.hasErrors else { throw InputError(bag.items) }

        func cell(_ key: String, _ record: CSVRecord) -> (text: String, location: SourceLocation) {
            guard let i = index[key.lowercased()], i < record.fields.count else {
                return ("", SourceLocation(file: file, line: record.line))
            }
            return (record.fields[i].trimmingSpaces, SourceLocation(file: file, line: record.line, column: record.columns[i]))
        }

        var rows: [MetricsTable.Row] = []
        var firstLine: [String: Int] = [:]
        // prev(m): the same agent's column m in the period before (undefined when the row or the cell is missing).
        let previousColumns = plan.previousColumns.sorted()
        let previousPeriod = previousColumns.isEmpty ? nil : BonusPeriod.previous(of: period)
        var previous: [String: [String: ExactDecimal]] = [:]
        var previousLine: [String: Int] = [:]
        for record in csv.records {
            let (periodText, periodLocation) = cell("period", record)
            guard BonusPeriod.dates(of: periodText) != nil else {
                bag.error(periodLocation, Texts.current(.mtPeriodCell, periodText), fix: Texts.current(.mtPeriodCellFix, period))
                continue
            }
            if let previousPeriod, periodText == previousPeriod {
                let id = FormulaGuard.undo(cell("agent_id", record).text)
                guard !id.isEmpty else { continue }
                if let first = previousLine[id] {
                    bag.error(cell("agent_id", record).location, Texts.current(.mtPrevTwoRows, id, previousPeriod, String(first), String(record.line)),
                              fix: Texts.current(.mtTwoRowsFix))
                    continue
                }
                previousLine[id] = record.line
                var values: [String: ExactDecimal] = [:]
                for name in previousColumns {
                    let (text, location) = cell(name, record)
                    guard !text.isEmpty else { continue }
                    if let value = ExactDecimal(text), value.normalized.scale <= maxDecimals, value <= magnitudeLimit, value >= -magnitudeLimit {
                        values[Expression.previous(name)] = value
                    } else {
                        bag.error(location, Texts.current(.mtPrevNotNumber, text, name, previousPeriod), fix: Texts.current(.mtPrevNotNumberFix))
                    }
                }
                previous[id] = values
                continue
            }
            guard periodText == period else { continue }
            let columns = CSVColumns(file: file, index: index)
            let id = columns.text("agent_id", in: record, maxLength: Agent.maxIDLength, bag: &bag)
            let idLocation = columns.location("agent_id", in: record)
            if id.isEmpty {
                bag.error(idLocation, Texts.current(.mtEmptyID), fix: Texts.current(.mtEmptyIDFix))
                continue
            }
            if let first = firstLine[id] {
                bag.error(idLocation, Texts.current(.mtTwoRows, id, period, String(first), String(record.line)),
                          fix: Texts.current(.mtTwoRowsFix))
                continue
            }
            firstLine[id] = record.line
            if let knownAgents, !knownAgents.contains(id) {
                bag.warning(idLocation, Texts.current(.mtUnknownAgent, id),
                            fix: closestMatch(to: id, in: knownAgents.sorted()).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.mtCheckID))
            }
            var values: [String: ExactDecimal] = [:]
            for name in metricColumns {
                let (text, location) = cell(name, record)
                guard !text.isEmpty else { continue }  // undefined
                if let value = ExactDecimal(text) {
                    if value.normalized.scale > maxDecimals || value > magnitudeLimit || value < -magnitudeLimit {
                        bag.error(location, Texts.current(.mtOutside, text, name, "\(magnitudeLimit)", String(maxDecimals)), fix: Texts.current(.mtOutsideFix, String(maxDecimals)))
                        continue
                    }
                    values[name] = value
                } else if text.contains(","), let fixed = ExactDecimal(text.replacingCommas) {
                    bag.error(location, Texts.current(.mtNotNumber, text, name), fix: Texts.current(.mtCommaFix, "\(fixed)"))
                } else {
                    bag.error(location, Texts.current(.mtNotNumber, text, name), fix: Texts.numberFix(text, else: Texts.current(.mtNotNumberFix)))
                }
            }
            rows.append(MetricsTable.Row(agentID: id, name: columns.text("name", in: record, bag: &bag), team: columns.text("team", in: record, bag: &bag),
                                         values: values, location: SourceLocation(file: file, line: record.line)))
        }
        if rows.isEmpty, !bag.hasErrors {
            // Nobody would be paid (or, after an approval, everybody paid back): surely the wrong file or period.
            let periods = Set(csv.records.map { cell("period", $0).text }).filter { !$0.isEmpty }.sorted()
            bag.error(SourceLocation(file: file), Texts.current(.mtNoRows, period),
                      fix: periods.isEmpty ? Texts.current(.mtNoRowsAdd, period) : Texts.current(.mtNoRowsHolds, periods.prefix(6).joined(separator: ", ")))
        }
        if previousPeriod != nil {
            for k in rows.indices {
                if let values = previous[rows[k].agentID] { rows[k].values.merge(values) { current, _ in current } }
            }
        }
        try bag.throwIfErrors()
        return LoadedMetrics(table: MetricsTable(period: period, rows: rows, file: file), warnings: bag.warnings)
    }
}

extension String {
    /// The text with `,` read as a decimal point (for the hint only).
    fileprivate var replacingCommas: String { String(map { $0 == "," ? "." : $0 }) }
}
