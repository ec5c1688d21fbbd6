public import Core
public import Rostering
import Staffing

/// The roster's CSV outputs (SPEC §6): `roster.csv`, `roster-grid.csv`, `coverage.csv`.
public enum RosterSheets {
    /// `agent_id,name,date,start,end,paid_hours,breaks`, one row per shift, agents in file order, then by date.
    public static func roster(_ roster: Roster, scenario: Scenario, bom: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["agent_id", "name", "date", "start", "end", "paid_hours", "breaks"], bom: bom)
        let grid = scenario.grid
        for shift in roster.shifts {
            let agent = scenario.agents[shift.agentIndex]
            let dayStart = LocalDateTime(date: grid.date(ofDay: shift.day), minuteOfDay: 0)
            w.append([
                .text(agent.id), .text(agent.name), .text(grid.date(ofDay: shift.day).description),
                .text(dayStart.adding(minutes: shift.startMinute).description),
                .text(dayStart.adding(minutes: shift.startMinute + shift.lengthMinutes).description),
                .number(hours(shift.paidMinutes)),
                .text(breaksText(shift)),
            ])
        }
        return w
    }

    /// `12:00-13:00;15:00-15:15` in wall-clock time.
    public static func breaksText(_ shift: RosteredShift) -> String {
        shift.breaks.sorted { $0.offsetMinutes < $1.offsetMinutes }.map { b in
            let from = ClockTime(minutes: shift.startMinute + b.offsetMinutes)
            let to = ClockTime(minutes: shift.startMinute + b.offsetMinutes + b.minutes)
            return "\(from.wallClock)-\(to.wallClock)"
        }.joined(separator: ";")
    }

    /// `08:00-17:00` in wall-clock time.
    public static func shiftText(_ shift: RosteredShift) -> String {
        "\(ClockTime(minutes: shift.startMinute).wallClock)-\(ClockTime(minutes: shift.startMinute + shift.lengthMinutes).wallClock)"
    }

    /// One row per agent, one column per day (`08:00-17:00` or `OFF`), then the week's paid hours.
    public static func grid(_ roster: Roster, scenario: Scenario, bom: Bool = false) -> CSVWriter {
        let grid = scenario.grid
        let days = (0..<TimeGrid.days).map { d -> String in
            let date = grid.date(ofDay: d)
            return "\(date.weekday.shortName) \(date)"
        }
        var w = CSVWriter(header: ["agent_id", "name", "contract"] + days + ["paid_hours"], bom: bom)
        var byAgent: [Int: [Int: RosteredShift]] = [:]
        for s in roster.shifts { byAgent[s.agentIndex, default: [:]][s.day] = s }
        for (a, agent) in scenario.agents.enumerated() {
            let mine = byAgent[a] ?? [:]
            var cells: [CSVCell] = [.text(agent.id), .text(agent.name), .text(agent.contract)]
            for d in 0..<TimeGrid.days {
                cells.append(.text(mine[d].map(shiftText) ?? "OFF"))
            }
            cells.append(.number(hours(mine.values.reduce(0) { $0 + $1.paidMinutes })))
            w.append(cells)
        }
        return w
    }

    /// `agent_id,name,date,before,after`: one row per agent-day whose shift differs from the
    /// `--baseline` roster (`08:00-17:00` or `OFF`), agents in file order, then by date.
    public static func changes(_ roster: Roster, scenario: Scenario, bom: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["agent_id", "name", "date", "before", "after"], bom: bom)
        let problem = RosterProblem(scenario: scenario, required: [], enumerateShifts: false)
        for change in ChangeRule.changes(roster, problem: problem) {
            let agent = scenario.agents[change.agent]
            w.append([.text(agent.id), .text(agent.name), .text(scenario.grid.date(ofDay: change.day).description),
                      .text(change.before?.hoursText ?? "OFF"), .text(change.after.map(shiftText) ?? "OFF")])
        }
        return w
    }

    /// Every interval of the week: requirement, agents on shift and on break, effective agents, shortfall, projected SL.
    public static func coverage(_ evaluation: RosterEvaluation, scenario: Scenario, bom: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["start", "required", "scheduled", "on_break", "effective", "shortfall", "projected_service_level"], bom: bom)
        for (i, row) in evaluation.intervals.enumerated() {
            w.append([
                .text(scenario.grid.start(of: i).description), .number(String(row.required)), .number(String(row.scheduled)),
                .number(String(row.onBreak)), .number(Format.fixed(row.effective, places: 4)), .number(String(row.shortfall)),
                row.serviceLevel.map { .number(Format.fixed($0, places: 4)) } ?? .empty,
            ])
        }
        return w
    }

    /// Minutes as hours with two decimals (`450` → `7.50`).
    public static func hours(_ minutes: Int) -> String {
        (ExactDecimal(minutes).divided(by: 60, scale: 2, mode: .halfEven) ?? .zero).plainText
    }
}
