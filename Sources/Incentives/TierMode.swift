public import Core

/// How a tier table turns a metric value into money (SPEC §4.5).
public enum TierMode: String, Sendable, CaseIterable {
    /// The amount of the highest band reached.
    case step
    /// Each unit at the rate of the band it falls in, like tax brackets.
    case graduated
    /// Every unit at the rate of the highest band reached.
    case retroactive
}

/// One band of a tier table: from `from` (inclusive) up to the next band's `from`.
public struct TierBand: Sendable, Hashable {
    public let from: ExactDecimal
    /// Fixed amount (`step`) or rate per unit (`graduated`, `retroactive`).
    public let value: ExactDecimal

    public init(from: ExactDecimal, value: ExactDecimal) {
        self.from = from
        self.value = value
    }
}

/// Evaluates ascending tier tables exactly.
public enum TierTable {
    /// The index of the highest band whose `from` ≤ value, or nil below the first band.
    public static func bandReached(_ value: ExactDecimal, bands: [TierBand]) -> Int? {
        bands.lastIndex { $0.from <= value }
    }

    /// The raw amount for `value` under `mode`; bands must be ascending by `from`.
    ///
    /// Nil when the amount leaves the range where exact arithmetic is safe (10^18): the caller
    /// reports it rather than trap on an overflow.
    public static func amount(_ value: ExactDecimal, bands: [TierBand], mode: TierMode) -> ExactDecimal? {
        guard let reached = bandReached(value, bands: bands) else { return .zero }
        switch mode {
        case .step:
            return bands[reached].value
        case .retroactive:
            return ExpressionArithmetic.product(value, bands[reached].value).value
        case .graduated:
            var total = ExactDecimal.zero
            for i in 0...reached {
                let upper = i < reached ? bands[i + 1].from : value
                guard let width = ExpressionArithmetic.difference(upper, bands[i].from).value,
                      let part = ExpressionArithmetic.product(width, bands[i].value).value,
                      let sum = ExpressionArithmetic.sum(total, part).value else { return nil }
                total = sum
            }
            return total
        }
    }
}

extension TierTable {
    /// The band reached under a plan's `Tiers` (`better: lower` uses `to` thresholds, descending;
    /// the lowest band reached — the last whose `to` ≥ value — counts).
    public static func bandReached(_ value: ExactDecimal, tiers: Tiers) -> Int? {
        switch tiers.better {
        case .higher: tiers.bands.lastIndex { $0.threshold <= value }
        case .lower: tiers.bands.lastIndex { value <= $0.threshold }
        }
    }

    /// The raw amount under a plan's `Tiers`. `better: lower` supports `step` only (the loader refuses the rest).
    public static func amount(_ value: ExactDecimal, tiers: Tiers) -> ExactDecimal? {
        switch tiers.better {
        case .higher:
            return amount(value, bands: tiers.bands.map { TierBand(from: $0.threshold, value: $0.value) }, mode: tiers.mode)
        case .lower:
            return bandReached(value, tiers: tiers).map { tiers.bands[$0].value } ?? .zero
        }
    }

    /// Scorecard points: the band reached's points, 0 below the first.
    public static func points(_ value: ExactDecimal, bands: [Band], better: Better) -> ExactDecimal {
        let tiers = Tiers(mode: .step, better: better, bands: bands)
        return bandReached(value, tiers: tiers).map { bands[$0].value } ?? .zero
    }
}
