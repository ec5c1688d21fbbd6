import Testing
import Core
import Rostering
import Reports
import RosterValidation
import ScenarioIO
import Staffing
import TestSupport
@testable import Shiftwise

/// Each hard rule, on a small week where the cheapest roster would break it if it were not enforced.
@Suite struct HardRuleTests {
    /// Solves, and checks the roster with the independent validator (every roster a test produces must pass it).
    func solve(_ builder: ScenarioBuilder) throws -> (Roster, Scenario) {
        let scenario = builder.scenario()
        let requirements = StaffingCalculator.requirements(for: scenario)
        let solution = try RosterSolver.solve(scenario: scenario, requirements: requirements, timeLimitSeconds: 30, mipGap: 0)
        let sheet = try RosterSheetReader.parse(RosterSheets.roster(solution.roster, scenario: scenario).text, file: "roster.csv")
        let violations = (sheet.diagnostics + RosterValidator.validate(sheet.sheet, scenario: scenario)).filter { $0.severity == .error }
        #expect(violations.isEmpty, "\(violations)")
        return (solution.roster, scenario)
    }

    /// Late on Monday and early on Tuesday need someone; one agent with two 8-hour shifts a week.
    @Test func minimumRestBetweenShifts() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "c", minMinutes: 960, maxMinutes: 960, maxDays: 2, lengthsMinutes: [480])]
        b.required = [0: [21: 1, 22: 1, 23: 1], 1: [6: 1, 7: 1, 8: 1]]
        let (roster, _) = try solve(b)
        #expect(roster.shifts.count == 2)
        let sorted = roster.shifts.sorted { $0.absoluteStart < $1.absoluteStart }
        for (x, y) in zip(sorted, sorted.dropFirst()) {
            #expect(y.absoluteStart - x.absoluteEnd >= 11 * 60, "rest \(y.absoluteStart - x.absoluteEnd) min")
        }
        // Without the rule it would pay to work Mon 16:00–24:00 and Tue 06:00–14:00 (6 h apart).
        var loose = b
        loose.rules = WorkRules(minRestMinutes: 0, maxConsecutiveDays: 7)
        let (free, _) = try solve(loose)
        let freeSorted = free.shifts.sorted { $0.absoluteStart < $1.absoluteStart }
        #expect(zip(freeSorted, freeSorted.dropFirst()).contains { $1.absoluteStart - $0.absoluteEnd < 11 * 60 })
    }

    @Test func maximumConsecutiveDays() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "c", minMinutes: 4 * 480, maxMinutes: 6 * 480, maxDays: 6, lengthsMinutes: [480])]
        b.rules = WorkRules(minRestMinutes: 0, maxConsecutiveDays: 3)
        b.required = Dictionary(uniqueKeysWithValues: (0..<7).map { ($0, [9: 1, 10: 1]) })
        let (roster, _) = try solve(b)
        let days = Set(roster.shifts.map(\.day))
        var run = 0, longest = 0
        for d in 0..<7 { run = days.contains(d) ? run + 1 : 0; longest = max(longest, run) }
        #expect(longest <= 3)
        #expect(days.count >= 4)
    }

    @Test func unavailableDaysAreNeverWorked() throws {
        var b = ScenarioBuilder()
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10, unavailableDates: [b.weekStart.adding(days: 2)], unavailableWeekdays: [.fri])]
        b.required = [2: [9: 1], 4: [9: 1], 3: [9: 1]]
        let (roster, _) = try solve(b)
        #expect(!roster.shifts.contains { $0.day == 2 || $0.day == 4 })
        #expect(roster.shifts.contains { $0.day == 3 })
    }

    @Test func agentWindowAndContractLengths() throws {
        var b = ScenarioBuilder()
        b.lengths = [240, 480]
        b.contracts = [Contract(name: "c", minMinutes: 0, maxMinutes: 2400, maxDays: 5, lengthsMinutes: [240])]
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10, latestEnd: ClockTime(minutes: 15 * 60))]
        b.required = [0: [18: 1, 19: 1, 13: 1, 14: 1]]
        let (roster, _) = try solve(b)
        #expect(roster.shifts.allSatisfy { $0.lengthMinutes == 240 && $0.startMinute + $0.lengthMinutes <= 15 * 60 })
        #expect(roster.shifts.contains { $0.day == 0 })
    }

    @Test func contractHoursAndMaxDays() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "c", minMinutes: 3 * 480, maxMinutes: 3 * 480, maxDays: 3, lengthsMinutes: [480])]
        // Demand on every day, but the contract allows exactly three 8-hour days; also a minimum
        // that has to be worked even where nothing is needed.
        b.required = [0: [9: 1], 1: [9: 1], 2: [9: 1], 3: [9: 1], 4: [9: 1]]
        let (roster, _) = try solve(b)
        #expect(roster.shifts.count == 3)
        #expect(roster.shifts.reduce(0) { $0 + $1.paidMinutes } == 1440)
        var idle = b
        idle.required = [:]
        let (forced, _) = try solve(idle)
        #expect(forced.shifts.count == 3)
    }

    @Test func atMostOneShiftPerDayAndBreaksInTheirWindows() throws {
        var b = ScenarioBuilder()
        b.intervalMinutes = 30
        b.step = 30
        b.breaks = [BreakRule(name: "lunch", minutes: 60, paid: false, minShiftMinutes: 360, earliestAfterMinutes: 150, latestBeforeEndMinutes: 120)]
        b.contracts = [Contract(name: "c", minMinutes: 0, maxMinutes: 2400, maxDays: 5, lengthsMinutes: [480])]
        // Morning and evening demand on Monday: one agent cannot do both.
        b.required = [0: [14: 1, 15: 1, 40: 1, 41: 1]]
        let (roster, _) = try solve(b)
        #expect(roster.shifts.filter { $0.day == 0 }.count == 1)
        for s in roster.shifts {
            #expect(s.breaks.count == 1)
            for br in s.breaks {
                #expect(br.offsetMinutes >= 150 && br.offsetMinutes + br.minutes <= s.lengthMinutes - 120)
            }
            #expect(s.paidMinutes == s.lengthMinutes - 60)
        }
    }

    @Test func infeasibleContractIsExplainedInWords() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "part-time", minMinutes: 20 * 60, maxMinutes: 30 * 60, maxDays: 5, lengthsMinutes: [480])]
        b.agents = [Agent(id: "A17", name: "Seventeen", contract: "part-time", hourlyCost: 10, unavailableWeekdays: [.mon, .tue, .wed, .thu, .fri])]
        let scenario = b.scenario()
        #expect {
            try RosterSolver.solve(scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario), timeLimitSeconds: 10, mipGap: 0)
        } throws: { error in
            guard case RosterFailure.infeasible(let reasons) = error else { return false }
            return reasons == ["agent A17: contract part-time needs ≥ 20 h but only 2 days are available (at most 16 h with the longest allowed shifts)"]
        }
    }

    @Test func noAllowedShiftIsExplainedInWords() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "full-time", minMinutes: 8 * 60, maxMinutes: 40 * 60, maxDays: 5, lengthsMinutes: [480])]
        b.agents = [Agent(id: "A9", name: "Nine", contract: "full-time", hourlyCost: 10,
                          earliestStart: ClockTime(minutes: 12 * 60), latestEnd: ClockTime(minutes: 15 * 60))]
        let scenario = b.scenario()
        #expect {
            try RosterSolver.solve(scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario), timeLimitSeconds: 10, mipGap: 0)
        } throws: { error in
            guard case RosterFailure.infeasible(let reasons) = error else { return false }
            return reasons == ["agent A9: contract full-time needs ≥ 8 h but no shift of its lengths (8 h) fits the window 12:00–15:00 on the start grid"]
        }
    }

    /// Two days off in a row are free for the cheapest roster only if the rule is kept: the
    /// requirement asks for someone on Mon, Wed, Fri and Sun, and the agent must work 4 days.
    @Test func daysOffInARow() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "c", minMinutes: 4 * 480, maxMinutes: 4 * 480, maxDays: 5, lengthsMinutes: [480])]
        b.rules = WorkRules(minRestMinutes: 11 * 60, maxConsecutiveDays: 7, minDaysOffInARow: 2)
        b.required = [0: [9: 1], 2: [9: 1], 4: [9: 1], 6: [9: 1]]
        let (roster, _) = try solve(b)
        let days = Set(roster.shifts.map(\.day))
        var run = 0, longest = 0
        for d in 0..<7 { run = days.contains(d) ? 0 : run + 1; longest = max(longest, run) }
        #expect(longest >= 2, "days worked \(days.sorted())")
        // Without the rule the four days asked for are worked, leaving single days off.
        var loose = b
        loose.rules = WorkRules(minRestMinutes: 11 * 60, maxConsecutiveDays: 7)
        let (free, _) = try solve(loose)
        #expect(Set(free.shifts.map(\.day)) == [0, 2, 4, 6])
    }

    /// Mornings on Monday and evenings on Tuesday are asked for; starts may differ by 2 hours at most.
    @Test func startVariation() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "c", minMinutes: 2 * 480, maxMinutes: 2 * 480, maxDays: 5, lengthsMinutes: [480])]
        b.rules = WorkRules(minRestMinutes: 0, maxConsecutiveDays: 7, maxStartVariationMinutes: 120)
        b.required = [0: [6: 1, 7: 1, 8: 1], 1: [14: 1, 15: 1, 16: 1, 17: 1, 18: 1, 19: 1, 20: 1, 21: 1]]
        let (roster, _) = try solve(b)
        let starts = roster.shifts.map(\.startMinute)
        #expect((starts.max() ?? 0) - (starts.min() ?? 0) <= 120, "starts \(starts)")
        var loose = b
        loose.rules = WorkRules(minRestMinutes: 0, maxConsecutiveDays: 7)
        let (free, _) = try solve(loose)
        let freeStarts = free.shifts.map(\.startMinute)
        #expect((freeStarts.max() ?? 0) - (freeStarts.min() ?? 0) > 120)
    }

    @Test func impossibleDaysOffRunIsExplainedInWords() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "full-time", minMinutes: 5 * 480, maxMinutes: 5 * 480, maxDays: 5, lengthsMinutes: [480])]
        b.rules = WorkRules(minRestMinutes: 11 * 60, maxConsecutiveDays: 7, minDaysOffInARow: 2)
        b.agents = [Agent(id: "A17", name: "Seventeen", contract: "full-time", hourlyCost: 10, unavailableWeekdays: [.wed, .sun])]
        let scenario = b.scenario()
        #expect {
            try RosterSolver.solve(scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario), timeLimitSeconds: 10, mipGap: 0)
        } throws: { error in
            guard case RosterFailure.infeasible(let reasons) = error else { return false }
            return reasons == ["agent A17: 2 days off in a row are impossible with contract full-time needing ≥ 40 h (at least 5 working days with the longest allowed shift) and 5 days the agent can work (no shift possible on Wed, Sun) (min_days_off_in_a_row 2)"]
        }
    }
}
