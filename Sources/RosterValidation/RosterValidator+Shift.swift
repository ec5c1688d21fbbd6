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
            bag.error(row.date.location, "\(who(shift)) works \(text), outside the week \(grid.weekStart) – \(grid.weekEnd)",
                      fix: "move the shift into the week or delete the row")
        }
        if let date = row.date.value, date != shift.start.date {
            bag.error(row.start.location,
                      "\(who(shift))'s shift dated \(date) starts \(shift.start), on another day (`date` is the day the shift starts)",
                      fix: "make start \(date)T\(Wording.clock(shift.start.minuteOfDay)), or date \(shift.start.date)")
        }

        // Start grid: earliest_start + k × step of the shift's own day.
        let policy = context.shifts
        let step = max(1, policy.startStepMinutes)
        let offGrid = ((shift.startOffset - policy.earliestStart.minutes) % step + step) % step
        if offGrid != 0 {
            let before = shift.startOffset - offGrid
            bag.error(row.start.location,
                      "\(who(shift)) works \(text), but shifts start only at \(policy.earliestStart) + k × \(step) min (shifts.start_step_minutes)",
                      fix: "start at \(Wording.offset(before)) or \(Wording.offset(before + step))")
        }

        // Windows: the agent's own narrows the scenario's, never widens it.
        var earliest = (policy.earliestStart.minutes, "shifts.earliest_start")
        if let own = shift.agent?.earliestStart, own.minutes > earliest.0 { earliest = (own.minutes, "\(who(shift))'s earliest_start") }
        if shift.startOffset < earliest.0 {
            bag.error(row.start.location,
                      "\(who(shift)) works \(text), starting before \(Wording.offset(earliest.0)), the earliest start (\(earliest.1))",
                      fix: "start at \(Wording.offset(earliest.0)) or later")
        }
        var latest = (policy.latestEnd.minutes, "shifts.latest_end")
        if let own = shift.agent?.latestEnd, own.minutes < latest.0 { latest = (own.minutes, "\(who(shift))'s latest_end") }
        if shift.endOffset > latest.0 {
            // Past 24:00 the limit reads as hours from the start day's midnight.
            let measured = latest.0 > 1440 ? ", measured from \(shift.start.date)'s midnight" : ""
            bag.error(row.end.location,
                      "\(who(shift)) works \(text), ending after \(Wording.offset(latest.0)), the latest end (\(latest.1)\(measured))",
                      fix: "end by \(Wording.offset(latest.0))")
        }

        if let agent = shift.agent {
            if agent.unavailableDates.contains(shift.day) {
                bag.error(row.date.location, "\(who(shift)) works \(text), but is unavailable on \(shift.day) (the agent's `unavailable` list)",
                          fix: "give the shift to an available agent or delete the row")
            } else if agent.unavailableWeekdays.contains(shift.day.weekday) {
                bag.error(row.date.location,
                          "\(who(shift)) works \(text), but is unavailable on \(shift.day.weekday.shortName) (the agent's `unavailable` list)",
                          fix: "give the shift to an available agent or delete the row")
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
                return "make it \(lengths.sorted().map(Wording.duration).joined(separator: " or ")) long, starting early enough to end by \(Wording.offset(latest))"
            }
            return "end it at " + inside.map { Wording.clock(shift.startMinute + $0) }.joined(separator: " or ")
        }
        if !allowed.contains(length) {
            let usable = contract.map { c in allowed.filter { c.lengthsMinutes.contains($0) } } ?? allowed
            bag.error(shift.row.end.location,
                      "\(who(shift)) works \(text), a shift of \(Wording.duration(length)), but the scenario allows only \(Wording.lengths(allowed)) (shifts.lengths_hours)",
                      fix: ends(usable.isEmpty ? allowed : usable))
        } else if let contract, !contract.lengthsMinutes.contains(length) {
            bag.error(shift.row.end.location,
                      "\(who(shift)) works \(text), a shift of \(Wording.duration(length)), but the \(contract.name) contract allows only \(Wording.lengths(contract.lengthsMinutes))",
                      fix: contract.lengthsMinutes.isEmpty ? "give the shift to an agent whose contract allows it"
                          : "\(ends(contract.lengthsMinutes)), or give it to an agent whose contract allows \(Wording.duration(length))")
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
        let working = unpaid.isEmpty ? "no unpaid break applies to it"
            : Wording.duration(length) + " less the unpaid " + unpaid.map { "\($0.name) of \(Wording.duration($0.minutes))" }.joined(separator: " and ")
        bag.error(shift.row.paidHours.location,
                  "\(who(shift)) works \(Wording.shift(shift)), which is paid \(Wording.hours(paid)) h (\(working)), but paid_hours says \(shift.row.paidHours.text)",
                  fix: "write \(Wording.hours(paid))")
    }
}
