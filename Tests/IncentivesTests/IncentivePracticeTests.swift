import Core
import Testing
@testable import Incentives

/// Growth tiers through prev(), deductions down to the floor, honours with ties — each worked by hand.
@Suite struct IncentivePracticeTests {
    /// 阶梯 growth: +2,000 over last month pays 100, +5,000 pays 300 (step bands on the growth).
    static let growthPlan = plan([component("growth", "BONGROW", metric: "sales_growth", .step, [("2000", "100"), ("5000", "300")])],
                                 missing: .skip, metrics: [("sales_growth", "sales_amount - prev(sales_amount)")])

    @Test(arguments: [("11999.99", "0.00"), ("12000", "100.00"), ("12000.01", "100.00"), ("14999.99", "100.00"), ("15000", "300.00"), ("9000", "0.00")])
    func growthAgainstThePreviousPeriod(sales: String, expected: String) throws {
        // Last month 10,000: growth = sales − 10,000.
        #expect(try amount(Self.growthPlan, ["sales_amount": sales, "prev(sales_amount)": "10000"]) == expected)
    }

    /// No row for the period before: prev() is undefined, and the component's `missing` rule decides.
    @Test func missingPreviousPeriod() throws {
        let result = try pay(Self.growthPlan, [row("A1", ["sales_amount": "20000"])])
        #expect(result.total == .zero)
        #expect(result.details.first?.working.first?.contains("sales_growth is undefined") == true, "\(result.details)")
        var strict = Self.growthPlan
        strict.missing = .error
        #expect(throws: PayoutError.self) { try pay(strict, [row("A1", ["sales_amount": "20000"])]) }
        var zero = Self.growthPlan
        zero.missing = .zero
        // Undefined growth counted as 0: below the first band.
        #expect(try pay(zero, [row("A1", ["sales_amount": "20000"])]).total == .zero)
    }

    /// 50 per upheld complaint, capped at 300; the floor 100.
    static func deductionPlan(floor: String = "100") -> BonusPlan {
        var p = plan([component("base", "BONB", metric: "score", .step, [("0", "400")])])
        p.deductions = [Deduction(name: "complaints", earningsCode: "DEDCOMP", metric: "complaints", perUnit: dec("50"), cap: dec("300"),
                                  location: SourceLocation(file: "plan.yaml")),
                        Deduction(name: "lateness", earningsCode: "DEDLATE", metric: "late", perUnit: dec("20"), cap: nil,
                                  location: SourceLocation(file: "plan.yaml"))]
        p.floorPerAgent = dec(floor)
        return p
    }

    /// 400 paid. 2 complaints: −100, 1 late: −20 → 280. 8 complaints: 400 capped at 300 → −300, then 5 late
    /// −100 would leave 0 < 100: lateness (the last) is reduced to −0, and complaints stays −300 → 100.
    /// 10 late and 0 complaints: −200 → 200. 20 late: −400 would leave 0: reduced to −300 → 100.
    static let floorCases: [(complaints: String, late: String, total: String, complaintLine: String?, lateLine: String?)] = [
        ("2", "1", "280.00", "-100.00", "-20.00"), ("8", "5", "100.00", "-300.00", nil), ("0", "10", "200.00", nil, "-200.00"),
        ("0", "20", "100.00", nil, "-300.00"), ("7", "0", "100.00", "-300.00", nil),
    ]

    @Test func deductionsDownToTheFloor() throws {
        for c in Self.floorCases { try check(complaints: c.complaints, late: c.late, total: c.total, complaintLine: c.complaintLine, lateLine: c.lateLine) }
    }

    func check(complaints: String, late: String, total: String, complaintLine: String?, lateLine: String?) throws {
        let result = try pay(Self.deductionPlan(), [row("A1", ["score": "1", "complaints": complaints, "late": late])])
        #expect(result.total.formatted(places: 2) == total)
        #expect(result.lines.first { $0.earningsCode == "DEDCOMP" }?.amount.formatted(places: 2) == complaintLine)
        #expect(result.lines.first { $0.earningsCode == "DEDLATE" }?.amount.formatted(places: 2) == lateLine)
        if total == "100.00", late != "0" {  // 7 complaints alone land exactly on the floor: nothing to reduce
            #expect(result.details.contains { $0.working.contains { $0.contains("so that the total stays at the floor 100.00") } })
        }
    }

    /// A total already under the floor is never pushed further down, and never raised either.
    @Test func floorAboveThePay() throws {
        let result = try pay(Self.deductionPlan(floor: "500"), [row("A1", ["score": "1", "complaints": "3", "late": "0"])])
        #expect(result.total.formatted(places: 2) == "400.00")
        #expect(result.lines.allSatisfy { $0.earningsCode != "DEDCOMP" })
    }

