public import Core

/// Checks a roster, as a file states it, against every hard rule of a scenario (SPEC §6, §4.1).
///
/// An independent re-derivation of the rules from the scenario alone: it shares no code with
/// the model that builds rosters, so a roster the optimizer wrote and a roster edited by hand
/// are judged the same way. Every violation is reported, located at the offending cell.
///
///     let findings = RosterValidator.validate(sheet, scenario: scenario)
///     // roster.csv:14:5: error: agent A017 works 2026-12-01 07:00–16:00 but only 10 h 30 min after …
public enum RosterValidator {
    /// Every hard-rule violation in `sheet`, one diagnostic each, in file order.
    ///
    /// Rules per shift: the agent exists; the shift starts on its `date`, inside the week, on the
    /// start grid, inside the scenario's and the agent's windows; its length is allowed by the
    /// scenario and the contract; the agent is available that day; `paid_hours` is the length
    /// less the unpaid breaks that apply; each applicable break is taken once, on the interval
    /// grid, inside its window and the shift, without overlaps. Rules per agent and week: at most
    /// one shift a day, paid hours within the contract's bounds, working days ≤ `max_days`, rest
    /// between shifts ≥ `min_rest_hours`, consecutive days ≤ `max_consecutive_days`.
    ///
    /// Cells the reader could not read (nil values) are skipped by the checks that need them.
    /// A name that differs from the scenario's is a warning, not a violation.
    ///
    /// - Parameters:
    ///   - sheet: The roster rows with their locations.
    ///   - scenario: The scenario whose rules apply.
    /// - Returns: Errors (violations) and warnings, sorted by line and column.
    /// - Complexity: O(r log r + a) for r rows and a agents, breaks per shift being few.
    public static func validate(_ sheet: RosterSheet, scenario: Scenario) -> [Diagnostic] {
        let context = Context(scenario: scenario)
        var bag = DiagnosticBag()
        var shifts: [String: [ResolvedShift]] = [:]
        var rows: [String: [RosterSheet.Row]] = [:]
        for row in sheet.rows {
            let agent = checkAgent(row, context, &bag)
            if let agent { rows[agent.id, default: []].append(row) }
            guard let shift = ResolvedShift(row: row, agent: agent), checkEndAfterStart(shift, &bag) else { continue }
            checkPlacement(shift, context, &bag)
            checkLength(shift, context, &bag)
            checkPaidHours(shift, context, &bag)
            checkBreaks(shift, context, &bag)
            if let agent { shifts[agent.id, default: []].append(shift) }
        }
        for agent in scenario.agents {
            checkWeek(of: agent, shifts: shifts[agent.id] ?? [], rows: rows[agent.id] ?? [], sheet: sheet, context, &bag)
        }
        checkPins(shifts, sheet: sheet, context, &bag)
        return inFileOrder(bag.items)
    }

    /// Every pinned shift (`--pin`) is in the roster exactly: same start and end, same breaks when the pin gives them.
    static func checkPins(_ shifts: [String: [ResolvedShift]], sheet: RosterSheet, _ context: Context, _ bag: inout DiagnosticBag) {
        let grid = context.scenario.grid
        for pin in context.scenario.pins {
            let date = grid.date(ofDay: pin.day)
            let start = LocalDateTime(date: date, minuteOfDay: pin.startMinute)
            let end = start.adding(minutes: pin.lengthMinutes)
            let text = "\(date) \(Wording.clock(pin.startMinute))–\(Wording.clock(pin.startMinute + pin.lengthMinutes))"
            guard let shift = shifts[pin.agentID]?.first(where: { $0.day == date }) else {
                bag.error(sheet.headerLocation, Texts.current(.rvPinMissing, pin.agentID, "\(date)", text, "\(pin.source)"), fix: Texts.current(.rvPinMissingFix))
                continue
            }
            if shift.start != start || shift.end != end {
                bag.error(shift.row.start.location, Texts.current(.rvPinMoved, pin.agentID, Wording.shift(shift), text, "\(pin.source)"),
                          fix: Texts.current(.rvPinMovedFix, "\(start)", "\(end)"))
                continue
            }
            if let breaks = pin.breaks, let actual = shift.breaks {
                let wanted = breaks.map { [$0.offsetMinutes, $0.minutes] }
                let found = actual.map { [$0.start - shift.startMinute, $0.minutes] }
                if wanted != found {
                    bag.error(shift.row.breaks.location, Texts.current(.rvPinBreaks, pin.agentID, "\(date)", "\(pin.source)"), fix: Texts.current(.rvPinBreaksFix))
                }
            }
        }
    }

    /// Diagnostics sorted by file, line and column; findings at the same cell keep their order.
    ///
    /// - Complexity: O(n log n).
    public static func inFileOrder(_ items: [Diagnostic]) -> [Diagnostic] {
        items.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }

    /// The scenario with its agents and contracts looked up by name.
    struct Context {
        let scenario: Scenario
        let agents: [String: Agent]
        let contracts: [String: Contract]

        init(scenario: Scenario) {
            self.scenario = scenario
            agents = Dictionary(scenario.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            contracts = Dictionary(scenario.contracts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }

        var shifts: ShiftPolicy { scenario.shifts }

        /// The break rules a shift of `minutes` takes (its length reaches their `min_shift_hours`).
        func breakRules(forShiftMinutes minutes: Int) -> [BreakRule] {
            shifts.breaks.filter { minutes >= $0.minShiftMinutes }
        }

        /// Length less the unpaid breaks that apply: what the agent is paid for.
        func paidMinutes(forShiftMinutes minutes: Int) -> Int {
            minutes - breakRules(forShiftMinutes: minutes).filter { !$0.paid }.reduce(0) { $0 + $1.minutes }
        }
    }

    /// The row's agent, or an error when the scenario has no such agent.
    static func checkAgent(_ row: RosterSheet.Row, _ context: Context, _ bag: inout DiagnosticBag) -> Agent? {
        guard let id = row.agentID.value else { return nil }
        guard let agent = context.agents[id] else {
            let hint = closestMatch(to: id, in: context.scenario.agents.map(\.id)).map { Texts.current(.rvUnknownAgentHint, $0) } ?? ""
            bag.error(row.agentID.location, Texts.current(.rvUnknownAgent, id, context.scenario.name), fix: Texts.current(.rvUnknownAgentFix, hint))
            return nil
        }
        if let name = row.name.value, name != agent.name {
            bag.warning(row.name.location, Texts.current(.rvName, id, agent.name, name), fix: Texts.current(.rvNameFix, id))
        }
        return agent
    }

    /// False (after an error) when the shift does not end after it starts; nothing else can be judged then.
    static func checkEndAfterStart(_ shift: ResolvedShift, _ bag: inout DiagnosticBag) -> Bool {
        guard shift.endMinute <= shift.startMinute else { return true }
        bag.error(shift.row.end.location,
                  Texts.current(.rvEndBeforeStart, who(shift), "\(shift.start)", "\(shift.end)"),
                  fix: Texts.current(.rvEndBeforeStartFix, "\(shift.start.date.adding(days: 1))", Wording.clock(shift.end.minuteOfDay)))
        return false
    }

    /// `agent A1`, or `row N` when the agent is unknown.
    static func who(_ shift: ResolvedShift) -> String {
        Wording.agent(shift.agent?.id ?? (shift.row.agentID.text.isEmpty ? Texts.current(.rvNone) : shift.row.agentID.text))
    }
}
