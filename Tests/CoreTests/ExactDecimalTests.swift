import Testing
@testable import Core

@Suite struct ExactDecimalTests {
    func d(_ text: String) -> ExactDecimal { ExactDecimal(text) ?? ExactDecimal(-999_999) }

    @Test func parsesPlainDecimalsOnly() {
        #expect(d("35.50").mantissa == 3550 && d("35.50").scale == 2)
        #expect(d("-25.00").plainText == "-25.00")
        #expect(d("+0.125") == d("0.125"))
        #expect(ExactDecimal("1e3") == nil)
        #expect(ExactDecimal("1,000") == nil)
        #expect(ExactDecimal("") == nil)
        #expect(ExactDecimal(".") == nil)
        #expect(ExactDecimal("1.2.3") == nil)
        #expect(ExactDecimal("abc") == nil)
        #expect(d(".5") == d("0.5"))
    }

    @Test func arithmeticIsExact() {
        #expect(d("0.1") + d("0.2") == d("0.3"))
        #expect(d("1.50") == d("1.5"))
        #expect(d("35.50") * d("8") == d("284"))
        #expect(d("2.5") - d("3") == d("-0.5"))
        #expect(ExactDecimal(21).ceilingQuotient(d("0.7")) == 30)
        #expect(d("402.9") * 300 == d("120870"))
        #expect(d("120870").ceilingQuotient(d("0.85") * 1800) == 79)
    }

    @Test(arguments: [
        ("2.345", RoundingMode.halfUp, "2.35"), ("2.345", .halfEven, "2.34"), ("2.355", .halfEven, "2.36"),
        ("2.349", .down, "2.34"), ("-2.345", .halfUp, "-2.35"), ("-2.345", .halfEven, "-2.34"), ("-2.349", .down, "-2.34"),
        ("0.005", .halfUp, "0.01"), ("0.005", .halfEven, "0.00"), ("0.015", .halfEven, "0.02"), ("1.001", .up, "1.01"),
        ("7", .halfUp, "7.00"),
    ])
    func rounding(value: String, mode: RoundingMode, expected: String) {
        #expect(d(value).rounded(scale: 2, mode: mode).plainText == expected)
    }

    @Test func divisionRoundsAtTheRequestedScale() {
        #expect(d("152").divided(by: d("160"), scale: 4, mode: .halfUp) == d("0.95"))
        #expect(d("1").divided(by: d("3"), scale: 3, mode: .halfUp)?.plainText == "0.333")
        #expect(d("2").divided(by: d("3"), scale: 3, mode: .down)?.plainText == "0.666")
        #expect(d("1").divided(by: .zero, scale: 2, mode: .halfUp) == nil)
    }

    @Test func formatsForFiles() {
        #expect(d("1234.5").formatted(places: 2) == "1234.50")
        #expect(d("-0.001").formatted(places: 2) == "0.00")
        #expect(d("30.000").description == "30")
        #expect(d("0.05").description == "0.05")
    }
}
