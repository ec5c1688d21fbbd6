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
        for row in reading.sheet.rows {
            if let pinned = row.pinned, purpose == .pins, pinned.value != true { continue }
            guard let id = row.agentID.value, let date = row.date.value, let start = row.start.value, let end = row.end.value else { continue }
            if !agents.contains(id) {
                if purpose == .pins {
                    let hint = closestMatch(to: id, in: agents).map { " (did you mean \($0)?)" } ?? ""
                    bag.error(row.agentID.location, "agent \(id) is not in the scenario's agents\(hint)", fix: "pin only agents of the agents file")
                } else {
                    bag.warning(row.agentID.location, "agent \(id) is not in the scenario's agents; the baseline's shifts of this agent are not compared",
                                fix: "nothing to do if the agent has left the team")
                }
                continue
            }
            let day = date.daysSinceEpoch - grid.weekStart.daysSinceEpoch
            guard (0..<TimeGrid.days).contains(day) else {
                bag.error(row.date.location, "\(date) is outside the scenario's week \(grid.weekStart) – \(grid.weekEnd)",
                          fix: "give \(purpose.flag) a roster of the same week (week_start \(grid.weekStart))")
                continue
            }
            guard start.date == date else {
                bag.error(row.start.location, "the shift starts on \(start.date), not on its date \(date)",
                          fix: "a shift belongs to the day it starts: make date and start the same day")
                continue
            }
            let length = end.minutesSinceEpoch - start.minutesSinceEpoch
            guard length > 0, length <= 24 * 60 else {
                bag.error(row.end.location, "the shift must end after it starts and within 24 hours, got \(start) to \(end)",
                          fix: "write the end as the date-time the shift ends")
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
                    bag.error(s.source, "agent \(s.agentID) has a second shift on \(grid.date(ofDay: s.day)) (the first is on line \(first))",
                              fix: "keep one shift per agent and day in the baseline roster")
                } else {
                    seen[key] = s.source.line
                }
            }
        }
        try bag.throwIfErrors()
        return Reading(shifts: shifts, warnings: bag.items.filter { $0.severity == .warning })
    }
}
