/// An exact decimal number: an integer mantissa scaled by a power of ten.
///
/// Money, rates and factors are parsed from their text and kept exact, so `0.1 + 0.2`
/// is `0.3` and `21 / 0.7` is `30`. Never goes through binary floating point.
///
///     let price = ExactDecimal("35.50")!   // mantissa 3550, scale 2
public struct ExactDecimal: Sendable, Hashable, Comparable {
    /// The integer whose value, divided by 10^scale, is this number.
    public let mantissa: Int128
    /// The number of decimal places (0...maxScale).
    public let scale: Int

    /// The largest scale kept; products that would exceed it are rounded half-even.
    public static let maxScale = 18

    public static let zero = ExactDecimal(mantissa: 0, scale: 0)
    public static let one = ExactDecimal(mantissa: 1, scale: 0)

    /// Creates a number from its mantissa and scale.
    public init(mantissa: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= ExactDecimal.maxScale, "scale out of range")
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Creates an integer value.
    public init(_ value: Int) {
        self.init(mantissa: Int128(value), scale: 0)
    }

    /// Parses decimal text such as `35.50`, `-25`, `+0.125` or `1e3`-free plain notation.
    ///
    /// Returns nil for anything that is not a plain decimal number (no exponent, no grouping).
    public init?(_ text: some StringProtocol) {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var mantissa: Int128 = 0
        var scale = 0
        var seenPoint = false
        var seenDigit = false
        for ch in digits.utf8 {
            if ch == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard ch >= UInt8(ascii: "0"), ch <= UInt8(ascii: "9") else { return nil }
            seenDigit = true
            if seenPoint {
                // Trailing zeros beyond the maximum scale are harmless; other digits are not kept.
                if scale == ExactDecimal.maxScale {
                    if ch != UInt8(ascii: "0") { return nil }
                    continue
                }
                scale += 1
            }
            let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(Int128(ch - UInt8(ascii: "0")))
            if o1 || o2 || m2 > ExactDecimal.mantissaLimit { return nil }
            mantissa = m2
        }
        guard seenDigit else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    /// Values beyond this magnitude are refused so products of two values cannot overflow.
    static let mantissaLimit: Int128 = Int128(1) << 100

    /// This value as a `Double` (for the floating-point maths of queueing, never for money).
    public var doubleValue: Double {
        Double(mantissa) / ExactDecimal.powerOfTenDouble(scale)
    }

    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }
    public var isPositive: Bool { mantissa > 0 }

    /// True when the value has no fractional part.
    public var isInteger: Bool { mantissa % ExactDecimal.powerOfTen(scale) == 0 }

    /// The integer value when it has no fractional part and fits an `Int`.
    public var intValue: Int? {
        guard isInteger else { return nil }
        let whole = mantissa / ExactDecimal.powerOfTen(scale)
        return Int(exactly: whole)
    }

    static func powerOfTen(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    static func powerOfTenDouble(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The mantissa rescaled to `target` (which must be ≥ scale).
    func mantissa(atScale target: Int) -> Int128 {
        mantissa * ExactDecimal.powerOfTen(target - scale)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        return lhs.mantissa(atScale: s) < rhs.mantissa(atScale: s)
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        return lhs.mantissa(atScale: s) == rhs.mantissa(atScale: s)
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.scale)
    }

    /// The same value with trailing fractional zeros removed (`1.50` → `1.5`).
    public var normalized: ExactDecimal {
        var m = mantissa
        var s = scale
        while s > 0, m % 10 == 0 {
            m /= 10
            s -= 1
        }
        return ExactDecimal(mantissa: m, scale: s)
    }

    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let s = max(lhs.scale, rhs.scale)
        return ExactDecimal(mantissa: lhs.mantissa(atScale: s) + rhs.mantissa(atScale: s), scale: s)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let s = max(lhs.scale, rhs.scale)
        return ExactDecimal(mantissa: lhs.mantissa(atScale: s) - rhs.mantissa(atScale: s), scale: s)
    }

