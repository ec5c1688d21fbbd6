import Core
import Foundation
import Staffing

/// Times the Erlang C and Erlang A requirements for a whole week.
enum StaffingBench {
    static func run() {
        let erlangC = StaffingPolicy(serviceLevel: ExactDecimal("0.8") ?? .zero, answerSeconds: 20,
                                     maxOccupancy: ExactDecimal("0.85") ?? .one, shrinkage: ExactDecimal("0.3") ?? .zero, minAgentsOpen: 1)
        measure(title: "staffing (Erlang C, SL 80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 %)", policy: erlangC)
        var erlangA = erlangC
        erlangA.model = .erlangA
        erlangA.patienceSeconds = 120
        measure(title: "staffing (Erlang A, patience 120 s, otherwise the same)", policy: erlangA)
    }

    static func measure(title: String, policy: StaffingPolicy) {
        print("")
        print(title)
        print("instance                         intervals  peak needed  agent-hours   median time   runs")
        let cases: [(String, Int, Double, Int)] = [
            ("week, 30-min, peak ≈ 80", 30, 60, 2000),
            ("week, 15-min, peak ≈ 120", 15, 95, 1000),
            ("week, 15-min, peak ≈ 5,000", 15, 4250, 20),
        ]
        for (name, interval, peak, runs) in cases {
            let forecast = BenchInstances.forecast(intervalMinutes: interval, peakErlangs: peak)
            let calculator = StaffingCalculator(policy: policy, intervalMinutes: interval)
            var times: [Double] = []
            var rows: [IntervalRequirement] = []
            let start = LocalDateTime(date: LocalDate(daysSinceEpoch: 20_422), minuteOfDay: 0)
            for _ in 0..<runs {
                let clock = ContinuousClock.now
                rows = forecast.map { calculator.requirement(start: start, interval: $0) }
                let d = clock.duration(to: .now)
                times.append(d.inSeconds)
            }
            times.sort()
            let median = times[times.count / 2]
            let peakNeeded = rows.map { $0.agentsNeeded ?? 0 }.max() ?? 0
            let hours = Double(rows.reduce(0) { $0 + $1.agentsScheduled }) * Double(interval) / 60
            print(name.padding(toLength: 33, withPad: " ", startingAt: 0)
                  + String(format: "%9d  %11d  %11.1f  %9.3f ms  %5d", rows.count, peakNeeded, hours, median * 1000, runs))
        }
    }
}

/// glibc's `malloc_trim` (returns freed heap to the system), which the Glibc module does not export: looked up by
/// name in the running process; nil where there is none.
let mallocTrim: (@convention(c) (Int) -> Int32)? = {
    guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
}()

enum PeakMemory {
    /// The process's peak resident set size since the start or the last ``reset()`` (Linux `VmHWM`; elsewhere the
    /// peak since the start).
    static var mebibytes: Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kib = Double(line.split(separator: " ").dropFirst().first ?? "") {
            return kib / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Returns freed memory to the system and starts a new peak from what is resident now, so that one measurement
    /// is not charged with an earlier one's peak (Linux; elsewhere nothing happens).
    static func reset() {
        _ = mallocTrim?(0)
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            handle.write(Data("5".utf8))
            try? handle.close()
        }
    }
}
