import Testing
import Foundation
import Core
import Rostering
import Reports
import RosterValidation
import ScenarioIO
import Staffing
import LinearModel
import TestSupport
@testable import Shiftwise

/// Overnight shifts belong to the day they start; a roster that breaks a hard rule is never written.
@Suite struct HonestRosterTests {
    /// A desk open 20:00–06:00 with 4-hour shifts: starts run 20:00…23:00 of each day, never 00:00–02:00
    /// of the next day under the previous day's date; every roster passes the independent validator.
    @Test func overnightShiftsStartBeforeMidnightOfTheirDay() throws {
        var b = ScenarioBuilder()
        b.lengths = [240]
        b.earliest = 20 * 60
        b.latest = 30 * 60
        b.contracts = [Contract(name: "c", minMinutes: 0, maxMinutes: 7 * 240, maxDays: 7, lengthsMinutes: [240])]
        b.rules = WorkRules(minRestMinutes: 8 * 60, maxConsecutiveDays: 7)
        b.required = Dictionary(uniqueKeysWithValues: (0..<7).map { ($0, [21: 1, 22: 1, 23: 1]) })
        b.agents = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10), Agent(id: "A2", name: "Two", contract: "c", hourlyCost: 11)]
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: StaffingCalculator.requirements(for: scenario).map(\.agentsScheduled))
        #expect(Set(problem.shiftTypes.map(\.startMinute)) == [1200, 1260, 1320, 1380])
        let solution = try RosterSolver.solve(scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario), timeLimitSeconds: 30, mipGap: 0)
        #expect(!solution.roster.shifts.isEmpty)
        let text = RosterSheets.roster(solution.roster, scenario: scenario).text
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",")
            #expect(cells[3].hasPrefix(cells[2]), "the shift starts on its date: \(line)")
        }
        let sheet = try RosterSheetReader.parse(text, file: "roster.csv")
        #expect((sheet.diagnostics + RosterValidator.validate(sheet.sheet, scenario: scenario)).filter { $0.severity == .error }.isEmpty)
        #expect(solution.stoppedBy == .gap && solution.status == .optimal)
        #expect(solution.bound <= solution.objective + 1e-6)
    }

    /// A roster that breaks the rest rule (Mon 16:00–24:00, Tue 06:00–14:00) is refused by the
    /// writer with exit 70's failure, and no file of the set reaches the folder.
    @Test func aRosterBreakingAHardRuleIsNeverWritten() throws {
        var b = ScenarioBuilder()
        b.contracts = [Contract(name: "c", minMinutes: 960, maxMinutes: 960, maxDays: 2, lengthsMinutes: [480])]
        let scenario = b.scenario()
        let requirements = StaffingCalculator.requirements(for: scenario)
        let roster = Roster(shifts: [
            RosteredShift(agentIndex: 0, day: 0, startMinute: 16 * 60, lengthMinutes: 480, paidMinutes: 480, breaks: []),
            RosteredShift(agentIndex: 0, day: 1, startMinute: 6 * 60, lengthMinutes: 480, paidMinutes: 480, breaks: []),
        ])
        let evaluation = RosterEvaluation(roster: roster, scenario: scenario, requirements: requirements)
        let solution = RosterSolver.Solution(roster: roster, evaluation: evaluation, status: .feasible, bound: 0, buildSeconds: 0, solveSeconds: 0,
                                             modelSize: (0, 0, 0), terms: [], stoppedBy: .searchLimit)
        let folder = NSTemporaryDirectory() + "shiftwise-broken-" + UUID().uuidString
        let set = try OutputSet(folder, owner: "roster")
        #expect {
            _ = try RosterUseCase.writeReports(scenario: scenario, solution: solution, into: set, subfolder: nil, run: 1)
        } throws: { error in
            guard case RosterFailure.breaksHardRules(let found) = error else { return false }
            return failureCategory(of: error) == .internalFailure && found.contains { $0.contains("rest") }
        }
        set.discard()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
