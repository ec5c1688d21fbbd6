public import Core
public import Staffing
public import LinearModel

/// Why a roster search ended (SPEC §6 `stopped_by`).
public enum StopReason: String, Sendable {
    case gap
    case timeLimit = "time_limit"
    case searchLimit = "search_limit"
}

/// The solve strategy: checks feasibility of the hard rules, builds the model, finds a roster and
/// proves a lower bound on the objective for the whole problem (SPEC §6). It talks to the solver
/// through protocols (`MIPSolver` for the restricted search, `ColumnGenerationSolver` for the week
/// bound), so any conforming solver can run it; the GLPK backend conforms.
public enum RosterSearch {
    public struct Solution: Sendable {
        public let roster: Roster
        public let evaluation: RosterEvaluation
        public let status: SolveStatus
        /// A proven lower bound on the objective of every roster that keeps the hard rules.
        public let bound: Double
        public let buildSeconds: Double
        public let solveSeconds: Double
        public let modelSize: (variables: Int, constraints: Int, integers: Int)
        public let terms: [(name: String, value: Double)]
        /// Why the search ended: the gap reached, the time limit, or the search's own limit.
        public let stoppedBy: StopReason
        /// The weeks the week master used (where another master over the same agents and rules can start).
        var usedWeeks: [(agent: Int, types: [Int])] = []
        /// The day the single days re-rostered would have tried next.
        var nextDay = 0
        /// The roster the single days' other path ended with (searched from the dive not taken), where it differs
        /// from `roster`: where the fairness phase's days have a core to spare, they go on along both paths.
        var alternative: Roster?

        public init(roster: Roster, evaluation: RosterEvaluation, status: SolveStatus, bound: Double, buildSeconds: Double, solveSeconds: Double,
                    modelSize: (variables: Int, constraints: Int, integers: Int), terms: [(name: String, value: Double)], stoppedBy: StopReason) {
            self.roster = roster
            self.evaluation = evaluation
            self.status = status
            self.bound = bound
            self.buildSeconds = buildSeconds
            self.solveSeconds = solveSeconds
            self.modelSize = modelSize
            self.terms = terms
            self.stoppedBy = stoppedBy
        }

        public var objective: Double { evaluation.objective.doubleValue }
        /// (objective − bound) / objective.
        public var gap: Double { objective > 0 ? max(0, (objective - bound) / objective) : 0 }
    }

    /// - Parameters:
    ///   - solver: solves the restricted search and runs the column generation.
    ///   - onModel: receives the compact model once built (e.g. to export it).
    /// - Throws: `RosterFailure.infeasible` with the agents and rules involved; `SolverError` from the solver.
    public static func solve(scenario: Scenario, requirements: [IntervalRequirement], timeLimitSeconds: Double, mipGap: Double,
                             solver: any MIPSolver & ColumnGenerationSolver, searchNodes: Int = 5000,
                             onModel: (LinearModel) throws -> Void = { _ in },
                             progress: @escaping @Sendable (String) -> Void = { _ in },
                             searchProgress: (@Sendable (SearchProgress) -> Void)? = nil, texts t: Texts = .english) throws -> Solution {
        try solve(scenario: scenario, requirements: requirements, timeLimitSeconds: timeLimitSeconds, mipGap: mipGap, solver: solver,
                  searchNodes: searchNodes, onModel: onModel, progress: progress, searchProgress: searchProgress, texts: t, firstDay: 0,
                  searchesPairs: true)
    }

