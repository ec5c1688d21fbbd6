import Core
import Incentives
import Testing

@Suite struct TierTableTests {
    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text) ?? ExactDecimal(-999_999) }

    static let productivity = [
        TierBand(from: d("8"), value: d("300")), TierBand(from: d("10"), value: d("600")), TierBand(from: d("12"), value: d("1000")),
    ]
    static let reviews = [
        TierBand(from: d("0"), value: d("5")), TierBand(from: d("20"), value: d("8")), TierBand(from: d("50"), value: d("10")),
    ]
    static let sales = [TierBand(from: d("0"), value: d("0.01")), TierBand(from: d("10000"), value: d("0.015"))]

    @Test(arguments: [
        ("0", "0"), ("7.99", "0"), ("8", "300"), ("9.99", "300"), ("10", "600"), ("11.999", "600"),
        ("12", "1000"), ("12.01", "1000"), ("500", "1000"), ("-1", "0"),
    ])
    func stepPaysTheHighestBandReached(value: String, amount: String) {
        #expect(TierTable.amount(Self.d(value), bands: Self.productivity, mode: .step) == Self.d(amount))
    }

    @Test(arguments: [
        ("0", "0"), ("1", "5"), ("19.99", "99.95"), ("20", "100"), ("20.01", "100.08"), ("49", "332"),
        ("50", "340"), ("50.5", "345"), ("60", "440"), ("-3", "0"),
    ])
    func graduatedPaysEachUnitAtItsOwnBand(value: String, amount: String) {
        // 60 → 20×5 + 30×8 + 10×10 = 440; 49 → 100 + 29×8 = 332; 20.01 → 100 + 0.01×8.
        #expect(TierTable.amount(Self.d(value), bands: Self.reviews, mode: .graduated) == Self.d(amount))
    }

    @Test(arguments: [
        ("0", "0"), ("5000", "50"), ("9999.99", "99.9999"), ("10000", "150.00"), ("10000.01", "150.00015"),
        ("20000", "300"), ("-1", "0"),
    ])
    func retroactivePaysEveryUnitAtTheHighestBand(value: String, amount: String) {
        #expect(TierTable.amount(Self.d(value), bands: Self.sales, mode: .retroactive) == Self.d(amount))
    }

    @Test func belowTheFirstBandEarnsNothingInEveryMode() {
        let bands = [TierBand(from: Self.d("10"), value: Self.d("2")), TierBand(from: Self.d("20"), value: Self.d("3"))]
        for mode in TierMode.allCases {
            #expect(TierTable.amount(Self.d("9.99"), bands: bands, mode: mode) == .zero)
            #expect(TierTable.amount(Self.d("5"), bands: [], mode: mode) == .zero)
        }
        // Graduated counts units from the first band's start: 15 → 5 × 2.
        #expect(TierTable.amount(Self.d("15"), bands: bands, mode: .graduated) == Self.d("10"))
        #expect(TierTable.amount(Self.d("25"), bands: bands, mode: .graduated) == Self.d("35"))
        #expect(TierTable.amount(Self.d("25"), bands: bands, mode: .retroactive) == Self.d("75"))
    }

    @Test func bandReachedIsInclusiveAtEachFrom() {
        #expect(TierTable.bandReached(Self.d("7.999"), bands: Self.productivity) == nil)
        #expect(TierTable.bandReached(Self.d("8"), bands: Self.productivity) == 0)
        #expect(TierTable.bandReached(Self.d("10"), bands: Self.productivity) == 1)
        #expect(TierTable.bandReached(Self.d("12"), bands: Self.productivity) == 2)
    }
}
