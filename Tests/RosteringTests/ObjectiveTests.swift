import Testing
import Core
import Staffing
import TestSupport
@testable import Rostering

/// The objective of a roster written by hand, worked out by hand: labour, under- and overstaffing
/// and both preference terms priced.
@Suite struct ObjectiveTests {
    @Test func handWorkedRosterIsPricedTermByTerm() throws {
        var b = ScenarioBuilder()
        b.under = 100
        b.over = 7
        b.preferenceWeight = 3
        b.agents = [
            Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10, preferredDaysOff: [.mon], preferredStart: ClockTime(minutes: 9 * 60)),
            Agent(id: "A2", name: "Two", contract: "c", hourlyCost: 12),
        ]
        // Monday 08:00–12:00 needs 1 agent; Tuesday 08:00–10:00 needs 1.
        b.required = [0: [8: 1, 9: 1, 10: 1, 11: 1], 1: [8: 1, 9: 1]]
        let scenario = b.scenario()
        let requirements = StaffingCalculator.requirements(for: scenario)
        // A1 works Monday 08:00–16:00 (a preferred day off, an hour before the preferred start);
        // A2 works Tuesday 10:00–18:00, missing 08:00–10:00.
        let roster = Roster(shifts: [
            RosteredShift(agentIndex: 0, day: 0, startMinute: 480, lengthMinutes: 480, paidMinutes: 480, breaks: []),
            RosteredShift(agentIndex: 1, day: 1, startMinute: 600, lengthMinutes: 480, paidMinutes: 480, breaks: []),
        ])
        let e = RosterEvaluation(roster: roster, scenario: scenario, requirements: requirements)
        // Labour 8 h × 10 + 8 h × 12 = 176; under 2 h × 100 = 200; over (4 h Monday + 8 h Tuesday) × 7 = 84;
        // preferences 3 × (1 day off worked + 1 h drift) = 6. Total 466.
        #expect(e.labourCost == 176)
        #expect(e.understaffedAgentHours == 2)
        #expect(e.overstaffedAgentHours == 12)
        #expect(e.preferredDaysOffWorked == 1)
        #expect(e.preferredStartDriftHours == 1)
        #expect(e.objective == 466)
    }
}