    public static prefix func - (value: ExactDecimal) -> ExactDecimal {
        ExactDecimal(mantissa: -value.mantissa, scale: value.scale)
    }

    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }
    public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }

    /// The exact product; when it would need more than `maxScale` places it is rounded half-even.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let a = lhs.normalized
        let b = rhs.normalized
        let product = ExactDecimal.unchecked(mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale)
        return product.scale > maxScale ? product.rounded(scale: maxScale, mode: .halfEven) : product
    }

    private static func unchecked(mantissa: Int128, scale: Int) -> ExactDecimal {
        var m = mantissa
        var s = scale
        while s > maxScale + 18, m % 10 == 0 { m /= 10; s -= 1 }
        return ExactDecimal(uncheckedMantissa: m, scale: s)
    }

    private init(uncheckedMantissa: Int128, scale: Int) {
        self.mantissa = uncheckedMantissa
        self.scale = scale
    }

    /// The quotient rounded to `scale` places with `mode`; nil when dividing by zero.
    public func divided(by divisor: ExactDecimal, scale target: Int, mode: RoundingMode) -> ExactDecimal? {
        guard !divisor.isZero else { return nil }
        // value = (a.m / 10^a.s) / (b.m / 10^b.s); scaled result mantissa = a.m · 10^(target + b.s − a.s) / b.m
        let shift = target + divisor.scale - scale
        var numerator = mantissa
        var denominator = divisor.mantissa
        if shift >= 0 { numerator *= ExactDecimal.powerOfTen(shift) } else { denominator *= ExactDecimal.powerOfTen(-shift) }
        return ExactDecimal(mantissa: ExactDecimal.divide(numerator, denominator, mode: mode), scale: target)
    }

    /// The smallest integer ≥ self / divisor, computed exactly; nil when dividing by zero.
    public func ceilingQuotient(_ divisor: ExactDecimal) -> Int128? {
        divided(by: divisor, scale: 0, mode: .up)?.mantissa
    }

    /// The largest integer ≤ self.
    public var floor: Int128 {
        ExactDecimal.divide(mantissa, ExactDecimal.powerOfTen(scale), mode: .floor)
    }

    /// This value rounded to `scale` places with `mode`.
    public func rounded(scale target: Int, mode: RoundingMode) -> ExactDecimal {
        if target >= scale {
            return ExactDecimal(mantissa: mantissa(atScale: target), scale: target)
        }
        let m = ExactDecimal.divide(mantissa, ExactDecimal.powerOfTen(scale - target), mode: mode)
        return ExactDecimal(mantissa: m, scale: target)
    }

    /// Integer division with a rounding mode; `denominator` must not be zero.
    static func divide(_ numerator: Int128, _ denominator: Int128, mode: RoundingMode) -> Int128 {
        var n = numerator
        var d = denominator
        if d < 0 { n = -n; d = -d }
        let q = n / d            // truncates toward zero
        let r = n - q * d        // same sign as n
        if r == 0 { return q }
        let positive = n > 0
        switch mode {
        case .down:
            return q
        case .up:
            // Away from zero would be ambiguous for money; `.up` here is the ceiling.
            return positive ? q + 1 : q
        case .floor:
            return positive ? q : q - 1
        case .halfUp, .halfEven:
            let twice = 2 * (r < 0 ? -r : r)
            if twice > d || (twice == d && (mode == .halfUp || q % 2 != 0)) {
                return positive ? q + 1 : q - 1
            }
            return q
        }
    }

    /// Fixed-point text with exactly `places` decimals (rounded half-even when shorter).
    public func formatted(places: Int) -> String {
        rounded(scale: places, mode: .halfEven).plainText
    }

    /// The text of the mantissa at its own scale, e.g. `-25.00`.
    public var plainText: String {
        let negative = mantissa < 0
        var wide = negative ? UInt128(bitPattern: 0 &- mantissa) : UInt128(bitPattern: mantissa)
        // The digits, least significant first (String(Int128) and String.insert were the slow part).
        var digits: [UInt8] = []
        digits.reserveCapacity(40)
        while wide > UInt128(UInt64.max) {
            digits.append(UInt8(wide % 10))
            wide /= 10
        }
        var narrow = UInt64(wide)
        repeat {
            digits.append(UInt8(narrow % 10))
            narrow /= 10
        } while narrow > 0
        while digits.count <= scale { digits.append(0) }   // a digit before the point
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 2)
        if negative { out.append(UInt8(ascii: "-")) }
        for i in stride(from: digits.count - 1, through: 0, by: -1) {
            out.append(UInt8(ascii: "0") + digits[i])
            if i == scale, scale > 0 { out.append(UInt8(ascii: ".")) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension ExactDecimal: CustomStringConvertible {
    /// The shortest exact text (`1.5`, `30`).
    public var description: String { normalized.plainText }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension ExactDecimal: Codable {
    /// Encoded as its exact text, so no JSON number parser can turn it into a binary float.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plainText)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal: \(text)")
        }
        self = value
    }
}
