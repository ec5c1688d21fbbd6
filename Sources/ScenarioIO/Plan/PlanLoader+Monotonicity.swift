import Core
import Incentives

extension PlanLoader {
    /// Warnings for components where more of the metric (in its better direction) can pay less.
    ///
    /// Found by analysing the pay function, not by sampling agents: `step` amounts and scorecard
    /// points must not fall from one band to the next (nor start below 0), grade coefficients
    /// must not fall as the score rises, `graduated` rates must not be negative, and
    /// `retroactive` pay must not jump down at a boundary (b × previous rate ≤ b × rate).
    static func monotonicityWarnings(_ components: [Component], bag: inout DiagnosticBag) {
        for c in components {
            switch c.kind {
            case .tiers(let metric, let tiers):
                for problem in tierProblems(tiers) {
                    bag.warning(c.location, "component `\(c.name)`: \(problem), so more \(metric) can pay less",
                                fix: "check the bands; if this is intended, ignore this warning")
                }
            case .scorecard(let s):
                for m in s.measures {
                    for problem in stepProblems(m.points, better: m.better, unit: " points") {
                        bag.warning(c.location, "component `\(c.name)`, measure `\(m.metric)`: \(problem), so a better \(m.metric) can score less",
                                    fix: "check the points; if this is intended, ignore this warning")
                    }
                }
                // Grades are stored descending by `from`: coefficients must not rise going down.
                for (higher, lower) in zip(s.grades, s.grades.dropFirst()) where lower.coefficient > higher.coefficient {
                    bag.warning(c.location,
                                "component `\(c.name)`: grade \(lower.grade) (from \(lower.from)) has coefficient \(lower.coefficient), more than grade \(higher.grade) (from \(higher.from)) with \(higher.coefficient), so a higher score can pay less",
                                fix: "give higher grades coefficients at least as large; if this is intended, ignore this warning")
                }
            }
        }
    }

    static func bandName(_ band: Band, better: Better) -> String {
        "\(better == .higher ? "from" : "to") \(band.threshold)"
    }

    /// Values that must not decrease along the bands (in file order, i.e. from worse to better).
    static func stepProblems(_ bands: [Band], better: Better, unit: String) -> [String] {
        var problems: [String] = []
        if let first = bands.first, first.value.isNegative {
            problems.append("the first band (\(bandName(first, better: better))) gives \(first.value)\(unit), less than the 0 below it")
        }
        for (previous, band) in zip(bands, bands.dropFirst()) where band.value < previous.value {
            problems.append("the band \(bandName(band, better: better)) gives \(band.value)\(unit), less than \(previous.value) of the band \(bandName(previous, better: better))")
        }
        return problems
    }

    static func tierProblems(_ tiers: Tiers) -> [String] {
        switch tiers.mode {
        case .step:
            return stepProblems(tiers.bands, better: tiers.better, unit: "")
        case .graduated:
            return tiers.bands.filter(\.value.isNegative).map {
                "the band from \($0.threshold) has a negative rate \($0.value)"
            }
        case .retroactive:
            var problems: [String] = []
            for band in tiers.bands where band.value.isNegative {
                problems.append("the band from \(band.threshold) has a negative rate \(band.value)")
            }
            for (previous, band) in zip(tiers.bands, tiers.bands.dropFirst()) where band.threshold * band.value < band.threshold * previous.value {
                problems.append("at \(band.threshold) the pay drops from about \(band.threshold * previous.value) (rate \(previous.value)) to \(band.threshold * band.value) (rate \(band.value))")
            }
            return problems
        }
    }
}
