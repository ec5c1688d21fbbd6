import Foundation
import Core

/// Deterministic synthetic demand: a double-peak weekday curve, quieter weekends, seeded noise.
enum BenchInstances {
    static let seed: UInt64 = 20_261_130

    /// A forecast for one week with the given interval length, scaled so its busiest interval
    /// carries about `peakErlangs` of workload at `ahtSeconds`.
    static func forecast(intervalMinutes: Int, peakErlangs: Double, ahtSeconds: Int = 300, seed: UInt64 = seed) -> [ForecastInterval] {
        var rng = SplitMix64(seed: seed)
        let perDay = 1440 / intervalMinutes
        let dayFactor = [1.0, 0.95, 0.93, 0.92, 0.88, 0.56, 0.45]
        let peakContacts = peakErlangs * Double(intervalMinutes * 60) / Double(ahtSeconds)
        var result: [ForecastInterval] = []
        for day in 0..<7 {
            for i in 0..<perDay {
                let hour = Double(i * intervalMinutes) / 60
                guard hour >= 7, hour < 22 else {
                    result.append(.closed)
                    continue
                }
                let shape = 0.25 + 0.75 * gauss(hour, 10.75, 1.6) + 0.62 * gauss(hour, 15, 1.8)
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
