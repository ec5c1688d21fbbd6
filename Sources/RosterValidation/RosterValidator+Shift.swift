import Core

/// The rules one shift must meet on its own: when it lies, how long it is, what it pays.
extension RosterValidator {
    /// The week, the `date` cell, the start grid, the windows and the agent's availability.
    static func checkPlacement(_ shift: ResolvedShift, _ context: Context, _ bag: inout DiagnosticBag) {
        let scenario = context.scenario
        let grid = scenario.grid
        let row = shift.row
        let text = Wording.shift(shift)

        if shift.day < grid.weekStart || shift.day > grid.weekEnd {
            bag.error(row.date.location, Texts.current(.rvOutsideWeek, who(shift), text, "\(grid.weekStart)", "\(grid.weekEnd)"), fix: Texts.current(.rvOutsideWeekFix))
        }
        if let date = row.date.value, date != shift.start.date {
            bag.error(row.start.location,
                      Texts.current(.rvOtherDay, who(shift), "\(date)", "\(shift.start)"),
                      fix: Texts.current(.rvOtherDayFix, "\(date)", Wording.clock(shift.start.minuteOfDay), "\(shift.start.date)"))
        }

        // Start grid: earliest_start + k × step of the shift's own day.
        let policy = context.shifts
        let step = max(1, policy.startStepMinutes)
        let offGrid = ((shift.startOffset - policy.earliestStart.minutes) % step + step) % step
        if offGrid != 0 {
            let before = shift.startOffset - offGrid
            bag.error(row.start.location,
                      Texts.current(.rvStartGrid, who(shift), text, "\(policy.earliestStart)", String(step)),
                      fix: Texts.current(.rvStartAtEither, Wording.offset(before), Wording.offset(before + step)))
        }

        // Windows: the agent's own narrows the scenario's, never widens it.
        var earliest = (policy.earliestStart.minutes, "shifts.earliest_start")
        if let own = shift.agent?.earliestStart, own.minutes > earliest.0 { earliest = (own.minutes, Texts.current(.rvOwnEarliest, who(shift))) }
        if shift.startOffset < earliest.0 {
            bag.error(row.start.location,
                      Texts.current(.rvTooEarly, who(shift), text, Wording.offset(earliest.0), earliest.1),
                      fix: Texts.current(.rvTooEarlyFix, Wording.offset(earliest.0)))
        }
        var latest = (policy.latestEnd.minutes, "shifts.latest_end")
        if let own = shift.agent?.latestEnd, own.minutes < latest.0 { latest = (own.minutes, Texts.current(.rvOwnLatest, who(shift))) }
        if shift.endOffset > latest.0 {
            // Past 24:00 the limit reads as hours from the start day's midnight.
            let measured = latest.0 > 1440 ? Texts.current(.rvMeasured, "\(shift.start.date)") : ""
            bag.error(row.end.location, Texts.current(.rvTooLate, who(shift), text, Wording.offset(latest.0), latest.1, measured),
                      fix: Texts.current(.rvTooLateFix, Wording.offset(latest.0)))
        }

        if let agent = shift.agent {
            if agent.unavailableDates.contains(shift.day) {
                bag.error(row.date.location, Texts.current(.rvUnavailable, who(shift), text, "\(shift.day)"), fix: Texts.current(.rvUnavailableFix))
            } else if agent.unavailableWeekdays.contains(shift.day.weekday) {
                bag.error(row.date.location,
                          Texts.current(.rvUnavailable, who(shift), text, Texts.current.weekday(shift.day.weekday)),
                          fix: Texts.current(.rvUnavailableFix))
            }
        }
    }

    /// The length must be among the scenario's and the agent's contract's.
    static func checkLength(_ shift: ResolvedShift, _ context: Context, _ bag: inout DiagnosticBag) {
        let length = shift.lengthMinutes
        let allowed = context.shifts.lengthsMinutes
        let contract = shift.agent.flatMap { context.contracts[$0.contract] }
        let text = Wording.shift(shift)
        let latest = min(context.shifts.latestEnd.minutes, shift.agent?.latestEnd?.minutes ?? Int.max)
        /// Where the shift could end instead, keeping its start and staying inside the window.
        func ends(_ lengths: [Int]) -> String {
            let inside = lengths.sorted().filter { shift.startOffset + $0 <= latest }
            guard !inside.isEmpty else {
                return Texts.current(.rvMakeLong, lengths.sorted().map(Wording.duration).joined(separator: Texts.current(.wordOr)), Wording.offset(latest))
            }
            return Texts.current(.rvEndAt, inside.map { Wording.clock(shift.startMinute + $0) }.joined(separator: Texts.current(.wordOr)))
        }
        if !allowed.contains(length) {
            let usable = contract.map { c in allowed.filter { c.lengthsMinutes.contains($0) } } ?? allowed
            bag.error(shift.row.end.location,
                      Texts.current(.rvLength, who(shift), text, Wording.duration(length), Wording.lengths(allowed)),
                      fix: ends(usable.isEmpty ? allowed : usable))
        } else if let contract, !contract.lengthsMinutes.contains(length) {
            bag.error(shift.row.end.location,
                      Texts.current(.rvContractLength, who(shift), text, Wording.duration(length), contract.name, Wording.lengths(contract.lengthsMinutes)),
                      fix: contract.lengthsMinutes.isEmpty ? Texts.current(.rvContractLengthNoneFix)
                          : Texts.current(.rvContractLengthFix, ends(contract.lengthsMinutes), Wording.duration(length)))
        }
    }

    /// `paid_hours` must be the length less the unpaid breaks the length takes (to the cent of an hour).
    static func checkPaidHours(_ shift: ResolvedShift, _ context: Context, _ bag: inout DiagnosticBag) {
        guard let written = shift.row.paidHours.value else { return }
        let length = shift.lengthMinutes
        let paid = context.paidMinutes(forShiftMinutes: length)
        // The file rounds to hundredths of an hour: accept anything within half a hundredth (0.3 min).
        let difference = written * ExactDecimal(60) - ExactDecimal(paid)
        let tolerance = ExactDecimal(mantissa: 3, scale: 1)
        guard difference > tolerance || difference < -tolerance else { return }
        let unpaid = context.breakRules(forShiftMinutes: length).filter { !$0.paid }
        let working = unpaid.isEmpty ? Texts.current(.rvNoUnpaid)
            : Texts.current(.rvLessUnpaid, Wording.duration(length),
                            unpaid.map { Texts.current(.rvBreakOf, $0.name, Wording.duration($0.minutes)) }.joined(separator: Texts.current(.wordAnd)))
        bag.error(shift.row.paidHours.location,
                  Texts.current(.rvPaid, who(shift), Wording.shift(shift), Wording.hours(paid), working, shift.row.paidHours.text),
                  fix: Texts.current(.rvWrite, Wording.hours(paid)))
    }
}
