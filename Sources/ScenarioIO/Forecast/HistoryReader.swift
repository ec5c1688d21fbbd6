public import Core
public import Forecasting

/// Interval history for `shiftwise forecast` (SPEC §5.2): rows in the forecast format
/// (`start,contacts,aht_seconds[,queue]`), one interval length (15, 30 or 60 minutes), queues summed
/// per interval; a day without rows inside the history is a closed day, a week or more without any
/// is missing data.
public struct History: Sendable {
    public let file: String
    public let intervalMinutes: Int
    /// Every day from the first to the last day with rows (closed days all zero).
    public var days: [LocalDate: HistoryDay]
    public let firstDate: LocalDate
    public let lastDate: LocalDate
    public let warnings: [Diagnostic]

    public var intervalsPerDay: Int { 1440 / intervalMinutes }
}

public enum HistoryReader {
    public static func read(_ path: String) throws -> History {
        let file = InputPath.normalize(path)
        let table = try CSVTable.parse(try TextFile.read(file), file: file)
        var bag = DiagnosticBag()
        let columns = table.columns(required: ["start", "contacts", "aht_seconds"], optional: ["queue"], bag: &bag)
        try bag.throwIfErrors()
        struct Row { let start: LocalDateTime; let queue: String; let contacts: ExactDecimal; let aht: ExactDecimal; let record: CSVRecord }
        var rows: [Row] = []
        for record in table.records {
            let text = columns.cell("start", in: record)
            let start = LocalDateTime(iso: text)
            if start == nil {
                bag.error(columns.location("start", in: record), Texts.current(.hiStart, text), fix: Texts.current(.hiStartFix))
            }
            let numbers = ForecastReader.numbers(columns, record, bag: &bag)
            if let start, let (contacts, aht) = numbers {
                rows.append(Row(start: start, queue: columns.cell("queue", in: record), contacts: contacts, aht: aht, record: record))
            }
        }
        guard !rows.isEmpty else {
            if !bag.hasErrors {
                bag.error(SourceLocation(file: file, line: table.headerLine), Texts.current(.hiNoRows), fix: Texts.current(.hiNoRowsFix))
            }
            throw InputError(bag.items)
        }
        // The interval length: the most common step between a day's consecutive starts (60 when each day has one row).
        var steps: [Int: Int] = [:]
        let ordered = rows.sorted { $0.start < $1.start }
        for (a, b) in zip(ordered, ordered.dropFirst()) where a.start.date == b.start.date {
            let step = b.start.minuteOfDay - a.start.minuteOfDay
            if step > 0 { steps[step, default: 0] += 1 }
        }
        let interval = steps.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 60
        guard [15, 30, 60].contains(interval) else {
            bag.error(columns.location("start", in: ordered[0].record), Texts.current(.hiSpacing, String(interval)), fix: Texts.current(.hiSpacingFix))
            throw InputError(bag.items)
        }
        // Every row on that grid; one row per interval and queue.
        var seen: [String: Int] = [:]
        var days: [LocalDate: HistoryDay] = [:]
        let perDay = 1440 / interval
        for row in rows {
            if row.start.minuteOfDay % interval != 0 {
                bag.error(columns.location("start", in: row.record),
                          Texts.current(.hiMixed, "\(row.start)", String(interval)), fix: Texts.current(.hiMixedFix, String(interval)))
                continue
            }
            let key = "\(row.start)|\(row.queue)"
            if let first = seen[key] {
                bag.error(columns.location("start", in: row.record), Texts.current(.hiTwice, "\(row.start)", row.queue.isEmpty ? "" : Texts.current(.hiQueue, row.queue), String(first)),
                          fix: Texts.current(row.queue.isEmpty ? .hiTwiceFix : .hiTwiceQueueFix))
                continue
            }
            seen[key] = row.record.line
            let i = row.start.minuteOfDay / interval
            var day = days[row.start.date] ?? HistoryDay(contacts: Array(repeating: 0, count: perDay), workSeconds: Array(repeating: 0, count: perDay))
            day.contacts[i] += row.contacts.doubleValue
            day.workSeconds[i] += (row.contacts * row.aht).doubleValue
            days[row.start.date] = day
        }
        try bag.throwIfErrors()
        let dates = days.keys.sorted()
        let first = dates[0], last = dates[dates.count - 1]
        // Closed days in between are zeros; a week or more without a single row is missing data.
        for (a, b) in zip(dates, dates.dropFirst()) where b.daysSinceEpoch - a.daysSinceEpoch > 7 {
            let resume = ordered.first { $0.start.date == b }
            bag.error(resume.map { columns.location("start", in: $0.record) } ?? SourceLocation(file: file),
                      Texts.current(.hiGap, "\(a.adding(days: 1))", "\(b.adding(days: -1))"), fix: Texts.current(.hiGapFix))
        }
        try bag.throwIfErrors()
        var d = first
        while d <= last {
            if days[d] == nil { days[d] = HistoryDay(contacts: Array(repeating: 0, count: perDay), workSeconds: Array(repeating: 0, count: perDay)) }
            d = d.adding(days: 1)
        }
        return History(file: file, intervalMinutes: interval, days: days, firstDate: first, lastDate: last, warnings: bag.warnings)
    }
}

/// One row of a `--special` file: a past day to leave out, or a future day's volume to scale.
public struct SpecialDay: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case exclude, adjust }
    public let date: LocalDate
    public let kind: Kind
    /// `adjust` only: the factor on that day's contacts.
    public let factor: ExactDecimal
    public let location: SourceLocation
}

public enum SpecialDaysReader {
    /// Reads `date,kind,factor`; every problem located.
    public static func read(_ path: String) throws -> [SpecialDay] {
        let file = InputPath.normalize(path)
        let table = try CSVTable.parse(try TextFile.read(file), file: file)
        var bag = DiagnosticBag()
        let columns = table.columns(required: ["date", "kind"], optional: ["factor"], bag: &bag)
        try bag.throwIfErrors()
        var out: [SpecialDay] = []
        var seen: [LocalDate: Int] = [:]
        for record in table.records {
            let dateText = columns.cell("date", in: record)
            let kindText = columns.cell("kind", in: record)
            let factorText = columns.cell("factor", in: record)
            let date = LocalDate(iso: dateText)
            if date == nil { bag.error(columns.location("date", in: record), Texts.current(.hiDate, dateText), fix: Texts.current(.hiDateFix)) }
            let kind = SpecialDay.Kind(rawValue: kindText)
            if kind == nil {
                bag.error(columns.location("kind", in: record), Texts.current(.hiKind, kindText), fix: Texts.current(.hiKindFix))
            }
            var factor = ExactDecimal.one
            if kind == .adjust {
                if let f = ExactDecimal(factorText), !f.isNegative, f <= 100, f.normalized.scale <= 6 {
                    factor = f
                } else {
                    bag.error(columns.location(columns.has("factor") ? "factor" : "kind", in: record),
                              Texts.current(.hiFactor, factorText), fix: Texts.current(.hiFactorFix))
                }
            } else if kind == .exclude, !factorText.isEmpty {
                bag.warning(columns.location("factor", in: record), Texts.current(.hiExcludeFactor, factorText))
            }
            if let date, let line = seen[date] {
                bag.error(columns.location("date", in: record), Texts.current(.hiDayTwice, "\(date)", String(line)), fix: Texts.current(.hiDayTwiceFix))
            }
            if let date { seen[date] = record.line }
            if let date, let kind { out.append(SpecialDay(date: date, kind: kind, factor: factor, location: columns.location("date", in: record))) }
        }
        try bag.throwIfErrors()
        return out
    }
}
