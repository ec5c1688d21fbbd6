import Core

/// A roster row whose start and end could be read, placed on an absolute minute line.
///
/// Minutes count from 1970-01-01T00:00, so shifts and breaks past midnight need no special case.
struct ResolvedShift: Sendable {
    let row: RosterSheet.Row
    /// Nil when the row names no agent of the scenario.
    let agent: Agent?
    /// The day the shift belongs to: the `date` cell, else the day of `start`.
    let day: LocalDate
    let start: LocalDateTime
    let end: LocalDateTime
    /// In start order; nil when the `breaks` cell could not be read.
    let breaks: [ResolvedBreak]?

    init?(row: RosterSheet.Row, agent: Agent?) {
        guard let start = row.start.value, let end = row.end.value else { return nil }
        self.row = row
        self.agent = agent
        self.day = row.date.value ?? start.date
        self.start = start
        self.end = end
        self.breaks = row.breaks.value.map { spans in
            spans.map { ResolvedBreak(span: $0, shiftStart: start) }.sorted { $0.start < $1.start }
        }
    }

    var startMinute: Int { start.minutesSinceEpoch }
    var endMinute: Int { end.minutesSinceEpoch }
    var lengthMinutes: Int { endMinute - startMinute }
    /// Midnight at the start of the shift's first day, in minutes.
    ///
    /// That is `date`'s midnight whenever the shift starts on its `date`; when it does not (an
    /// error of its own), the start's day keeps the window checks from repeating that error.
    var startMidnight: Int { start.date.daysSinceEpoch * 1440 }
    /// The start measured from the midnight of its day, 0..<1440.
    var startOffset: Int { startMinute - startMidnight }
    /// The end measured from the midnight of the start's day (past 1440 for shifts past midnight).
    var endOffset: Int { endMinute - startMidnight }
}

/// A break of a shift, placed on the absolute minute line.
struct ResolvedBreak: Sendable, Hashable {
    let span: WallClockSpan
    let start: Int
    let end: Int

    /// Places a wall-clock span: a time earlier than the shift's start time belongs to the next day.
    init(span: WallClockSpan, shiftStart: LocalDateTime) {
        let anchor = shiftStart.date.daysSinceEpoch * 1440
        func place(_ time: ClockTime) -> Int {
            anchor + time.minutes + (time.minutes < shiftStart.minuteOfDay ? 1440 : 0)
        }
        self.span = span
        self.start = place(span.from)
        self.end = place(span.to)
    }

    var minutes: Int { end - start }
}
