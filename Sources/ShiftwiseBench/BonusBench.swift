import Core
import Foundation
import Incentives
import Reports
import ScenarioIO

/// Times the payout calculation for 100,000 generated agents under the example plan.
enum BonusBench {
    static func run() {
        run(planPath: "scenarios/rules/bonus-2026.yaml", title: "the example plan: 5 components, scorecard, proration, agent cap, team pool",
            metrics: metrics)
        if ProcessInfo.processInfo.environment["SHIFTWISE_BENCH_CALCULATE_ONLY"] == nil {
            run(planPath: "scenarios/rules/ecommerce-2026.yaml",
                title: "the e-commerce plan: prev() growth tiers, scorecard, proration, agent cap, deductions to a floor, 服务之星 honours",
                metrics: ecommerceMetrics)
        }
    }

    static func run(planPath: String, title: String, metrics: (Int) -> MetricsTable) {
        guard let plan = try? PlanLoader.load(planPath, period: "2026-11").plan else {
            print("\nbonus: skipped (run from the package folder, where \(planPath) is)")
            return
        }
        print("")
        print("bonus (\(title))")
        // Peak MiB: the process's peak resident memory from the metrics table's generation on (table included).
        print("agents   calculate  payroll CSV  peak MiB   detail CSV (working)  peak MiB  its MiB   lines    total")
        // SHIFTWISE_BENCH_CALCULATE_ONLY=1: the 100,000-agent calculation alone (for a profiler).
        let calculateOnly = ProcessInfo.processInfo.environment["SHIFTWISE_BENCH_CALCULATE_ONLY"] != nil
        for count in calculateOnly ? [100_000] : [10_000, 100_000] {
            PeakMemory.reset()
            let table = metrics(count)
            if calculateOnly {
                print(String(format: "metrics table generated: peak %.1f MiB so far", PeakMemory.mebibytes))
                let clock = ContinuousClock.now
                let result = try? PayoutCalculator.calculate(plan: plan, metrics: table)
                // SHIFTWISE_BENCH_CALCULATE_ONLY=working: then every line's working, a chunk at a time.
                var details = 0
                if ProcessInfo.processInfo.environment["SHIFTWISE_BENCH_CALCULATE_ONLY"] == "working" {
                    result?.working?.forEachChunk { details += $0.count }
                }
                print(String(format: "%7d  %9.3f s  (calculation only)  %d lines  %d details  %.1f MiB", count, seconds(clock.duration(to: .now)),
                             result?.lines.count ?? 0, details, PeakMemory.mebibytes))
                continue
            }
            // The calculation (lines, totals, honours: what payroll and compare need), then the payroll CSV; the peak so far.
            var clock = ContinuousClock.now
            guard let result = try? PayoutCalculator.calculate(plan: plan, metrics: table) else {
                print("bonus: the generated metrics did not calculate")
                return
            }
            let calculated = seconds(clock.duration(to: .now))
            clock = ContinuousClock.now
            let bytes = PayoutSheets.payouts(result).bytes
            let written = seconds(clock.duration(to: .now))
            let moneyPeak = PeakMemory.mebibytes
            // Every line's working, computed as the detail sheet (English) is written, as `bonus` writes it.
            clock = ContinuousClock.now
            let detail = PayoutSheets.detail(result, scale: plan.rounding.scale).bytes
            let detailed = seconds(clock.duration(to: .now))
            print(String(format: "%7d  %8.3f s  %9.3f s  %8.1f   %10.3f s  %8.1f %10.1f   %6d  %@", count, calculated, written, moneyPeak, detailed,
                         PeakMemory.mebibytes, Double(detail.count) / 1_048_576, result.lines.count, result.total.formatted(places: 2))
                  + (bytes.isEmpty || detail.isEmpty ? " (empty)" : ""))
        }
    }

    /// Agents with seeded metrics in realistic ranges, in 50 teams.
    static func metrics(_ count: Int) -> MetricsTable {
        var rng = SplitMix64(seed: BenchInstances.seed)
        func d(_ lo: Int, _ hi: Int, _ scale: Int) -> ExactDecimal { ExactDecimal(mantissa: Int128(rng.int(in: lo...hi)), scale: scale) }
        let rows = (0..<count).map { i -> MetricsTable.Row in
            let hours = d(3000, 17500, 1)
            let responses = d(0, 120, 0)
            let values: [String: ExactDecimal] = [
                "hours_worked": hours, "contacts_handled": d(500, 2200, 0), "aht_seconds": d(250, 480, 0), "qa_score": d(650, 1000, 1),
                "csat_responses": responses, "csat_satisfied": responses * d(80, 100, 2), "good_reviews": d(0, 90, 0), "sales_amount": d(0, 2_500_000, 2),
            ]
            return MetricsTable.Row(agentID: "M\(pad(i, 6))", name: "Agent \(i)", team: "team-\(i % 50)", values: values,
                                    location: SourceLocation(file: "generated", line: i + 2))
        }
        return MetricsTable(period: "2026-11", rows: rows, file: "generated")
    }

    /// Agents with seeded metrics for the e-commerce plan, in 50 teams, each with last month's sales (`prev(sales_amount)`)
    /// except every 20th agent (a new hire, whose growth counts as 0).
    static func ecommerceMetrics(_ count: Int) -> MetricsTable {
        var rng = SplitMix64(seed: BenchInstances.seed + 1)
        func d(_ lo: Int, _ hi: Int, _ scale: Int) -> ExactDecimal { ExactDecimal(mantissa: Int128(rng.int(in: lo...hi)), scale: scale) }
        let rows = (0..<count).map { i -> MetricsTable.Row in
            let responses = d(20, 200, 0)
            let sales = d(0, 6_000_000, 2)
            var values: [String: ExactDecimal] = [
                "hours_worked": d(600, 1800, 1), "good_reviews": d(0, 260, 0), "sales_amount": sales, "csat_responses": responses,
                "csat_satisfied": responses * d(75, 100, 2), "qa_score": d(600, 1000, 1), "upheld_complaints": d(0, 7, 0),
            ]
            if i % 20 != 0 { values[Expression.previous("sales_amount")] = sales - d(-500_000, 1_500_000, 2) }
            return MetricsTable.Row(agentID: "E\(pad(i, 6))", name: "坐席 \(i)", team: "组-\(i % 50)", values: values,
                                    location: SourceLocation(file: "generated", line: i + 2))
        }
        return MetricsTable(period: "2026-11", rows: rows, file: "generated")
    }

    static func seconds(_ d: Duration) -> Double {
        d.inSeconds
    }
}
