import Testing
import Core
@testable import Rostering

@Suite struct BreakPatternTests {
    /// A 9-hour shift, 60-minute lunch starting ≥ 2.5 h in and ending ≥ 2 h before the end, on a
    /// 30-minute grid: starts at 2.5, 3, …, 6 h → 8 placements.
    @Test func lunchPlacementsInsideTheWindow() {
        let lunch = BreakRule(name: "lunch", minutes: 60, paid: false, minShiftMinutes: 360, earliestAfterMinutes: 150, latestBeforeEndMinutes: 120)
        let patterns = ShiftType.breakPatterns(length: 540, rules: [lunch], intervalMinutes: 30)
        #expect(patterns.map { $0.placements[0].offsetMinutes } == [150, 180, 210, 240, 270, 300, 330, 360])
        #expect(ShiftType.breakPatterns(length: 240, rules: [lunch], intervalMinutes: 30).map(\.placements) == [[]])
        // 6 h: starts 2.5 h and 3 h.
        #expect(ShiftType.breakPatterns(length: 360, rules: [lunch], intervalMinutes: 30).count == 2)
    }

    @Test func twoBreaksNeverOverlap() {
        let a = BreakRule(name: "a", minutes: 60, paid: false, minShiftMinutes: 0, earliestAfterMinutes: 60, latestBeforeEndMinutes: 60)
        let b = BreakRule(name: "b", minutes: 60, paid: true, minShiftMinutes: 0, earliestAfterMinutes: 60, latestBeforeEndMinutes: 60)
        let patterns = ShiftType.breakPatterns(length: 300, rules: [a, b], intervalMinutes: 60)
        // Offsets 60..180 for each, not overlapping: (60,120) (60,180) (120,60) (120,180) (180,60) (180,120).
        #expect(patterns.count == 6)
        #expect(patterns.allSatisfy { $0.placements[0].offsetMinutes != $0.placements[1].offsetMinutes })
    }

    @Test func shiftStartsFollowTheScenarioGrid() {
        let policy = ShiftPolicy(lengthsMinutes: [240], startStepMinutes: 60, earliestStart: ClockTime(minutes: 450),
                                 latestEnd: ClockTime(minutes: 1020), breaks: [])
        // 07:30, 08:30, …, 12:30 (ends by 17:00); an agent window from 09:00 narrows but never shifts the grid.
        #expect(ShiftCatalog.options(day: 0, policy: policy).map(\.startMinute) == [450, 510, 570, 630, 690, 750])
        #expect(ShiftCatalog.options(day: 0, policy: policy, earliest: ClockTime(minutes: 540)).map(\.startMinute) == [570, 630, 690, 750])
    }
}
