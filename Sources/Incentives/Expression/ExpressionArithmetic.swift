import Core

/// Exact arithmetic for expressions that reports, instead of trapping, when a result leaves the
/// range where `ExactDecimal` stays exact and cannot overflow.
///
/// Every value an expression handles has magnitude below 10^18 and at most 18 decimals, so
/// mantissas at a common scale stay below 10^36 and sums cannot overflow `Int128`.
public enum ExpressionArithmetic {
    /// Decimal places of a quotient that does not terminate within `ExactDecimal.maxScale` places.
    public static let divisionScale = 12

    /// Values must be smaller than this in magnitude.
    static let magnitudeLimit: Int128 = 1_000_000_000_000_000_000

    enum Outcome {
        case value(ExactDecimal)
        case outOfRange

        /// The value, or nil when out of range.
        var value: ExactDecimal? {
            if case .value(let v) = self { return v }
            return nil
        }
    }

    /// True when `value`'s magnitude is below 10^18.
    static func inRange(_ value: ExactDecimal) -> Bool {
        let magnitude = value.mantissa < 0 ? -value.mantissa : value.mantissa
        return magnitude < magnitudeLimit * powerOfTen(value.scale)
    }

    static func checked(_ value: ExactDecimal) -> Outcome {
        inRange(value) ? .value(value) : .outOfRange
    }

    static func sum(_ a: ExactDecimal, _ b: ExactDecimal) -> Outcome { checked(a + b) }
    static func difference(_ a: ExactDecimal, _ b: ExactDecimal) -> Outcome { checked(a - b) }

    /// The exact product, rounded half-even to 18 places when it has more (as `ExactDecimal.*`).
    static func product(_ a: ExactDecimal, _ b: ExactDecimal) -> Outcome {
        let x = a.normalized
        let y = b.normalized
        let (mantissa, overflow) = x.mantissa.multipliedReportingOverflow(by: y.mantissa)
        if overflow { return .outOfRange }
        let scale = x.scale + y.scale
        if scale <= ExactDecimal.maxScale { return checked(ExactDecimal(mantissa: mantissa, scale: scale)) }
        let rounded = roundHalfEven(mantissa, dropping: scale - ExactDecimal.maxScale)
        return checked(ExactDecimal(mantissa: rounded, scale: ExactDecimal.maxScale))
    }

    /// The quotient: exact when it terminates within 18 decimal places, otherwise rounded to
    /// `divisionScale` (12) places, half-even. Nil when `divisor` is zero.
    ///
    /// A quotient that does not terminate within 18 places cannot sit exactly halfway between
    /// two 12-place values (a tie would terminate at 13 places), so rounding it needs only its
    /// first 18 digits and whether anything remains after them.
    static func quotient(_ a: ExactDecimal, _ divisor: ExactDecimal) -> Outcome? {
        if divisor.isZero { return nil }
        let x = a.normalized
        let y = divisor.normalized
        let negative = (x.mantissa < 0) != (y.mantissa < 0)
        let n = x.mantissa < 0 ? -x.mantissa : x.mantissa
        let d = y.mantissa < 0 ? -y.mantissa : y.mantissa
        // a / b = (n / d) · 10^(y.scale − x.scale); long division of n / d to `places` digits
        // gives a result at scale places + x.scale − y.scale, and we want that to reach 18.
        var q = n / d
        var r = n % d
        var places = 0
        let shift = x.scale - y.scale
        while r != 0, places + shift < ExactDecimal.maxScale {
            r *= 10  // r < d < 10^36, so no overflow
            let (tens, o1) = q.multipliedReportingOverflow(by: 10)
            let (next, o2) = tens.addingReportingOverflow(r / d)
            if o1 || o2 { return .outOfRange }
            q = next
            r %= d
            places += 1
        }
        var scale = places + shift
        if scale < 0 {
            let (widened, overflow) = q.multipliedReportingOverflow(by: powerOfTen(-scale))
            if overflow { return .outOfRange }
            q = widened
            scale = 0
        }
        if r != 0 {
            // scale is 18 here: keep 12 places, rounding up when the dropped part is half or more
            // (exactly half is impossible with a remainder left, so this is round-half-even).
            let unit = powerOfTen(ExactDecimal.maxScale - divisionScale)
            let dropped = q % unit
            q = q / unit + (2 * dropped >= unit ? 1 : 0)
            scale = divisionScale
        }
        return checked(ExactDecimal(mantissa: negative ? -q : q, scale: scale).normalized)
    }

    static func powerOfTen(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// `mantissa / 10^places`, rounded half-even.
    static func roundHalfEven(_ mantissa: Int128, dropping places: Int) -> Int128 {
        let unit = powerOfTen(places)
        let magnitude = mantissa < 0 ? -mantissa : mantissa
        var q = magnitude / unit
        let twice = 2 * (magnitude % unit)
        if twice > unit || (twice == unit && q % 2 != 0) { q += 1 }
        return mantissa < 0 ? -q : q
    }
}
