public import Core

/// Reads a roster file as shifts planned for a scenario's week: a `--baseline` roster (every row) or
/// a `--pin` file (every row, or only the rows marked `pinned` = yes when that column exists).
///
/// Every problem is collected and located (file:line:column) before failing. A baseline row of an
/// agent the scenario does not have is skipped with a warning (agents leave); in a pin file it is an
/// error. Whether pins contradict the hard rules or each other is the roster's to judge (exit 2).
public enum PlannedShiftReader {
    public enum Purpose: Sendable {
        case baseline
        case pins

        var flag: String { self == .baseline ? "--baseline" : "--pin" }
    }

    public struct Reading: Sendable {
        public let shifts: [PlannedShift]
        public let warnings: [Diagnostic]
    }

    /// - Throws: `MissingInputError` when the file cannot be read; `InputError` with every problem found.
    public static func read(_ path: String, scenario: Scenario, purpose: Purpose) throws -> Reading {
        try parse(TextFile.read(path), file: path, scenario: scenario, purpose: purpose)
    }

    public static func parse(_ text: String, file: String, scenario: Scenario, purpose: Purpose) throws(InputError) -> Reading {
        let reading = try RosterSheetReader.parse(text, file: file)
        var bag = DiagnosticBag()
        bag.append(contentsOf: reading.diagnostics)
        let agents = Set(scenario.agents.map(\.id))
        let grid = scenario.grid
        var shifts: [PlannedShift] = []
        // A baseline's agent the scenario no longer has is named once, at its first row.
        var leftAgents = Set<String>()
        for row in reading.sheet.rows {
            if let pinned = row.pinned, purpose == .pins, pinned.value != true { continue }
            guard let id = row.agentID.value, let date = row.date.value, let start = row.start.value, let end = row.end.value else { continue }
            if !agents.contains(id) {
                if purpose == .pins {
                    let hint = closestMatch(to: id, in: agents).map { Texts.current(.rsPinHint, $0) } ?? ""
                    bag.error(row.agentID.location, Texts.current(.rsPinAgent, id, hint), fix: Texts.current(.rsPinAgentFix))
                } else if leftAgents.insert(id).inserted {
                    bag.warning(row.agentID.location, Texts.current(.rsBaselineAgent, id), fix: Texts.current(.rsBaselineAgentFix))
                }
                continue
            }
            let day = date.daysSinceEpoch - grid.weekStart.daysSinceEpoch
            guard (0..<TimeGrid.days).contains(day) else {
                bag.error(row.date.location, Texts.current(.rsOutsideWeek, "\(date)", "\(grid.weekStart)", "\(grid.weekEnd)"),
                          fix: Texts.current(.rsOutsideWeekFix, purpose.flag, "\(grid.weekStart)"))
                continue
            }
            guard start.date == date else {
                bag.error(row.start.location, Texts.current(.rsOtherDay, "\(start.date)", "\(date)"), fix: Texts.current(.rsOtherDayFix))
                continue
            }
            let length = end.minutesSinceEpoch - start.minutesSinceEpoch
            guard length > 0, length <= 24 * 60 else {
                bag.error(row.end.location, Texts.current(.rsEnd, "\(start)", "\(end)"), fix: Texts.current(.rsEndFix))
                continue
            }
            // An empty breaks cell gives none: any allowed placement may be chosen.
            var breaks: [PlannedBreak]?
            if let spans = row.breaks.value, !spans.isEmpty {
                breaks = spans.map { span in
                    // A break time earlier than the start's time of day belongs to the next day.
                    let from = span.from.minutes + (span.from.minutes < start.minuteOfDay ? 1440 : 0) - start.minuteOfDay
                    var to = span.to.minutes + (span.to.minutes < start.minuteOfDay ? 1440 : 0) - start.minuteOfDay
                    if to < from { to += 1440 }
                    return PlannedBreak(offsetMinutes: from, minutes: to - from)
                }.sorted { $0.offsetMinutes < $1.offsetMinutes }
            }
            shifts.append(PlannedShift(agentID: id, day: day, startMinute: start.minuteOfDay, lengthMinutes: length,
                                       breaks: purpose == .pins ? breaks : nil, source: SourceLocation(file: file, line: row.line)))
        }
        if purpose == .baseline {
            var seen: [String: Int] = [:]
            for s in shifts {
                let key = "\(s.agentID)#\(s.day)"
                if let first = seen[key] {
                    bag.error(s.source, Texts.current(.rsSecondShift, s.agentID, "\(grid.date(ofDay: s.day))", String(first)), fix: Texts.current(.rsSecondShiftFix))
                } else {
                    seen[key] = s.source.line
                }
            }
        }
        try bag.throwIfErrors()
        return Reading(shifts: shifts, warnings: bag.items.filter { $0.severity == .warning })
    }
}
