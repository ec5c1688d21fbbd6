import Testing
import Foundation
import Core
import GLPKSolver
import LinearModel
@testable import Rostering
import Reports
import RosterValidation
import ScenarioIO
import Staffing
import TestSupport

/// The dive run twice at once: GLPK's default ratio test on the caller's thread and the textbook one
/// beside it; the cheaper roster is kept.
@Suite struct SecondDiveTests {
    /// How a spy's dive goes: GLPK with Harris's ratio test or the textbook one, a dive that solves no
    /// master (gives nothing), or one that fails.
    enum Dive: Sendable { case harris, textbook, nothing, fails }

    /// What the spies saw: each dive's role, thread and times, and the threads that freed their solver state.
    final class Log: @unchecked Sendable {
        struct Entry { let role: String, thread: ObjectIdentifier, started: ContinuousClock.Instant, ended: ContinuousClock.Instant }
        private let lock = NSLock()
        private var dives: [Entry] = []
        private var freed: [ObjectIdentifier] = []
        func add(_ entry: Entry) { lock.withLock { dives.append(entry) } }
        func threadEnded() { lock.withLock { freed.append(ObjectIdentifier(Thread.current)) } }
        var entries: [Entry] { lock.withLock { dives } }
        var threadsFreed: [ObjectIdentifier] { lock.withLock { freed } }
    }

    /// GLPK for everything but the dives, which go as `dive` says; its second diver dives as `second` (nil: none).
    struct Spy: MIPSolver, GLPKColumns {
        let role: String
        let dive: Dive
        let second: Dive?
        let log: Log

        func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> SolveResult {
            try GLPKSolver().solve(model, options: options)
        }
        func dive(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                  price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                  settle: (_ values: [Double]) -> ColumnGeneration.Settle?) throws(SolverError) -> ColumnGeneration.Result? {
            let started = ContinuousClock.now
            defer { log.add(Log.Entry(role: role, thread: ObjectIdentifier(Thread.current), started: started, ended: .now)) }
            switch dive {
            case .harris, .textbook:
                return try GLPKSolver(textbookDives: dive == .textbook)
                    .dive(master: master, timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: price, settle: settle)
            case .nothing:
                return nil
            case .fails:
                // Long enough that the other dive, started at the same time, is still running when this one fails.
                Thread.sleep(forTimeInterval: 0.05)
                throw SolverError(.solverFailure, "the \(role) dive failed")
            }
        }
        var secondDiver: (any ColumnGenerationSolver)? { second.map { Spy(role: "second", dive: $0, second: nil, log: log) } }
        func threadEnds() { log.threadEnded() }
    }

    /// Agents over a week, two days off in a row and starts within three hours: a week whose
    /// first rosters leave a gap above 0.5 %, so the dive runs (its rows make the dive come first); the
    /// searches stop at 0.5 %.
    static func scenario(seed: UInt64 = 2, agents: Int = 18) -> Scenario {
        var rng = SplitMix64(seed: seed)
        var b = ScenarioBuilder()
        b.lengths = [480]
        b.earliest = 6 * 60
        b.latest = 24 * 60
        b.step = 60
        b.contracts = [Contract(name: "c", minMinutes: 4 * 480, maxMinutes: 5 * 480, maxDays: 5, lengthsMinutes: [480])]
        b.rules = WorkRules(minRestMinutes: 11 * 60, maxConsecutiveDays: 6, minDaysOffInARow: 2, maxStartVariationMinutes: 180)
        b.under = 100
        b.preferenceWeight = 5
        b.agents = (0..<agents).map { k in
            Agent(id: "A\(k + 1)", name: "Agent \(k + 1)", contract: "c", hourlyCost: ExactDecimal(20 + Int(rng.unit() * 10)),
                  preferredStart: rng.unit() < 0.4 ? ClockTime(minutes: (7 + Int(rng.unit() * 10)) * 60) : nil)
        }
        var required: [Int: [Int: Int]] = [:]
        for d in 0..<7 {
            var slots: [Int: Int] = [:]
            for h in 6..<24 { slots[h] = max(0, Int((5 - abs(Double(h) - 14) / 2.5 + rng.unit() * 3).rounded()) - (d >= 5 ? 2 : 0)) }
            required[d] = slots
        }
        b.required = required
        return b.scenario()
    }