    static func honourPlan(top: Int, within: Honour.Within, minScore: String? = nil) -> BonusPlan {
        let card = Scorecard(measures: [Scorecard.Measure(metric: "qa", weight: .one, better: .higher, missing: nil,
                                                          points: bands([("0", "0"), ("1", "1")]))],
                             grades: [], baseAmount: .zero)
        var p = plan([Component(name: "card", earningsCode: "BONC", kind: .scorecard(card), requires: [], requiresMin: [], cap: nil, missing: nil,
                                location: SourceLocation(file: "plan.yaml"))],
                     metrics: [])
        p.honours = [Honour(name: "服务之星", rankBy: "card", top: top, within: within, minScore: minScore.map(dec), amount: dec("200"),
                            earningsCode: "BONSTAR", location: SourceLocation(file: "plan.yaml"))]
        return p
    }

    /// Seven agents; with `scoredPlan`'s bands each one's score equals its qa value.
    static func rows() -> [MetricsTable.Row] {
        [row("A1", team: "t1", ["qa": "90"]), row("A2", team: "t1", ["qa": "95"]), row("A3", team: "t1", ["qa": "90"]),
         row("A4", team: "t1", ["qa": "80"]), row("B1", team: "t2", ["qa": "70"]), row("B2", team: "t2", ["qa": "99"]), row("C1", ["qa": "100"])]
    }

    static func scoredPlan(top: Int, within: Honour.Within, minScore: String? = nil) -> BonusPlan {
        var p = honourPlan(top: top, within: within, minScore: minScore)
        // Points equal to the value from 70 to 100 in steps that keep the values distinct as given.
        let b = [("70", "70"), ("80", "80"), ("90", "90"), ("95", "95"), ("99", "99"), ("100", "100")]
        p.components[0].kind = .scorecard(Scorecard(measures: [Scorecard.Measure(metric: "qa", weight: .one, better: .higher, missing: nil, points: bands(b))],
                                                    grades: [], baseAmount: .zero))
        return p
    }

    /// Team t1 scores A2 95, A1 90, A3 90, A4 80: top 2 gives A2 (rank 1) and the tie for 2nd, A1 and A3 (rank 2).
    /// Team t2: B2 99, B1 70. C1 has no team: not ranked within a team.
    @Test func tiesAtTheLastPlaceAreIncluded() throws {
        let result = try pay(Self.scoredPlan(top: 2, within: .team), Self.rows())
        let awards = result.honours.map { "\($0.group) \($0.rank) \($0.agentID)" }
        #expect(awards == ["t1 1 A2", "t1 2 A1", "t1 2 A3", "t2 1 B2", "t2 2 B1"])
        #expect(result.lines.filter { $0.earningsCode == "BONSTAR" }.count == 5)
        #expect(result.lines.filter { $0.earningsCode == "BONSTAR" }.allSatisfy { $0.amount == dec("200") })
        // Overall, top 1 with a minimum of 95: C1 (100) only; top 3: C1, B2, A2.
        #expect(try pay(Self.scoredPlan(top: 1, within: .all, minScore: "95"), Self.rows()).honours.map(\.agentID) == ["C1"])
        #expect(try pay(Self.scoredPlan(top: 3, within: .all), Self.rows()).honours.map(\.agentID) == ["C1", "B2", "A2"])
        // min_score 91 leaves t1 with A2 alone.
        #expect(try pay(Self.scoredPlan(top: 2, within: .team, minScore: "91"), Self.rows()).honours.map(\.agentID) == ["A2", "B2"])
    }

    /// Honours never depend on the metrics file's row order.
    @Test func honoursIndependentOfRowOrder() throws {
        var rng = SplitMix64(seed: 7)
        let base = try pay(Self.scoredPlan(top: 2, within: .team), Self.rows()).honours
        for _ in 0..<20 {
            var shuffled = Self.rows()
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            #expect(try pay(Self.scoredPlan(top: 2, within: .team), shuffled).honours == base)
        }
    }

    /// Property: for random metrics, a deduction never raises pay, and the floor holds whenever the pay before
    /// deductions was at or above it.
    @Test func deductionsNeverRaisePayAndTheFloorHolds() throws {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<300 {
            let floor = String(rng.next() % 500)
            let values = ["score": "1", "complaints": String(rng.next() % 12), "late": String(rng.next() % 30)]
            let withDeductions = try pay(Self.deductionPlan(floor: floor), [row("A1", values)]).total
            var plain = Self.deductionPlan(floor: floor)
            plain.deductions = []
            let without = try pay(plain, [row("A1", values)]).total
            #expect(withDeductions <= without)
            #expect(withDeductions >= min(without, dec(floor)), "floor \(floor), \(values)")
        }
    }
}
