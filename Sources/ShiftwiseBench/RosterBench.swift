import Core
import Foundation
import Rostering
import Shiftwise
import Staffing

/// Times `shiftwise roster`'s solver on generated weeks of the sizes the product is built for.
enum RosterBench {
    struct Instance {
        let name: String
        let intervalMinutes: Int
        let peakScheduled: Int
        let agents: Int
        var day: BenchInstances.Day = .office
        /// Shift window: earliest start and latest end (minutes; past 1440 for shifts after midnight).
        var earliest = 420
        var latestEnd = 1320
        /// Seed offset, so instances do not share their noise.
        var seed: UInt64 = 0
        var timeLimit = 120.0
        /// The rules supervisors ask for on top: 2 days off in a row, starts within 3 hours, fairness priced at 50.
        var supervisorRules = false
    }

    static let instances = [
        Instance(name: "week", intervalMinutes: 30, peakScheduled: 120, agents: 170),
        Instance(name: "large", intervalMinutes: 15, peakScheduled: 430, agents: 600),
        // A desk open 08:00–02:00: evening shifts run past midnight.
        Instance(name: "night", intervalMinutes: 30, peakScheduled: 125, agents: 190, day: .evening, earliest: 480, latestEnd: 1560, seed: 7),
        // Weeks the engine was not developed on: other seeds, sizes and peaks.
        Instance(name: "week-b", intervalMinutes: 30, peakScheduled: 128, agents: 180, seed: 31),
        Instance(name: "night-b", intervalMinutes: 30, peakScheduled: 132, agents: 188, day: .evening, earliest: 480, latestEnd: 1560, seed: 47),
        // The unseen weeks again with the supervisors' rules on (days off in a row, steady starts, fairness).
        Instance(name: "week-r", intervalMinutes: 30, peakScheduled: 128, agents: 180, seed: 31, supervisorRules: true),
        Instance(name: "night-r", intervalMinutes: 30, peakScheduled: 132, agents: 188, day: .evening, earliest: 480, latestEnd: 1560, seed: 47,
                 supervisorRules: true),
        // A small week with the supervisors' rules, small enough for a MIP solver to settle (what is the bound worth?).
        Instance(name: "mini-r", intervalMinutes: 30, peakScheduled: 28, agents: 40, seed: 31, timeLimit: 60, supervisorRules: true),
        // A 2,000-agent site around the clock on 15-minute intervals, shifts starting every 30 minutes.
        Instance(name: "site", intervalMinutes: 15, peakScheduled: 700, agents: 2000, day: .site, earliest: 0, latestEnd: 1980, seed: 11,
                 timeLimit: 300),
    ]

    static func run(only: String?) {
        print("")
        print("rosters (named agents, lunch placement, every hard rule; bound = the week master of column generation)")
        print("instance  intervals  agents  peak req  variables  build s  solve s      objective          bound    gap %  under h  peak MiB")
        for instance in instances where only == nil || only == instance.name {
            let scenario = makeScenario(instance)
            let requirements = StaffingCalculator.requirements(for: scenario)
            do {
                let clock = ContinuousClock.now
                // BENCH_TIME_LIMIT overrides each instance's limit (to see that every stage honours it).
                let limit = ProcessInfo.processInfo.environment["BENCH_TIME_LIMIT"].flatMap(Double.init) ?? instance.timeLimit
                // BENCH_GAP overrides the relative gap the solve stops at (0.005 unless given).
                let gap = ProcessInfo.processInfo.environment["BENCH_GAP"].flatMap(Double.init) ?? 0.005
                let s = try RosterSolver.solve(scenario: scenario, requirements: requirements, timeLimitSeconds: limit, mipGap: gap,
                                               exportLP: ProcessInfo.processInfo.environment["BENCH_EXPORT_LP"].map { $0 + "-" + instance.name + ".lp" },
                                               progress: { line in
                    let d = clock.duration(to: .now)
                    FileHandle.standardError.write(Data(String(format: "  %@ [%.1f s] %@\n", instance.name, d.inSeconds, line).utf8))
                })
                if let results = ProcessInfo.processInfo.environment["BENCH_RESULTS"] {
                    let line = String(format: "{\"name\": \"%@\", \"build_seconds\": %.3f, \"solve_seconds\": %.3f, \"objective\": %.2f, \"bound\": %.4f, \"gap\": %.6f}\n",
                                      instance.name, s.buildSeconds, s.solveSeconds, s.objective, s.bound, s.gap)
                    if let handle = FileHandle(forWritingAtPath: results) ?? (FileManager.default.createFile(atPath: results, contents: nil) ? FileHandle(forWritingAtPath: results) : nil) {
                        handle.seekToEndOfFile()
                        handle.write(Data(line.utf8))
                        handle.closeFile()
                    }
                }
                print(instance.name.padding(toLength: 8, withPad: " ", startingAt: 0)
                      + String(format: "  %9d  %6d  %8d  %9d  %7.2f  %7.2f  %13.2f  %13.2f  %7.3f  %7.1f  %8.1f",
                               scenario.grid.intervalCount, scenario.agents.count, requirements.map(\.agentsScheduled).max() ?? 0,
                               s.modelSize.variables, s.buildSeconds, s.solveSeconds, s.objective, s.bound, s.gap * 100,
                               s.evaluation.understaffedAgentHours.doubleValue, PeakMemory.mebibytes))
            } catch {
                print("\(instance.name): failed: \(error)")
            }
        }
    }