    /// The search with `solver`: its roster, and the objective its progress gives after the dive.
    static func search(_ solver: Spy, scenario: Scenario = scenario(), mipGap: Double = 0.005) throws -> (solution: RosterSearch.Solution, dived: Double) {
        let lines = Lines()
        let solution = try RosterSearch.solve(scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario), timeLimitSeconds: 120,
                                              mipGap: mipGap, solver: solver, progress: { lines.add($0) })
        let line = try #require(lines.all.first { $0.hasPrefix("diving over the week master: roster ") }, "the dive ran: \(lines.all)")
        let number = line.dropFirst("diving over the week master: roster ".count).prefix { $0 != " " }
        return (solution, try #require(Double(number)))
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// The roster after the dives is the cheaper of what each dive alone gives (each run alone is the oracle),
    /// the second dive runs on a thread of its own while the first runs and frees its solver state there, and
    /// the whole search keeps every rule (the independent validator) and gives the same roster again. On
    /// seed 1 the first path's dive is the cheaper (16,764 against 16,876), on seed 12 the second's (16,133
    /// against 16,138).
    @Test(arguments: [UInt64(1), 12])
    func theCheaperOfTwoDivesIsKept(seed: UInt64) throws {
        let scenario = Self.scenario(seed: seed)
        let harris = try Self.search(Spy(role: "first", dive: .harris, second: nil, log: Log()), scenario: scenario)
        let textbook = try Self.search(Spy(role: "first", dive: .textbook, second: nil, log: Log()), scenario: scenario)
        // The two paths settle rosters of different costs (else this test would not tell them apart).
        #expect(harris.dived != textbook.dived)
        let log = Log()
        let both = try Self.search(Spy(role: "first", dive: .harris, second: .textbook, log: log), scenario: scenario)
        #expect(both.dived == min(harris.dived, textbook.dived))
        let entries = log.entries
        let first = try #require(entries.first { $0.role == "first" })
        let second = try #require(entries.first { $0.role == "second" })
        #expect(first.thread != second.thread)
        #expect(second.started < first.ended && first.started < second.ended, "the dives overlap in time")
        #expect(log.threadsFreed.contains(second.thread) && !log.threadsFreed.contains(first.thread))
        let sheet = try RosterSheetReader.parse(RosterSheets.roster(both.solution.roster, scenario: scenario).text, file: "roster.csv")
        let problems = (sheet.diagnostics + RosterValidator.validate(sheet.sheet, scenario: scenario)).filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(problems)")
        let again = try Self.search(Spy(role: "first", dive: .harris, second: .textbook, log: Log()), scenario: scenario)
        #expect(again.solution.roster.shifts == both.solution.roster.shifts)
    }

    /// Neighbourhoods are dived two at a time: with the gap to close at 0, seed 2 reaches them, and dives
    /// over groups run on a second thread while others run on the search's own; the roster keeps every rule
    /// and is the same again.
    @Test func neighbourhoodsAreDivedTwoAtATime() throws {
        let scenario = Self.scenario(seed: 2)
        let log = Log()
        let run = try Self.search(Spy(role: "first", dive: .harris, second: nil, log: log), scenario: scenario, mipGap: 0)
        let entries = log.entries
        let main = try #require(entries.first?.thread)
        let beside = entries.filter { $0.thread != main }
        #expect(!beside.isEmpty, "a group dived on a second thread")
        #expect(beside.contains { b in entries.contains { $0.thread == main && $0.started < b.ended && b.started < $0.ended } },
                "two groups dived at once")
        #expect(Set(beside.map(\.thread)).isSubset(of: Set(log.threadsFreed)))
        let sheet = try RosterSheetReader.parse(RosterSheets.roster(run.solution.roster, scenario: scenario).text, file: "roster.csv")
        #expect((sheet.diagnostics + RosterValidator.validate(sheet.sheet, scenario: scenario)).filter { $0.severity == .error }.isEmpty)
        let again = try Self.search(Spy(role: "first", dive: .harris, second: nil, log: Log()), scenario: scenario, mipGap: 0)
        #expect(again.solution.roster.shifts == run.solution.roster.shifts)
    }