    /// `firstDay`: the day the single days re-rostered start at (the fairness phase goes on where the week
    /// without fairness stopped, not over the days it has just settled). `searchesPairs`: whether pairs of days are
    /// re-rostered too (not in the week solved without fairness first: the time they take there is the fairness
    /// phase's, whose pairs judge fairness too).
    static func solve(scenario: Scenario, requirements: [IntervalRequirement], timeLimitSeconds: Double, mipGap: Double,
                      solver: any MIPSolver & ColumnGenerationSolver, searchNodes: Int,
                      onModel: (LinearModel) throws -> Void, progress: @escaping @Sendable (String) -> Void,
                      searchProgress: (@Sendable (SearchProgress) -> Void)?, texts t: Texts, firstDay: Int, searchesPairs: Bool) throws -> Solution {
        let clock = ContinuousClock.now
        let problem = RosterProblem(scenario: scenario, required: requirements.map(\.agentsScheduled))
        // The heuristic's week graphs serve the diagnosis too, so they are built once.
        let heuristic = RosterHeuristic(problem: problem)
        let reasons = problem.pinConflicts + RosterDiagnosis.reasons(problem: problem, heuristic: heuristic)
        guard reasons.isEmpty else { throw RosterFailure.infeasible(reasons) }
        let built = RosterModelBuilder.build(problem)
        let buildSeconds = seconds(since: clock)
        progress(t(.progModel, String(built.model.variables.count), String(built.model.constraints.count), ProgressText.fixed(buildSeconds, places: 1)))
        try onModel(built.model)

        let solveClock = ContinuousClock.now
        // The time limit holds for every stage after the model: the heuristic passes stop at it (after
        // the first, which makes the roster keep every rule), column generation and the search get what is left.
        let deadline = clock.advanced(by: .milliseconds(Int64(timeLimitSeconds * 1000)))
        // First a roster from best responses and exchanges alone: deterministic, keeps every hard rule.
        // The passes report the roster in hand on the live progress line.
        let onPass: (Double) -> Void = { objective in
            searchProgress?(SearchProgress(incumbent: objective, bound: nil, elapsedSeconds: seconds(since: solveClock)))
        }
        var fromWeekWithoutFairness: (roster: Roster, weeks: [[RosterHeuristic.Choice]])?
        // Whether the fairness phase starts from the week solved without it (levelled and repaired).
        var fromPlain = false
        // The bound of the week without fairness (what the fairness phase's bound adds to it is fairness's share).
        var plainBound: Double?
        // The weeks the week master without fairness used: the fairness phase's master starts from them too.
        var plainWeeks: [(agent: Int, types: [Int])] = []
        // The day the single days re-rostered start at.
        var nextDay = firstDay
        // The week without fairness's other path of the single days: where nothing else runs beside the fairness
        // phase's days, they go on along both paths.
        var plainAlternative: Roster?
        if heuristic.emptyTally != nil, ContinuousClock.now < deadline {
            // Fairness is not a per-shift cost, and it makes the search's model and the week master's dive
            // hard. So the week is first solved without it (in up to six tenths of the time left: it stops sooner once
            // its own gap closes), and best responses and exchanges that judge fairness exactly
            // start from that roster (which, levelled, is the first roster of the fairness phase).
            var plainScenario = scenario
            plainScenario.costs.fairnessWeight = .zero
            let left = timeLimitSeconds - seconds(since: clock)
            if let plain = try? solve(scenario: plainScenario, requirements: requirements, timeLimitSeconds: max(1, left * plainShare), mipGap: mipGap,
                                      solver: solver, searchNodes: searchNodes, onModel: { _ in }, progress: { progress(t(.progWithoutFairness, $0)) },
                                      searchProgress: nil, texts: t, firstDay: 0, searchesPairs: false) {
                // Levelling rarely finds a step on a large week: it gets a fortieth of the time limit at most.
                let levelDeadline = min(deadline, ContinuousClock.now.advanced(by: .milliseconds(Int64(timeLimitSeconds * 1000 * levellingShare))))
                let levelled = level(plain.roster, heuristic: heuristic, model: built, deadline: levelDeadline, progress: progress, texts: t)
                fromWeekWithoutFairness = heuristic.solve(start: levelled, deadline: deadline, onPass: onPass)
                fromPlain = plain.gap < 0.01
                plainBound = plain.bound
                plainWeeks = plain.usedWeeks
                nextDay = plain.nextDay
                if fromPlain { plainAlternative = plain.alternative }
            }
        }
        // Without fairness priced (or when the week without it found nothing): best responses and exchanges alone.
        let first = fromWeekWithoutFairness ?? heuristic.solve(deadline: deadline, onPass: onPass)
        var heuristicRoster = first.roster
        progress(t(.progFirst, ProgressText.fixed(built.model.objectiveValue(of: built.values(for: heuristicRoster)), places: 2),
                   ProgressText.fixed(seconds(since: solveClock), places: 1)))

        // The LP bound of the whole problem by column generation over whole weeks (each agent's
        // rules convexified), started from the first roster's weeks; its solution guides a second roster.
        var bound = mandatoryLabour(scenario)
        // The week without fairness's bound holds with fairness too (fairness never costs less than nothing): where
        // the week master below gives no bound (its first master not solved in the time left), the bound is that,
        // not the contract minimum.
        if let plainBound { bound = max(bound, plainBound) }
        if built.model.variables.isEmpty {
            // No agent can work any shift (all unavailable, no contract minimum): the all-OFF roster is the
            // only roster there is, so its cost is also the least any roster can cost.
            let roster = heuristicRoster
            let evaluation = RosterEvaluation(roster: roster, scenario: scenario, requirements: requirements)
            return Solution(roster: roster, evaluation: evaluation, status: .optimal, bound: evaluation.objective.doubleValue,
                            buildSeconds: buildSeconds, solveSeconds: seconds(since: solveClock), modelSize: (0, built.model.constraints.count, 0),
                            terms: evaluation.terms.map { ($0.name, $0.value.doubleValue) }, stoppedBy: .gap)
        }
        var lpValues: [Double]?
        var generatedWeeks: [(agent: Int, types: [Int])] = []
        // The weeks the week master uses (and its last round's priced weeks): the neighbourhoods' dives start
        // from these, the whole week's dive from these and each agent's last priced weeks.
        var usedWeeks: [(agent: Int, types: [Int])] = []
        var diveWeeks: [(agent: Int, types: [Int])] = []
        var spreads: SpreadBranching?
        // The single days' other path's roster (nil: one path, or the same roster).
        var alternative: [Double]?
        // From the week solved without fairness, with fairness priced: the single days search the first roster on a
        // thread of their own while the week master below is solved (its simplex leaves a core idle), so the spreads'
        // nodes after it have both cores. (Beside the nodes instead, the days ended in a second or so and their core
        // then waited for the nodes.) Where no spreads' nodes will follow (fairness's share of the master's bound covers
        // the roster's fairness) and the week without fairness left a second path, the pairs of days start as soon as
        // the master ends: from the second path's roster on this thread, and from the first's on the days' thread once
        // its single days end (the master takes a second or less; the days two to four on a night week).
        var earlyDays: WorkBeside<(days: DaysSearched, pairs: DaysSearched?)>?
        let order = pairsOfDays(slidingRunsOf: scenario.rules.minDaysOffInARow ?? 1)
        // The bound the pairs beside the master search against, given once the master ends (nil: no pairs there).
        let pairsBeside = Handoff<Double?>(nil)
        let pairsEnded = StopSignal()
        let from = built.values(for: heuristicRoster)
        if fromPlain, plainBound != nil, searchNodes > 0, ContinuousClock.now < deadline {
            let daysBound = bound, daysFirst = nextDay
            earlyDays = WorkBeside(solver: solver) {
                // The pairs from the second path may close the gap first: the days then stop too.
                let days = searchDays(from, singleDays, model: built, heuristic: heuristic, bound: daysBound, mipGap: mipGap, solver: solver,
                                      deadline: deadline, first: daysFirst, ended: pairsEnded)
                guard let pairsBound = pairsBeside.take(), ContinuousClock.now < deadline else { return (days, nil) }
                // The days' roster within the gap of the master's bound: the pairs from the second path stop.
                let cost = built.model.objectiveValue(of: days.values)
                guard cost > 0, (cost - pairsBound) / cost > mipGap else {
                    pairsEnded.give()
                    return (days, nil)
                }
                return (days, searchDays(days.values, order.pairs, model: built, heuristic: heuristic, bound: pairsBound, mipGap: mipGap,
                                         solver: solver, deadline: deadline, first: 0, ended: pairsEnded))
            }
        }
        let ((master, otherPairs), early) = try bothEnded(earlyDays) { () throws(SolverError) -> (WeekColumnGeneration.Outcome?, DaysSearched?) in
            defer { pairsBeside.give(nil) }
            let master = try WeekColumnGeneration.run(heuristic: heuristic, start: first.weeks, solver: solver,
                                                      timeLimitSeconds: max(1, timeLimitSeconds - seconds(since: clock)), pool: plainWeeks, parallel: true)
            guard earlyDays != nil, searchesPairs, let plainAlternative, let plainBound, let master, ContinuousClock.now < deadline else { return (master, nil) }
            // As the search decides below (``spreadsToBranch``), from the first roster and the master's bound.
            let pairsBound = max(bound, master.bound)
            let cost = built.model.objectiveValue(of: from)
            let fairness = heuristic.tally(of: heuristic.weeks(of: built.roster(from: from)))?.cost ?? 0
            let open = cost > 0 && (cost - pairsBound) / cost > mipGap
            guard open, master.spreads.isEmpty || fairness - (pairsBound - plainBound) < mipGap * cost / 2 else { return (master, nil) }
            pairsBeside.give(pairsBound)
            let other = built.values(for: heuristic.solve(start: plainAlternative, deadline: deadline).roster)
            guard other != from else { return (master, nil) }
            return (master, searchDays(other, order.pairs, model: built, heuristic: heuristic, bound: pairsBound, mipGap: mipGap, solver: solver,
                                       deadline: deadline, first: order.slides / 2, ended: pairsEnded))
        }
        let daysSearched = early?.days
        if let cg = master {
            bound = max(bound, cg.bound)
            var x = Array(repeating: 0.0, count: built.model.variables.count)
            for (a, t, v) in built.assignments { x[v.index] = cg.weights[a][t] ?? 0 }
            lpValues = x
            generatedWeeks = cg.weeks
            usedWeeks = cg.usedWeeks
            // The dive starts from those and each agent's last few priced weeks (priced at duals near the
            // master's last): a master of every week generated takes several times longer to solve.
            var recent = Array(repeating: 0, count: problem.scenario.agents.count)
            var latest: [(agent: Int, types: [Int])] = []
            for w in cg.weeks.reversed() where recent[w.agent] < recentWeeks {
                recent[w.agent] += 1
                latest.append(w)
            }
            diveWeeks = usedWeeks + latest.reversed()
            if !cg.spreads.isEmpty {
                spreads = SpreadBranching(root: cg, heuristic: heuristic, solver: solver)
                spreads?.plainBound = plainBound
            }
            let fractional = cg.weights.filter { $0.values.contains { $0 > 1e-6 && $0 < 1 - 1e-6 } }.count
            progress(t(.progWeekBound, ProgressText.fixed(cg.bound, places: 2), cg.converged ? "" : t(.progStoppedEarly), String(cg.rounds), String(cg.columns),
                       String(fractional), ProgressText.fixed(seconds(since: solveClock), places: 1)))
            // The guided roster and the search are improvements: past the time limit they are skipped.
            // From the week solved without fairness (within 1 % of its bound) a roster built afresh from the
            // master's weights is far dearer: the guided roster is skipped there.
            let guided = ContinuousClock.now < deadline && !fromPlain ? heuristic.solve(guide: cg.weights, deadline: deadline).roster : heuristicRoster
            if built.improves(built.values(for: guided), on: built.values(for: heuristicRoster)) { heuristicRoster = guided }
        }
        var values = built.values(for: heuristicRoster)
        progress(t(.progHeuristic, ProgressText.fixed(built.model.objectiveValue(of: values), places: 2), ProgressText.fixed(seconds(since: solveClock), places: 1)))
        if let daysSearched {
            if built.improves(daysSearched.values, on: values) { values = daysSearched.values }
            nextDay = daysSearched.next
            progress(t(.progDays, String(daysSearched.tried), ProgressText.fixed(built.model.objectiveValue(of: values), places: 2)))
        }
        // The pairs beside the master, where they ran: the cheaper roster goes on (the first path's on a tie), the
        // other is the other path's.
        let pairsFound = [early?.pairs, otherPairs].compactMap { $0 }
        let pairsSearched = !pairsFound.isEmpty
        if var best = pairsFound.first {
            for found in pairsFound.dropFirst() where built.improves(found.values, on: best.values) { best = found }
            if built.improves(best.values, on: values) { values = best.values }
            alternative = pairsFound.map(\.values).first { $0 != values }
            progress(t(.progPairs, String(pairsFound.map(\.tried).reduce(0, +)), ProgressText.fixed(built.model.objectiveValue(of: values), places: 2)))
        }
        func gapLeft() -> Double { built.model.objectiveValue(of: values) - bound }
        func gapOpen() -> Bool {
            let c = built.model.objectiveValue(of: values)
            return c > 0 && (c - bound) / c > mipGap
        }
        // What the bound adds to the week without fairness's bound is fairness's share of it; the roster's
        // fairness less that share is fairness's part of the gap (nil: fairness not priced).
        func fairnessOpen() -> Double? {
            guard let plainBound, let fairness = heuristic.tally(of: heuristic.weeks(of: built.roster(from: values)))?.cost else { return nil }
            return fairness - (bound - plainBound)
        }
        // The spreads to branch on, nil when there are none, the time is up or the gap closed, or when
        // fairness's share of the bound covers the roster's fairness (to within half the gap allowed):
        // branching on the spreads would then raise the bound by fairness alone, and the time goes to the
        // neighbourhoods instead.
        func spreadsToBranch() -> SpreadBranching? {
            guard let spreads, ContinuousClock.now < deadline, gapOpen() else { return nil }
            if let open = fairnessOpen(), open < mipGap * built.model.objectiveValue(of: values) / 2 { return nil }
            return spreads
        }
        // Fairness priced: the bound raised by branching on the spreads' whole values, as far as the
        // roster in hand needs (its cost less the gap), or for `nodes` nodes.
        func branchSpreads(nodes: Int = .max) throws(SolverError) {
            guard var branching = spreadsToBranch() else { return }
            let cost = built.model.objectiveValue(of: values)
            let incumbent = heuristic.weeks(of: built.roster(from: values))
            try branching.improve(target: cost * (1 - mipGap), incumbent: incumbent.map { $0.map(\.type) }, deadline: deadline, nodeLimit: nodes)
            adopt(branching)
        }
        // The branching after its nodes: its bound raises the search's, and the line says how far.
        func adopt(_ branching: SpreadBranching) {
            bound = max(bound, branching.bound)
            spreads = branching
            progress(t(.progSpreads, String(branching.nodes), String(branching.leaves.count), ProgressText.fixed(bound, places: 2),
                       ProgressText.fixed(seconds(since: solveClock), places: 1)))
        }

        // A week per agent (shift types) made a roster: the break placements from the compact model with every
        // assignment fixed, then polished by best responses and exchanges.
        @Sendable func roster(ofWeeks weeks: [[Int]]) -> [Double] {
            var shifts: [RosteredShift] = []
            for (a, types) in weeks.enumerated() {
                for t in types {
                    let type = problem.shiftTypes[t]
                    let p = problem.pinnedPatterns[a][t] ?? 0
                    shifts.append(RosteredShift(agentIndex: a, day: type.day, startMinute: type.startMinute, lengthMinutes: type.lengthMinutes,
                                                paidMinutes: type.paidMinutes, breaks: type.breakPatterns[p].placements))
                }
            }
            let raw = built.values(for: Roster(shifts: shifts))
            var fixedAssignments: [Int: Double] = [:]
            for (_, _, v) in built.assignments { fixedAssignments[v.index] = raw[v.index] }
            var placed = raw
            let (breaksOnly, original) = built.model.fixing(fixedAssignments)
            // Near or past the time limit (a dive that ran out of time) the placements and the polish get a
            // second or two of their own, not the ten and five seconds they may take otherwise.
            let left = ContinuousClock.now.duration(to: deadline).inSeconds
            if let solved = try? solver.solve(breaksOnly, options: SolveOptions(timeLimitSeconds: max(1, min(10, left)), mipGap: 0)), let small = solved.values {
                for (k, v) in original.enumerated() { placed[v.index] = small[k] }
            }
            let polishUntil = max(min(deadline.advanced(by: .seconds(5)), ContinuousClock.now.advanced(by: .seconds(2))), deadline)
            return built.values(for: heuristic.solve(start: built.roster(from: placed), deadline: polishUntil).roster)
        }
        // Dive — fix the agents the master settles on one week, generate columns for the rest, repeat; then
        // neighbourhoods dived again.
        func diveOverWeeks() throws(SolverError) {
            guard !generatedWeeks.isEmpty, searchNodes > 0, ContinuousClock.now < deadline, gapOpen() else { return }
            // The other path's roster, where there is one: the dive not taken (the two dives differ), or the week
            // without fairness's other path of the single days.
            var otherPath: [Double]?
            // From the week solved without fairness, a whole dive again rarely finds better: the bound (the
            // spreads branched on) and the neighbourhoods get the time instead.
            if !fromPlain {
                let start = heuristic.weeks(of: built.roster(from: values))
                let pool = diveWeeks
                // Where the solver has a second path through the master's degenerate optima, a second dive runs
                // beside the first on the other core (each path settles other weeks, and neither is better on
                // every week); the cheaper roster is kept, the first's on a tie, so the result does not depend
                // on which ends first.
                let beside = solver.secondDiver.map { other in
                    WorkBeside(solver: other) { () throws(SolverError) -> [Double]? in
                        try WeekColumnGeneration.dive(heuristic: heuristic, start: start, pool: pool, solver: other, deadline: deadline).map(roster(ofWeeks:))
                    }
                }
                let (first, besideDive) = try bothEnded(beside) { () throws(SolverError) in
                    try WeekColumnGeneration.dive(heuristic: heuristic, start: start, pool: pool, solver: solver, deadline: deadline).map(roster(ofWeeks:))
                }
                // The cheaper roster goes on, the first's on a tie; the other is where the single days start on the other core.
                var (dived, other) = (first, besideDive ?? nil)
                if let second = other, dived.map({ built.improves(second, on: $0) }) ?? true { swap(&dived, &other) }
                if let dived, built.improves(dived, on: values) { values = dived }
                if let other, other != values { otherPath = other }
            } else if !pairsSearched, let plainAlternative, spreadsToBranch() == nil {
                // From the week without fairness: its days' other path goes on, polished with fairness judged (only
                // where no spreads' nodes take the other core, below).
                let other = built.values(for: heuristic.solve(start: plainAlternative, deadline: deadline).roster)
                if other != values { otherPath = other }
            }
            if !fromPlain {
                progress(t(.progDive, ProgressText.fixed(built.model.objectiveValue(of: values), places: 2), ProgressText.fixed(seconds(since: solveClock), places: 1)))
            }
            // Beside the single days, on the other core: where fairness's part of the gap is open, a few of the spreads'
            // nodes; otherwise, where there is another path's roster, the single days again from it.
            let beside = spreadsToBranch().map {
                BesideDays.spreads(SpreadsBeside(branching: $0, target: built.model.objectiveValue(of: values) * (1 - mipGap),
                                                 incumbent: heuristic.weeks(of: built.roster(from: values)).map { $0.map(\.type) }))
            } ?? otherPath.map { BesideDays.days(from: $0) }
            if daysSearched != nil {
                // The days searched the roster beside the week master already (the spreads' nodes now have both
                // cores); where another path's roster waits instead, it goes on to the pairs of days beside this one
                // (a pair frees both its days, so the single days' moves are among its own).
                if case .days(let other) = beside, other != values { alternative = other }
            } else {
                let days = try improveByDays(values, singleDays, model: built, heuristic: heuristic, bound: bound, mipGap: mipGap, solver: solver,
                                             deadline: deadline, first: nextDay, beside: beside, progress: progress, texts: t)
                (values, nextDay, alternative) = (days.values, days.next, days.other)
                if let branched = days.spreads { adopt(branched) }
            }
            // Where fairness is at least half of the gap left, the bound is what is open (the days have settled the
            // roster's shifts; neighbourhoods cannot raise a bound): the spreads are branched on until the gap closes
            // (one master for all nodes, and the days' roster sets how far). Otherwise a few nodes, then the neighbourhoods.
            if let open = fairnessOpen(), open >= gapLeft() / 2 { try branchSpreads() } else { try branchSpreads(nodes: spreadNodes) }
            // Then pairs of days, where a day off (or a late shift, a weekend day) moves within an agent's week: several
            // times a single day's search on a 180-agent week, so after the spreads (a gap the bound's side holds open
            // leaves them no time) and from both paths where there are two.
            if searchesPairs, !pairsSearched, ContinuousClock.now < deadline, gapOpen() {
                let pairs = try improveByDays(values, order.pairs, model: built, heuristic: heuristic, bound: bound, mipGap: mipGap, solver: solver,
                                              deadline: deadline, first: 0, besideFirst: order.slides / 2,
                                              beside: alternative.map { BesideDays.days(from: $0) },
                                              progress: progress, texts: t)
                (values, alternative) = (pairs.values, pairs.other)
            }
            try rediveNeighbourhoods()
        }
        // Neighbourhoods dived again: a group of agents (a fixed shuffle, a quarter of the agents up to 45) is
        // freed, everyone else kept to their week, and the dive runs over the group alone, its columns
        // generated afresh against what the others cover; kept when the roster's objective falls. Each pass
        // over the agents is a new shuffle; until three passes in a row find nothing, the gap closes or time
        // runs out. Where fairness's part of the gap is under a tenth of it, the group's master leaves
        // fairness out (a third fewer rows; the roster is still judged with it). Two groups are dived at once,
        // one on each core, from the same roster (the second group's agents outside the first's).
        func rediveNeighbourhoods() throws(SolverError) {
            let agents = problem.scenario.agents.count
            let size = max(rediveMinimum, min(rediveGroup, agents / 4))
            guard agents > size, ContinuousClock.now < deadline, gapOpen() else { return }
            var order = Array(0..<agents)
            var rng = SplitMix64(seed: 20_261_201)
            func shuffle() { for i in stride(from: agents - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) } }
            shuffle()
            var start = 0, sinceImprovement = 0, tried = 0
            let groupsPerPass = (agents + size - 1) / size
            func nextGroup() -> Set<Int> {
                var group = Set<Int>()
                while group.count < size {
                    // Each pass over the agents in a new shuffle: other groups, other chances.
                    if start == agents {
                        shuffle()
                        start = 0
                    }
                    group.insert(order[start])
                    start += 1
                }
                return group
            }
            let pool = usedWeeks
            // A group dived against everyone else's week in `current`: every agent's week (nil: the dive gave
            // none in time, or the group's weeks are the ones it had) and the roster they make.
            @Sendable func redive(_ group: Set<Int>, from current: [[RosterHeuristic.Choice]],
                                  pricesFairness: Bool) throws(SolverError) -> (weeks: [[Int]], values: [Double])? {
                var fixed: [Int: [Int]] = [:]
                for a in 0..<agents where !group.contains(a) { fixed[a] = current[a].map(\.type) }
                guard let weeks = try WeekColumnGeneration.dive(heuristic: heuristic, start: current, pool: pool.filter { group.contains($0.agent) },
                                                                solver: solver, deadline: deadline, fixed: fixed, pricesFairness: pricesFairness,
                                                                roundsUnfinished: false),
                      group.contains(where: { weeks[$0].sorted() != current[$0].map(\.type).sorted() }) else { return nil }
                return (weeks, roster(ofWeeks: weeks))
            }
            while ContinuousClock.now < deadline, gapOpen(), sinceImprovement < rediveQuietPasses * groupsPerPass {
                let current = heuristic.weeks(of: built.roster(from: values))
                let pricesFairness = fairnessOpen().map { $0 >= gapLeft() / 10 } ?? true
                let first = nextGroup()
                let second = nextGroup().subtracting(first)
                let beside = second.isEmpty ? nil : WorkBeside(solver: solver) { () throws(SolverError) in
                    try redive(second, from: current, pricesFairness: pricesFairness)
                }
                let (ours, besides) = try bothEnded(beside) { () throws(SolverError) in try redive(first, from: current, pricesFairness: pricesFairness) }
                let theirs = besides ?? nil
                let groups = beside == nil ? 1 : 2
                tried += groups
                var improved = false
                if let ours, built.improves(ours.values, on: values) {
                    values = ours.values
                    improved = true
                }
                if let theirs {
                    var candidate = theirs.values
                    if improved {
                        // The second group's weeks beside the first group's new ones (each week keeps its agent's
                        // rules, so together they still make a roster).
                        var weeks = heuristic.weeks(of: built.roster(from: values)).map { $0.map(\.type) }
                        for a in second { weeks[a] = theirs.weeks[a] }
                        candidate = roster(ofWeeks: weeks)
                    }
                    if built.improves(candidate, on: values) {
                        values = candidate
                        improved = true
                    }
                }
                sinceImprovement = improved ? 0 : sinceImprovement + groups
            }
            progress(t(.progRedive, String(size), String(tried), ProgressText.fixed(built.model.objectiveValue(of: values), places: 2),
                       ProgressText.fixed(seconds(since: solveClock), places: 1)))
        }
        // Rules with variables of their own (days-off runs, start spreads, fairness) make the compact
        // model's relaxation weaker than the week master's, so its search rarely helps there: the dive goes first.
        // So it does on a model too large for GLPK's branch and bound to find anything in its quarter of the time.
        let diveFirst = divesFirst(weekRowRules: problem.hasWeekRowRules, variables: built.model.variables.count)
        if diveFirst { try diveOverWeeks() }
        if let lp = lpValues, searchNodes > 0, ContinuousClock.now < deadline, gapOpen() {
            // Search only the shifts the LP or the heuristic roster uses (all of them in a small model, where
            // GLPK's branch and bound can prove the optimum); GLPK starts from the heuristic roster.
            var drop = Set<Int>()
            if built.model.variables.count > smallModel {
                for (_, _, v) in built.assignments where lp[v.index] <= 1e-6 && values[v.index] < 0.5 { drop.insert(v.index) }
            }
            let (restricted, original) = built.model.restricted { !drop.contains($0.index) }
            let search = try solver.solve(restricted, options: SolveOptions(
                timeLimitSeconds: max(1, (timeLimitSeconds - seconds(since: clock)) / 4), mipGap: mipGap / 4,
                progress: searchProgress, initialSolution: original.map { values[$0.index] }, nodeLimit: searchNodes))
            let searched = search.values.map { small -> [Double] in
                var full = Array(repeating: 0.0, count: built.model.variables.count)
                for (k, v) in original.enumerated() { full[v.index] = small[k] }
                return full
            }
            if let better = searched, built.improves(better, on: values) {
                // Polish: best responses and exchanges from the searched roster.
                let polished = heuristic.solve(start: built.roster(from: better), deadline: deadline).roster
                values = built.values(for: polished)
            }
            let status = t.language == .en ? search.status.rawValue
                : search.status == .optimal ? t(.statusOptimal) : search.status == .feasible ? t(.statusFeasible) : search.status.rawValue
            progress(t(.progSearch, status, ProgressText.fixed(built.model.objectiveValue(of: values), places: 2),
                       ProgressText.fixed(seconds(since: solveClock), places: 1)))
        }
        if !diveFirst { try diveOverWeeks() }
        // While the gap is still open: neighbourhoods (groups of agents re-rostered exactly by branch and
        // bound, everyone else fixed) until a round of groups finds nothing, then price-and-branch (one
        // generated week per agent, chosen on the integer master, node-limited); again while either helps.
        var round = 0
        while searchNodes > 0, built.model.variables.count > smallModel, ContinuousClock.now < deadline, gapOpen() {
            let before = built.model.objectiveValue(of: values)
            values = improveByGroups(values, model: built, bound: bound, mipGap: mipGap, solver: solver, deadline: deadline,
                                     seed: UInt64(round), progress: progress, texts: t)
            if !generatedWeeks.isEmpty, ContinuousClock.now < deadline, gapOpen() {
                let left = timeLimitSeconds - seconds(since: clock)
                if let chosen = try WeekColumnGeneration.chooseWeeks(heuristic: heuristic, weeks: generatedWeeks, incumbent: heuristic.weeks(of: built.roster(from: values)),
                                                                     model: built, solver: solver, timeLimitSeconds: left, mipGap: mipGap / 4) {
                    let polished = built.values(for: heuristic.solve(start: chosen, deadline: deadline).roster)
                    if built.improves(polished, on: values) { values = polished }
                }
                progress(t(.progChosen, ProgressText.fixed(built.model.objectiveValue(of: values), places: 2), ProgressText.fixed(seconds(since: solveClock), places: 1)))
            }
            round += 1
            if built.model.objectiveValue(of: values) >= before - 1e-6 { break }
        }
        try branchSpreads()
        guard built.model.isFeasible(values) else {
            throw SolverError(.solverFailure, "internal error: the roster found breaks a hard rule of the model; please report this scenario")
        }
        let roster = built.roster(from: values)

