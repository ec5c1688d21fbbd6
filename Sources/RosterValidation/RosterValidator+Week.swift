import Core

/// The rules over an agent's whole week: one shift a day, contract hours and days, rest, consecutive days.
extension RosterValidator {
    static func checkWeek(of agent: Agent, shifts unsorted: [ResolvedShift], rows: [RosterSheet.Row], sheet: RosterSheet,
                          _ context: Context, _ bag: inout DiagnosticBag) {
        let shifts = unsorted.sorted { ($0.startMinute, $0.row.line) < ($1.startMinute, $1.row.line) }
        let id = "agent \(agent.id)"

        // At most one shift per day.
        var firstOfDay: [LocalDate: ResolvedShift] = [:]
        for shift in unsorted.sorted(by: { $0.row.line < $1.row.line }) {
            if let first = firstOfDay[shift.day] {
                bag.error(shift.row.date.location,
                          "\(id) works \(Wording.shift(shift)), a second shift on \(shift.day) (the first, \(Wording.hours(of: first)), is on line \(first.row.line)); an agent works at most one shift a day",
                          fix: "delete one of the two rows, or move this shift to another day")
            } else {
                firstOfDay[shift.day] = shift
            }
        }

        // Rest between consecutive shifts (an overlap is a negative rest).
        let rest = context.scenario.rules.minRestMinutes
        for (previous, next) in zip(shifts, shifts.dropFirst()) {
            let gap = next.startMinute - previous.endMinute
            guard gap < rest else { continue }
            let message = gap < 0
                ? "\(id) works \(Wording.shift(next)), which overlaps the previous shift \(Wording.shift(previous))"
                : "\(id) works \(Wording.shift(next)) but only \(Wording.duration(gap)) after the previous shift ends \(previous.end)"
            bag.error(next.row.start.location, message + " (min_rest_hours is \(hoursText(rest)))",
                      fix: "start it at \(previous.end.adding(minutes: rest)) or later, or give it to another agent; the previous shift is on line \(previous.row.line)")
        }

        // Consecutive working days, within the week.
        let days = Array(Set(shifts.map(\.day))).sorted()
        let limit = context.scenario.rules.maxConsecutiveDays
        var runStart = 0
        for i in days.indices {
            if i > 0, days[i] != days[i - 1].adding(days: 1) { runStart = i }
            let isRunEnd = i == days.count - 1 || days[i + 1] != days[i].adding(days: 1)
            let length = i - runStart + 1
            guard isRunEnd, length > limit else { continue }
            let firstBeyond = days[runStart + limit]
            if let shift = shifts.first(where: { $0.day == firstBeyond }) {
                bag.error(shift.row.date.location,
                          "\(id) works \(length) days in a row, \(days[runStart]) to \(days[i]), more than max_consecutive_days \(limit)",
                          fix: "give a day off no later than \(firstBeyond)")
            }
        }

        // A run of days off within the week.
        if let needed = context.scenario.rules.minDaysOffInARow, let first = unsorted.min(by: { $0.row.line < $1.row.line }) {
            let worked = Set(shifts.map(\.day))
            var longest = 0
            var run = 0
            var day = context.scenario.grid.weekStart
            for _ in 0..<TimeGrid.days {
                run = worked.contains(day) ? 0 : run + 1
                longest = max(longest, run)
                day = day.adding(days: 1)
            }
            if longest < needed {
                bag.error(first.row.date.location,
                          "\(id) has no \(needed) days off in a row this week (the longest run off is \(Wording.plural(longest, "day"))); min_days_off_in_a_row is \(needed)",
                          fix: "move or remove shifts so that \(needed) consecutive days of the week are off")
            }
        }

        // Start times (time of day) within the allowed spread.
        if let spread = context.scenario.rules.maxStartVariationMinutes,
           let earliest = shifts.min(by: { ($0.startOffset, $0.row.line) < ($1.startOffset, $1.row.line) }),
           let latest = shifts.max(by: { ($0.startOffset, -$0.row.line) < ($1.startOffset, -$1.row.line) }),
           latest.startOffset - earliest.startOffset > spread {
            let (located, other) = latest.row.line > earliest.row.line ? (latest, earliest) : (earliest, latest)
            bag.error(located.row.start.location,
                      "\(id) starts at \(Wording.clock(located.startOffset)) on \(located.day) and at \(Wording.clock(other.startOffset)) on \(other.day), \(Wording.duration(latest.startOffset - earliest.startOffset)) apart; max_start_variation_minutes is \(spread)",
                      fix: "start the agent's shifts within \(Wording.duration(spread)) of each other (the other start is on line \(other.row.line))")
        }

        guard let contract = context.contracts[agent.contract] else { return }

        // Working days.
        if days.count > contract.maxDays {
            let firstBeyond = days[contract.maxDays]
            if let shift = shifts.first(where: { $0.day == firstBeyond }) {
                bag.error(shift.row.date.location,
                          "\(id) works \(Wording.plural(days.count, "day")) this week, more than the \(contract.maxDays) the \(contract.name) contract allows (max_days)",
                          fix: "give \(Wording.plural(days.count - contract.maxDays, "day")) to another agent")
            }
        }

        // Paid hours within the contract's bounds.
        var total = 0
        var passedMaximum: ResolvedShift?
        for shift in shifts {
            total += context.paidMinutes(forShiftMinutes: shift.lengthMinutes)
            if total > contract.maxMinutes, passedMaximum == nil { passedMaximum = shift }
        }
        if let shift = passedMaximum {
            bag.error(shift.row.paidHours.location,
                      "\(id) is paid \(Wording.duration(total)) this week, above the \(contract.name) contract's maximum of \(Wording.duration(contract.maxMinutes)) (this shift passes it)",
                      fix: "remove or shorten shifts worth \(Wording.duration(total - contract.maxMinutes))")
        }
        // Unreadable rows (already reported) could hold the missing hours: only judge a complete week.
        let complete = rows.count == shifts.count
        if total < contract.minMinutes, complete {
            if let last = shifts.max(by: { $0.row.line < $1.row.line }) {
                bag.error(last.row.paidHours.location,
                          "\(id) is paid \(Wording.duration(total)) this week, below the \(contract.name) contract's minimum of \(Wording.duration(contract.minMinutes))",
                          fix: "add shifts worth at least \(Wording.duration(contract.minMinutes - total))")
            } else {
                bag.error(sheet.headerLocation,
                          "\(id) has no shift this week, but the \(contract.name) contract's minimum is \(Wording.duration(contract.minMinutes)) paid",
                          fix: "roster \(agent.id) for at least \(Wording.duration(contract.minMinutes))")
            }
        }
    }

    /// Hours as a scenario writes them: `11`, `10.5`.
    static func hoursText(_ minutes: Int) -> String {
        (ExactDecimal(minutes).divided(by: 60, scale: 4, mode: .halfEven) ?? .zero).description
    }
}