    /// A synthetic week: double-peak demand scaled to the target peak, 60 % full-time agents on
    /// 9-hour shifts, 40 % part-time on 4- and 6-hour shifts, seeded costs, absences and preferences.
    static func makeScenario(_ instance: Instance) -> Scenario {
        let grid = TimeGrid(weekStart: LocalDate(iso: "2026-11-30") ?? LocalDate(daysSinceEpoch: 20_422), intervalMinutes: instance.intervalMinutes)
        let policy = StaffingPolicy(serviceLevel: ExactDecimal("0.8") ?? .zero, answerSeconds: 20,
                                    maxOccupancy: ExactDecimal("0.85") ?? .one, shrinkage: ExactDecimal("0.3") ?? .zero, minAgentsOpen: 2)
        // Scale the forecast until its peak requirement matches the target (bisection on the peak load).
        var low = 1.0, high = Double(instance.peakScheduled)
        var forecast: [ForecastInterval] = []
        let calculator = StaffingCalculator(policy: policy, intervalMinutes: instance.intervalMinutes)
        let start = grid.start(of: 0)
        for _ in 0..<40 {
            let mid = (low + high) / 2
            forecast = BenchInstances.forecast(intervalMinutes: instance.intervalMinutes, peakErlangs: mid, seed: BenchInstances.seed &+ instance.seed,
                                               day: instance.day)
            let peak = forecast.map { calculator.requirement(start: start, interval: $0).agentsScheduled }.max() ?? 0
            if peak == instance.peakScheduled { break }
            if peak < instance.peakScheduled { low = mid } else { high = mid }
        }
        var rng = SplitMix64(seed: BenchInstances.seed &+ UInt64(instance.agents) &+ instance.seed)
        var agents: [Agent] = []
        for i in 0..<instance.agents {
            let fullTime = i % 5 < 3
            let cost = fullTime ? 32 + Double(rng.next() % 17) / 2 : 26 + Double(rng.next() % 13) / 2
            var agent = Agent(id: "B\(pad(i + 1, 4))", name: "Agent \(i + 1)", contract: fullTime ? "full-time" : "part-time",
                              hourlyCost: ExactDecimal(mantissa: Int128(cost * 100), scale: 2), team: "team-\(i % 6)")
            let roll = rng.next() % 100
            if roll < 10 { agent.unavailableDates = [grid.date(ofDay: Int(rng.next() % 7))] }
            if roll % 3 == 0 { agent.preferredDaysOff = [Weekday(rawValue: 5 + Int(rng.next() % 2)) ?? .sat] }
            if roll % 4 == 1 { agent.preferredStart = ClockTime(minutes: instance.earliest + Int(rng.next() % 12) * 30) }
            agents.append(agent)
        }
        // BENCH_RULES=days-off,starts,fairness narrows the supervisors' rules to those named (to see what each costs).
        let chosen = ProcessInfo.processInfo.environment["BENCH_RULES"].map { Set($0.split(separator: ",").map(String.init)) }
        func supervisor(_ rule: String) -> Bool { instance.supervisorRules && (chosen?.contains(rule) ?? true) }
        let lunch = BreakRule(name: "lunch", minutes: 60, paid: false, minShiftMinutes: 360, earliestAfterMinutes: 150, latestBeforeEndMinutes: 120)
        return Scenario(
            name: "bench-\(instance.name)", grid: grid, demand: .forecast(forecast), agents: agents, staffing: policy,
            shifts: ShiftPolicy(lengthsMinutes: [240, 360, 540], startStepMinutes: 30, earliestStart: ClockTime(minutes: instance.earliest),
                                latestEnd: ClockTime(minutes: instance.latestEnd), breaks: [lunch]),
            contracts: [
                Contract(name: "full-time", minMinutes: 2400, maxMinutes: 2400, maxDays: 5, lengthsMinutes: [540]),
                Contract(name: "part-time", minMinutes: 1200, maxMinutes: 1800, maxDays: 5, lengthsMinutes: [240, 360]),
            ],
            rules: WorkRules(minRestMinutes: 660, maxConsecutiveDays: 6, minDaysOffInARow: supervisor("days-off") ? 2 : nil,
                             maxStartVariationMinutes: supervisor("starts") ? 180 : nil),
            costs: CostPolicy(currency: "CNY", understaffingPerAgentHour: 300, overstaffingPerAgentHour: 0, preferenceWeight: 10,
                              fairnessWeight: supervisor("fairness") ? 50 : 0),
            solver: SolverSettings(timeLimitSeconds: 120, mipGap: ExactDecimal("0.005") ?? .zero),
            adjust: Adjustment(), bonus: nil, sourceFiles: [])
    }
}
