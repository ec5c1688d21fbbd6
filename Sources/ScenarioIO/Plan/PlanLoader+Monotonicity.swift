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
                    bag.warning(c.location, Texts.current(.plMoreTiers, c.name, problem, metric), fix: Texts.current(.plMoreTiersFix))
                }
            case .scorecard(let s):
                for m in s.measures {
                    for problem in stepProblems(m.points, better: m.better, unit: Texts.current(.plPointsUnit)) {
                        bag.warning(c.location, Texts.current(.plMorePoints, c.name, m.metric, problem), fix: Texts.current(.plMorePointsFix))
                    }
                }
                // Grades are stored descending by `from`: coefficients must not rise going down.
                for (higher, lower) in zip(s.grades, s.grades.dropFirst()) where lower.coefficient > higher.coefficient {
                    bag.warning(c.location,
                                Texts.current(.plGradeCoefficient, c.name, lower.grade, "\(lower.from)", "\(lower.coefficient)", higher.grade, "\(higher.from)",
                                              "\(higher.coefficient)"),
                                fix: Texts.current(.plGradeCoefficientFix))
                }
            }
        }
    }

    static func bandName(_ band: Band, better: Better) -> String {
        Texts.current(better == .higher ? .plBandFrom : .plBandTo, "\(band.threshold)")
    }

    /// Values that must not decrease along the bands (in file order, i.e. from worse to better).
    static func stepProblems(_ bands: [Band], better: Better, unit: String) -> [String] {
        var problems: [String] = []
        if let first = bands.first, first.value.isNegative {
            problems.append(Texts.current(.plFirstBandNegative, bandName(first, better: better), "\(first.value)", unit))
        }
        for (previous, band) in zip(bands, bands.dropFirst()) where band.value < previous.value {
            problems.append(Texts.current(.plBandFalls, bandName(band, better: better), "\(band.value)", unit, "\(previous.value)", bandName(previous, better: better)))
        }
        return problems
    }

    static func tierProblems(_ tiers: Tiers) -> [String] {
        switch tiers.mode {
        case .step:
            return stepProblems(tiers.bands, better: tiers.better, unit: "")
        case .graduated:
            return tiers.bands.filter(\.value.isNegative).map {
                Texts.current(.plNegativeRate, "\($0.threshold)", "\($0.value)")
            }
        case .retroactive:
            var problems: [String] = []
            for band in tiers.bands where band.value.isNegative {
                problems.append(Texts.current(.plNegativeRate, "\(band.threshold)", "\(band.value)"))
            }
            for (previous, band) in zip(tiers.bands, tiers.bands.dropFirst()) where band.threshold * band.value < band.threshold * previous.value {
                problems.append(Texts.current(.plPayDrops, "\(band.threshold)", "\(band.threshold * previous.value)", "\(previous.value)", "\(band.threshold * band.value)",
                                               "\(band.value)"))
            }
            return problems
        }
    }
}
