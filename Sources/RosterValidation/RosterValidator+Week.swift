import Core

/// The rules over an agent's whole week: one shift a day, contract hours and days, rest, consecutive days.
extension RosterValidator {
    static func checkWeek(of agent: Agent, shifts unsorted: [ResolvedShift], rows: [RosterSheet.Row], sheet: RosterSheet,
                          _ context: Context, _ bag: inout DiagnosticBag) {
        let shifts = unsorted.sorted { ($0.startMinute, $0.row.line) < ($1.startMinute, $1.row.line) }
        let id = Wording.agent(agent.id)

        // At most one shift per day.
        var firstOfDay: [LocalDate: ResolvedShift] = [:]
        for shift in unsorted.sorted(by: { $0.row.line < $1.row.line }) {
            if let first = firstOfDay[shift.day] {
                bag.error(shift.row.date.location,
                          Texts.current(.rvSecondShift, id, Wording.shift(shift), "\(shift.day)", Wording.hours(of: first), String(first.row.line)),
                          fix: Texts.current(.rvSecondShiftFix))
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
                ? Texts.current(.rvOverlap, id, Wording.shift(next), Wording.shift(previous))
                : Texts.current(.rvShortRest, id, Wording.shift(next), Wording.duration(gap), "\(previous.end)")
            bag.error(next.row.start.location, message + Texts.current(.rvMinRest, hoursText(rest)),
                      fix: Texts.current(.rvRestFix, "\(previous.end.adding(minutes: rest))", String(previous.row.line)))
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
                          Texts.current(.rvConsecutive, id, String(length), "\(days[runStart])", "\(days[i])", String(limit)),
                          fix: Texts.current(.rvConsecutiveFix, "\(firstBeyond)"))
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
                          Texts.current(.rvDaysOff, id, String(needed), Wording.count(longest, .rvDay, .rvDays)),
                          fix: Texts.current(.rvDaysOffFix, String(needed)))
            }
        }

        // Start times (time of day) within the allowed spread.
        if let spread = context.scenario.rules.maxStartVariationMinutes,
           let earliest = shifts.min(by: { ($0.startOffset, $0.row.line) < ($1.startOffset, $1.row.line) }),
           let latest = shifts.max(by: { ($0.startOffset, -$0.row.line) < ($1.startOffset, -$1.row.line) }),
           latest.startOffset - earliest.startOffset > spread {
            let (located, other) = latest.row.line > earliest.row.line ? (latest, earliest) : (earliest, latest)
            bag.error(located.row.start.location,
                      Texts.current(.rvStartSpread, id, Wording.clock(located.startOffset), "\(located.day)", Wording.clock(other.startOffset), "\(other.day)",
                                    Wording.duration(latest.startOffset - earliest.startOffset), String(spread)),
                      fix: Texts.current(.rvStartSpreadFix, Wording.duration(spread), String(other.row.line)))
        }

        guard let contract = context.contracts[agent.contract] else { return }

        // Working days.
        if days.count > contract.maxDays {
            let firstBeyond = days[contract.maxDays]
            if let shift = shifts.first(where: { $0.day == firstBeyond }) {
                bag.error(shift.row.date.location,
                          Texts.current(.rvMaxDays, id, Wording.count(days.count, .rvDay, .rvDays), String(contract.maxDays), contract.name),
                          fix: Texts.current(.rvMaxDaysFix, Wording.count(days.count - contract.maxDays, .rvDay, .rvDays)))
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
                      Texts.current(.rvAboveMax, id, Wording.duration(total), contract.name, Wording.duration(contract.maxMinutes)),
                      fix: Texts.current(.rvAboveMaxFix, Wording.duration(total - contract.maxMinutes)))
        }
        // Unreadable rows (already reported) could hold the missing hours: only judge a complete week.
        let complete = rows.count == shifts.count
        if total < contract.minMinutes, complete {
            if let last = shifts.max(by: { $0.row.line < $1.row.line }) {
                bag.error(last.row.paidHours.location,
                          Texts.current(.rvBelowMin, id, Wording.duration(total), contract.name, Wording.duration(contract.minMinutes)),
                          fix: Texts.current(.rvBelowMinFix, Wording.duration(contract.minMinutes - total)))
            } else {
                bag.error(sheet.headerLocation,
                          Texts.current(.rvNoShift, id, contract.name, Wording.duration(contract.minMinutes)),
                          fix: Texts.current(.rvNoShiftFix, agent.id, Wording.duration(contract.minMinutes)))
            }
        }
    }

    /// Hours as a scenario writes them: `11`, `10.5`.
    static func hoursText(_ minutes: Int) -> String {
        (ExactDecimal(minutes).divided(by: 60, scale: 4, mode: .halfEven) ?? .zero).description
    }
}