    /// A dive that gives nothing changes nothing: with the first dive empty the roster is the second's
    /// alone, and with the second empty the first's alone.
    @Test func aDiveThatGivesNothingLeavesTheOther() throws {
        let textbook = try Self.search(Spy(role: "first", dive: .textbook, second: nil, log: Log()))
        let onlySecond = try Self.search(Spy(role: "first", dive: .nothing, second: .textbook, log: Log()))
        #expect(onlySecond.dived == textbook.dived)
        #expect(onlySecond.solution.roster.shifts == textbook.solution.roster.shifts)
        let harris = try Self.search(Spy(role: "first", dive: .harris, second: nil, log: Log()))
        let onlyFirst = try Self.search(Spy(role: "first", dive: .harris, second: .nothing, log: Log()))
        #expect(onlyFirst.solution.roster.shifts == harris.solution.roster.shifts)
    }

    /// A failing dive fails the search, and the other dive has ended before the search returns (no thread
    /// outlives it), whichever of the two fails.
    @Test(arguments: [(Dive.fails, Dive.harris), (Dive.harris, Dive.fails)])
    func aFailingDiveFailsTheSearchAfterBothEnd(first: Dive, second: Dive) throws {
        let log = Log()
        let scenario = Self.scenario()
        var returned = ContinuousClock.now
        #expect(throws: SolverError.self) {
            defer { returned = .now }
            _ = try RosterSearch.solve(scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario), timeLimitSeconds: 120,
                                       mipGap: 0.005, solver: Spy(role: "first", dive: first, second: second, log: log))
        }
        let entries = log.entries
        #expect(Set(entries.map(\.role)) == ["first", "second"])
        #expect(entries.allSatisfy { $0.ended <= returned })
    }
}

/// Work beside the caller: its value, or its error, once it has ended on a thread of its own.
@Suite struct WorkBesideTests {
    struct Freeing: ColumnGenerationSolver {
        let log: SecondDiveTests.Log
        func generateColumns(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                             price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round) throws(SolverError) -> ColumnGeneration.Result? { nil }
        func dive(master: LinearModel, timeLimitSeconds: Double, maxRounds: Int,
                  price: (_ duals: [Double], _ objective: Double) -> ColumnGeneration.Round,
                  settle: (_ values: [Double]) -> ColumnGeneration.Settle?) throws(SolverError) -> ColumnGeneration.Result? { nil }
        func threadEnds() { log.threadEnded() }
    }

    @Test func itsValueOrItsErrorFromAThreadOfItsOwn() throws {
        let log = SecondDiveTests.Log()
        let caller = ObjectIdentifier(Thread.current)
        let work = WorkBeside(solver: Freeing(log: log)) { () throws(SolverError) -> ObjectIdentifier in
            Thread.sleep(forTimeInterval: 0.05)
            return ObjectIdentifier(Thread.current)
        }
        let worker = try work.wait()
        #expect(worker != caller)
        #expect(log.threadsFreed == [worker])
        let failing = WorkBeside(solver: Freeing(log: log)) { () throws(SolverError) -> Int in throw SolverError(.solverFailure, "no") }
        #expect { _ = try failing.wait() } throws: { ($0 as? SolverError)?.message == "no" }
        #expect(log.threadsFreed.count == 2)
    }

    /// A value handed over once: the thread beside waits for it (here given after the beside thread has started
    /// waiting), a second give changes nothing, and every take returns the first given value.
    @Test func aHandoffWaitsForItsValueAndKeepsTheFirst() throws {
        let log = SecondDiveTests.Log()
        let handoff = Handoff<Double?>(nil)
        let started = StopSignal()
        let work = WorkBeside(solver: Freeing(log: log)) { () throws(SolverError) -> [Double?] in
            started.give()
            return [handoff.take(), handoff.take()]
        }
        while !started.given { Thread.sleep(forTimeInterval: 0.001) }
        Thread.sleep(forTimeInterval: 0.05)
        handoff.give(7.5)
        handoff.give(nil)
        #expect(try work.wait() == [7.5, 7.5])
        #expect(handoff.take() == 7.5)
        // Given nil first (the search's "no pairs beside the master"), nil it stays.
        let none = Handoff<Double?>(nil)
        none.give(nil)
        none.give(3)
        #expect(none.take() == nil)
    }
}
