import Core
import Incentives
import Testing

/// SplitMix64: a small seeded generator, so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct ExpressionRoundTripTests {
    static let names = ["a", "b", "qa_score", "_x1", "hours_worked"]

    static func number(_ rng: inout SeededGenerator) -> Expression {
        let mantissa = Int128(Int.random(in: 0...99_999, using: &rng))
        return .number(ExactDecimal(mantissa: mantissa, scale: Int.random(in: 0...4, using: &rng)))
    }

    static func numeric(depth: Int, _ rng: inout SeededGenerator) -> Expression {
        if depth == 0 || Int.random(in: 0..<4, using: &rng) == 0 {
            return Bool.random(using: &rng) ? number(&rng) : .name(names.randomElement(using: &rng) ?? "a")
        }
        if Int.random(in: 0..<6, using: &rng) == 0 { return .negate(numeric(depth: depth - 1, &rng)) }
        let op = [BinaryOperator.add, .subtract, .multiply, .divide].randomElement(using: &rng) ?? .add
        return .binary(op, numeric(depth: depth - 1, &rng), numeric(depth: depth - 1, &rng))
    }

    static func condition(depth: Int, _ rng: inout SeededGenerator) -> Expression {
        if depth == 0 || Int.random(in: 0..<3, using: &rng) == 0 {
            let op = [BinaryOperator.less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual].randomElement(using: &rng) ?? .less
            return .binary(op, numeric(depth: 2, &rng), numeric(depth: 2, &rng))
        }
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .not(condition(depth: depth - 1, &rng))
        case 1, 2: return .binary(.and, condition(depth: depth - 1, &rng), condition(depth: depth - 1, &rng))
        default: return .binary(.or, condition(depth: depth - 1, &rng), condition(depth: depth - 1, &rng))
        }
    }

    @Test(arguments: [UInt64(1), 42, 2026])
    func printingThenParsingGivesTheSameTreeAndValue(seed: UInt64) throws {
        var rng = SeededGenerator(state: seed)
        let metrics: [String: ExactDecimal] = ["a": 3, "b": 0, "qa_score": ExactDecimal(mantissa: 825, scale: 1), "_x1": -7, "hours_worked": 160]
        for i in 0..<400 {
            let tree = i.isMultiple(of: 2) ? Self.numeric(depth: 4, &rng) : Self.condition(depth: 3, &rng)
            let text = tree.description
            let reparsed = try Expression(parsing: text)
            #expect(reparsed == tree, "seed \(seed) case \(i): \(text)")
            #expect(reparsed.description == text)
            #expect(reparsed.evaluate { metrics[$0] } == tree.evaluate { metrics[$0] }, "seed \(seed) case \(i): \(text)")
            #expect(reparsed.typeCheck(as: i.isMultiple(of: 2) ? .number : .condition).isEmpty)
            #expect(reparsed.referencedNames == tree.referencedNames)
        }
    }
}