        let evaluation = RosterEvaluation(roster: roster, scenario: scenario, requirements: requirements)
        let objective = evaluation.objective.doubleValue
        // The bound is never clamped: a bound above the roster's own cost means the model and the
        // evaluation disagree, which is a defect to report, not a gap of 0 to print.
        if bound > objective + 1e-6 * max(1, abs(objective)) {
            throw SolverError(.solverFailure, "internal error: the lower bound \(bound) exceeds the roster's cost \(objective); please report this scenario")
        }
        let gap = objective > 0 ? max(0, objective - bound) / objective : 0
        let optimal = gap <= mipGap + 1e-12
        let elapsed = seconds(since: solveClock)
        let pastLimit = seconds(since: clock) >= timeLimitSeconds
        var solution = Solution(
            roster: roster, evaluation: evaluation, status: optimal ? .optimal : .feasible, bound: bound,
            buildSeconds: buildSeconds, solveSeconds: elapsed,
            modelSize: (built.model.variables.count, built.model.constraints.count, built.model.integerCount),
            terms: evaluation.terms.map { ($0.name, $0.value.doubleValue) },
            stoppedBy: optimal ? .gap : pastLimit ? .timeLimit : .searchLimit)
        solution.usedWeeks = usedWeeks
        solution.nextDay = nextDay
        if let alternative, alternative != values { solution.alternative = built.roster(from: alternative) }
        return solution
    }

    /// Fairness levelling: a spread shrinks only when every agent at the top (or the bottom) moves at
    /// once, which no single best response or exchange sees. So each contract's range of late shifts
    /// and of weekend days is narrowed by one at its top or its bottom, best responses find a roster
    /// inside the narrower range (``CountRangeRule``), and the step is kept when the whole objective,
    /// fairness included, falls; until no step helps or time runs out.
    static func level(_ start: Roster, heuristic: RosterHeuristic, model: RosterModel, deadline: ContinuousClock.Instant,
                      progress: (String) -> Void, texts t: Texts = .english) -> Roster {
        func cost(_ roster: Roster) -> Double? {
            let values = model.values(for: roster)
            return model.model.isFeasible(values) ? model.model.objectiveValue(of: values) : nil
        }
        let problem = heuristic.problem
        var best = start
        guard var bestCost = cost(start) else { return start }
        var ranges: [String: [FairnessRule.Measure: ClosedRange<Int>]] = [:]
        var improved = true
        var steps = 0
        while improved, ContinuousClock.now < deadline {
            improved = false
            let counts = FairnessRule.tally(best, problem: problem)
            for group in FairnessRule.groups(problem) {
                for m in FairnessRule.Measure.allCases {
                    let values = group.agents.map { counts[$0][m.rawValue] }
                    guard let lo = values.min(), let hi = values.max(), hi > lo else { continue }
                    for candidate in [lo...(hi - 1), (lo + 1)...hi] {
                        guard ContinuousClock.now < deadline else { break }
                        var narrowed = problem
                        narrowed.searchRanges = ranges
                        narrowed.searchRanges[group.contract, default: [:]][m] = candidate
                        let trial = RosterHeuristic(problem: narrowed, reusing: heuristic).solve(start: best, deadline: deadline).roster
                        if let c = cost(trial), c < bestCost - 1e-6 {
                            best = trial
                            bestCost = c
                            ranges = narrowed.searchRanges
                            improved = true
                            steps += 1
                            break
                        }
                    }
                }
            }
        }
        progress(t(.progLevelling, String(steps), t.language == .en && steps != 1 ? "s" : "", ProgressText.fixed(bestCost, places: 2)))
        return best
    }

    /// Large-neighbourhood search: groups of `groupSize` agents (a fixed shuffle, so the sequence is
    /// deterministic) are re-rostered exactly — their assignment variables free, everyone else's fixed
    /// at the roster in hand — each by node-limited branch and bound started from that roster; an
    /// improvement is kept at once. Stops at the deadline, at the gap, or after a full round of groups
    /// without improvement.
    static func improveByGroups(_ start: [Double], model built: RosterModel, bound: Double, mipGap: Double,
                                solver: any MIPSolver, deadline: ContinuousClock.Instant, groupSize: Int = 24, seed: UInt64 = 0,
                                progress: (String) -> Void, texts t: Texts = .english) -> [Double] {
        var values = start
        var cost = built.model.objectiveValue(of: values)
        let agents = built.problem.scenario.agents.count
        guard agents > 1 else { return values }
        var order = Array(0..<agents)
        var rng = SplitMix64(seed: 20_261_130 &+ seed)
        for i in stride(from: agents - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var byAgent: [[Int]] = Array(repeating: [], count: agents)
        for (a, _, v) in built.assignments { byAgent[a].append(v.index) }
        let size = min(groupSize, agents)
        var sinceImprovement = 0
        var tried = 0
        var start = 0
        func gapOpen() -> Bool { cost > 0 && (cost - bound) / cost > mipGap }
        while ContinuousClock.now < deadline, gapOpen(), sinceImprovement < (agents + size - 1) / size {
            let group = (0..<size).map { order[(start + $0) % agents] }
            start = (start + size) % agents
            let free = Set(group)
            var fixed: [Int: Double] = [:]
            for a in 0..<agents where !free.contains(a) {
                for i in byAgent[a] { fixed[i] = values[i].rounded() }
            }
            let left = Double(ContinuousClock.now.duration(to: deadline).components.seconds)
            tried += 1
            if let better = searchNeighbourhood(values, fixing: fixed, model: built, solver: solver, seconds: max(1, min(left, 20)), nodes: 300, below: cost) {
                values = better
                cost = built.model.objectiveValue(of: better)
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
        }
        progress(t(.progGroups, String(size), String(tried), ProgressText.fixed(cost, places: 2)))
        return values
    }

    /// A neighbourhood searched exactly: the variables in `fixed` kept at their values, the rest searched by
    /// node-limited branch and bound on the compact model from `values`. Returns the roster found (read back
    /// through a roster, so break patterns and the rules' own variables are consistent) when it keeps the
    /// model and costs less than `below`.
    static func searchNeighbourhood(_ values: [Double], fixing fixed: [Int: Double], model built: RosterModel, solver: any MIPSolver,
                                    seconds: Double, nodes: Int, below cost: Double) -> [Double]? {
        let (sub, original) = built.model.fixing(fixed)
        guard let result = try? solver.solve(sub, options: SolveOptions(timeLimitSeconds: seconds, mipGap: 0,
                                                                        initialSolution: original.map { values[$0.index] }, nodeLimit: nodes)),
              let small = result.values else { return nil }
        var found = values
        for (k, v) in original.enumerated() { found[v.index] = small[k] }
        guard built.model.isFeasible(found), built.model.objectiveValue(of: found) < cost - 1e-6 else { return nil }
        return readBack(found, model: built, below: cost)
    }

    /// A neighbourhood's solution read back through a roster (break patterns and the rules' own variables made
    /// consistent): the roster's values when they keep the model and cost less than `below`, else nil.
    static func readBack(_ found: [Double], model built: RosterModel, below cost: Double) -> [Double]? {
        let clean = built.values(for: built.roster(from: found))
        return built.model.isFeasible(clean) && built.model.objectiveValue(of: clean) < cost - 1e-6 ? clean : nil
    }

    /// Spreads' nodes to solve beside the single days: the branching as it stands, the bound it aims at and
    /// the roster in hand's weeks (its nodes' masters start from those that fit).
    struct SpreadsBeside {
        let branching: SpreadBranching
        let target: Double
        let incumbent: [[Int]]
    }

    /// What runs on the other core while the single days search on one.
    enum BesideDays {
        /// Up to ``spreadNodesBesideDays`` of the spreads' nodes (one worker, a count: which nodes does not
        /// depend on the machine's speed).
        case spreads(SpreadsBeside)
        /// The single days again, from another roster (the dive not taken, or the week without fairness's other
        /// path): two paths, the cheaper roster kept.
        case days(from: [Double])
    }

    /// The single days (above) on the calling thread and, with `beside`, other work meanwhile on a thread of
    /// its own (the days' search uses one core). With spreads' nodes: the days' roster and next day, and the
    /// branching after its nodes. With the days from another roster: the two searches stop together once
    /// either closes the gap, and the cheaper roster is kept (the calling thread's on a tie) with its next day; the
    /// search from the other roster starts at `besideFirst` (nil: at `first` too).
    static func improveByDays(_ start: [Double], _ neighbourhoods: [[Int]], model built: RosterModel, heuristic: RosterHeuristic, bound: Double,
                              mipGap: Double, solver: any MIPSolver & ColumnGenerationSolver, deadline: ContinuousClock.Instant, first: Int,
                              besideFirst: Int? = nil, beside: BesideDays?, progress: (String) -> Void, texts t: Texts = .english) throws(SolverError)
        -> (values: [Double], next: Int, spreads: SpreadBranching?, other: [Double]?) {
        @Sendable func search(_ from: [Double], first: Int, ended: StopSignal?) -> (values: [Double], next: Int, tried: Int) {
            searchDays(from, neighbourhoods, model: built, heuristic: heuristic, bound: bound, mipGap: mipGap, solver: solver, deadline: deadline,
                       first: first, ended: ended)
        }
        var days: (values: [Double], next: Int, tried: Int)
        var spreads: SpreadBranching?
        var otherPath: [Double]?
        switch beside {
        case nil:
            days = search(start, first: first, ended: nil)
        case .spreads(let b):
            let work = WorkBeside(solver: b.branching.solver) { () throws(SolverError) -> SpreadBranching in
                var branching = b.branching
                try branching.improve(target: b.target, incumbent: b.incumbent, deadline: deadline, nodeLimit: spreadNodesBesideDays,
                                      workers: 1, nodesPerWorker: 1)
                return branching
            }
            (days, spreads) = try bothEnded(work) { search(start, first: first, ended: nil) }
        case .days(let other):
            let ended = StopSignal()
            let work = WorkBeside(solver: solver) { [first = besideFirst ?? first] in search(other, first: first, ended: ended) }
            let (mine, theirs) = try bothEnded(work) { search(start, first: first, ended: ended) }
            days = mine
            if let theirs {
                if built.improves(theirs.values, on: mine.values) { (days, otherPath) = (theirs, mine.values) } else { otherPath = theirs.values }
                days.tried += theirs.tried
                if otherPath == days.values { otherPath = nil }
            }
        }
        let line: TextKey = neighbourhoods.first?.count == 2 ? .progPairs : .progDays
        progress(t(line, String(days.tried), ProgressText.fixed(built.model.objectiveValue(of: days.values), places: 2)))
        return (days.values, days.next, spreads, otherPath)
    }

    /// A day neighbourhood's search: at most this many seconds and nodes.
    static let daySeconds = 2.0, dayNodes = 100

    /// Single days on one of two paths end after this many days in a row without a cheaper roster (a whole week
    /// before): beside the fairness phase's master (traced on night-r 17) the last seven days of their search found
    /// nothing while the first path's pairs of days waited for them. All forty-two weeks at 20 s then ended within
    /// 17.7 s in two runs (night-r 17 16.8 / 17.7 s, was 19.0–19.9 s and once 0.111 %; week-r 4 17.1 / 15.6 s, was
    /// 9.8–11.0 s, on a cheaper path).
    static let quietSingleDays = 3

    /// Above this many variables in the compact model the dive over the week master goes before GLPK's search of the
    /// LP's shifts: on the 600-agent, 15-minute week (104,093 variables) that search found nothing in 25 s, from a
    /// heuristic roster 2.9 % above the bound, and the dive after it found a roster within 0.01 % in 4.6 s. The weeks of
    /// about 180 agents (30,000–50,000 variables) keep the search first: it ends them cheaper at a 0.5 % stop.
    static let diveFirstVariables = 75_000

    /// Whether the dive over the week master goes before GLPK's search of the LP's shifts: with rules that bring rows
    /// of their own into the compact model, or on a model of more than ``diveFirstVariables`` variables.
    static func divesFirst(weekRowRules: Bool, variables: Int) -> Bool {
        weekRowRules || variables > diveFirstVariables
    }

    /// Models up to this many variables are searched whole.
    static let smallModel = 5000

    /// Nodes of the spreads branched on before the neighbourhoods (the rest of the branching comes last,
    /// with the time then left).
    static let spreadNodes = 12

    /// Nodes of the spreads solved beside the single days (on the core the days leave idle): about as many as
    /// one worker solved in the days' time on a 180-agent week before each day had a model of its own (the
    /// days are now shorter; two nodes beside them, the rest with two workers after, measured no better).
    static let spreadNodesBesideDays = 6

    /// The share of the time left that the week without fairness gets (it stops sooner once its own gap
    /// closes): its dive and neighbourhoods are where a roster's cost is won; the fairness phase needs its
    /// week master and, where fairness's part of the gap is open, the spreads branched on.
    static let plainShare = 0.6

    /// The share of the time limit the fairness levelling gets at most.
    static let levellingShare = 0.025

    /// The dive starts from the weeks the week master uses and each agent's this many last priced weeks.
    static let recentWeeks = 5

    /// Neighbourhoods dived again: a quarter of the agents, at least and at most this many.
    static let rediveMinimum = 8, rediveGroup = 45

    /// Neighbourhoods dived again stop after this many passes over the agents without a better roster.
    static let rediveQuietPasses = 3

    /// Σ contract minimum hours × hourly cost: no roster can pay less.
    static func mandatoryLabour(_ scenario: Scenario) -> Double {
        scenario.agents.reduce(0) { total, agent in
            total + Double(scenario.contract(named: agent.contract)?.minMinutes ?? 0) / 60 * agent.hourlyCost.doubleValue
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        start.duration(to: .now).inSeconds
    }
}

/// Numbers for the progress lines, without Foundation's formatting.
enum ProgressText {
    /// `value` rounded half away from zero to `places` decimals, e.g. `219873.00`.
    static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let units = Int(scaled)
        var digits = String(units)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value < 0 && units != 0 ? "-" : "") + digits
    }
}
