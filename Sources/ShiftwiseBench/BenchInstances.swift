import Foundation
import Core

/// Deterministic synthetic demand: a double-peak weekday curve, quieter weekends, seeded noise.
enum BenchInstances {
    /// BENCH_SEED=N generates other instances of the same shapes (to measure on weeks no setting was tuned on).
    static let seed: UInt64 = ProcessInfo.processInfo.environment["BENCH_SEED"].flatMap(UInt64.init) ?? 20_261_130

    /// The shape of a desk's day: when it is open (hours, `until` past 24 for a desk open after
    /// midnight) and where its peaks lie.
    struct Day: Sendable {
        var from = 7.0
        var until = 22.0
        /// Demand in the quiet hours as a share of the peak (for a desk open around the clock).
        var floor = 0.25
        /// Peaks: (hour, width, height).
        var peaks: [(Double, Double, Double)] = [(10.75, 1.6, 0.75), (15, 1.8, 0.62)]

        static let office = Day()
        /// Open 08:00–02:00 with the peak in the evening (an e-commerce desk).
        static let evening = Day(from: 8, until: 26, floor: 0.2, peaks: [(11, 1.8, 0.45), (20.5, 2.2, 0.8)])
        /// Open around the clock, a night trough, peaks late morning and early evening.
        static let site = Day(from: 0, until: 24, floor: 0.12, peaks: [(10.5, 2.4, 0.8), (18.5, 2.6, 0.65)])
    }

    /// A forecast for one week with the given interval length, scaled so its busiest interval
    /// carries about `peakErlangs` of workload at `ahtSeconds`.
    static func forecast(intervalMinutes: Int, peakErlangs: Double, ahtSeconds: Int = 300, seed: UInt64 = seed, day shape: Day = .office) -> [ForecastInterval] {
        var rng = SplitMix64(seed: seed)
        let perDay = 1440 / intervalMinutes
        let dayFactor = [1.0, 0.95, 0.93, 0.92, 0.88, 0.56, 0.45]
        let peakContacts = peakErlangs * Double(intervalMinutes * 60) / Double(ahtSeconds)
        var result: [ForecastInterval] = []
        for day in 0..<7 {
            for i in 0..<perDay {
                var hour = Double(i * intervalMinutes) / 60
                // Hours after midnight belong to the previous evening's desk when it is open past 24:00.
                let open: Bool
                if shape.until > 24, hour < shape.until - 24 {
                    hour += 24
                    open = day > 0
                } else {
                    open = hour >= shape.from && hour < min(shape.until, 24)
                }
                guard open else {
                    result.append(.closed)
                    continue
                }
                let shape = shape.floor + shape.peaks.reduce(0.0) { $0 + $1.2 * gauss(hour, $1.0, $1.1) }
                let noise = 1 + 0.06 * (rng.unit() - 0.5)
                let contacts = (peakContacts * shape * dayFactor[day] * noise * 100).rounded() / 100
                result.append(ForecastInterval(contacts: ExactDecimal(mantissa: Int128(contacts * 100), scale: 2), ahtSeconds: ExactDecimal(ahtSeconds)))
            }
        }
        return result
    }

    static func gauss(_ x: Double, _ mean: Double, _ width: Double) -> Double {
        let z = (x - mean) / width
        return exp2(-z * z * 1.4427)
    }
}
