import Testing
import Core
@testable import Incentives

func dec(_ s: String) -> ExactDecimal { ExactDecimal(s) ?? ExactDecimal(-424242) }

func cond(_ text: String) -> Condition {
    // Test plans use only well-formed expressions.
    Condition(text: text, expression: (try? Expression(parsing: text)) ?? .number(.zero), location: SourceLocation(file: "plan.yaml"))
}

func bands(_ pairs: [(String, String)]) -> [Band] { pairs.map { Band(threshold: dec($0.0), value: dec($0.1)) } }

func component(_ name: String, _ code: String, metric: String, _ mode: TierMode, _ b: [(String, String)], better: Better = .higher,
               requires: [String] = [], requiresMin: [(String, String)] = [], cap: String? = nil, missing: MissingRule? = nil) -> Component {
    Component(name: name, earningsCode: code, kind: .tiers(metric: metric, Tiers(mode: mode, better: better, bands: bands(b))),
              requires: requires, requiresMin: requiresMin.map { ($0.0, dec($0.1)) }, cap: cap.map(dec), missing: missing,
              location: SourceLocation(file: "plan.yaml"))
}

func plan(_ components: [Component], eligibility: [String] = [], gates: [(String, String)] = [], proration: Proration? = nil, cap: String? = nil,
          pools: [TeamPool] = [], rounding: Rounding = Rounding(), missing: MissingRule = .error, metrics: [(String, String)] = []) -> BonusPlan {
    BonusPlan(name: "Test", version: "1", currency: "CNY", effective: nil, rounding: rounding,
              metrics: metrics.map { DerivedMetric(name: $0.0, expression: (try? Expression(parsing: $0.1)) ?? .number(.zero), location: SourceLocation(file: "plan.yaml")) },
              eligibility: eligibility.map(cond), gates: gates.map { Gate(name: $0.0, condition: cond($0.1)) }, components: components,
              proration: proration, capPerAgent: cap.map(dec), teamPools: pools, missing: missing, file: "plan.yaml")
}

func row(_ id: String, team: String = "", _ values: [String: String]) -> MetricsTable.Row {
    MetricsTable.Row(agentID: id, name: "Agent \(id)", team: team, values: values.mapValues(dec), location: SourceLocation(file: "metrics.csv", line: 2))
}

func pay(_ p: BonusPlan, _ rows: [MetricsTable.Row]) throws -> PayoutResult {
    try PayoutCalculator.calculate(plan: p, metrics: MetricsTable(period: "2026-11", rows: rows, file: "metrics.csv"))
}

func amount(_ p: BonusPlan, _ values: [String: String]) throws -> String {
    try pay(p, [row("A1", values)]).total.formatted(places: 2)
}

/// Hand-worked payouts for every rule of SPEC §4.5 (each expected amount is worked out in the comment).
@Suite struct PayoutCalculatorTests {
    static let step = component("productivity", "BONPROD", metric: "cph", .step, [("8", "300"), ("10", "600"), ("12", "1000")])

    @Test(arguments: [("7.99", "0.00"), ("8", "300.00"), ("8.01", "300.00"), ("9.99", "300.00"), ("10", "600.00"), ("11.99", "600.00"),
                      ("12", "1000.00"), ("12.01", "1000.00")])
    func stepPaysTheHighestBandReached(value: String, expected: String) throws {
        #expect(try amount(plan([Self.step]), ["cph": value]) == expected)
    }

    /// 0–20 at 5, 20–50 at 8, 50+ at 10 (like tax brackets).
    @Test(arguments: [("0", "0.00"), ("19.99", "99.95"), ("20", "100.00"), ("20.01", "100.08"), ("49.99", "339.92"), ("50", "340.00"),
                      ("50.01", "340.10"), ("60", "440.00")])
    func graduatedPaysEachUnitAtItsBand(value: String, expected: String) throws {
        let c = component("good_reviews", "BONREV", metric: "good_reviews", .graduated, [("0", "5"), ("20", "8"), ("50", "10")])
        #expect(try amount(plan([c]), ["good_reviews": value]) == expected)
    }

    /// 0+ at 1 %, 10,000+ at 1.5 % on every unit: 9,999.99 × 0.01 = 99.9999 → 100.00; 10,000 × 0.015 = 150.00.
    @Test(arguments: [("9999.99", "100.00"), ("10000", "150.00"), ("10000.01", "150.00"), ("5000", "50.00")])
    func retroactivePaysEveryUnitAtTheBandReached(value: String, expected: String) throws {
        let c = component("sales", "BONSALES", metric: "sales_amount", .retroactive, [("0", "0.01"), ("10000", "0.015")])
        #expect(try amount(plan([c]), ["sales_amount": value]) == expected)
    }

    /// `better: lower`: ≤ 420 → 60, ≤ 360 → 80, ≤ 300 → 100; the lowest band reached counts.
    @Test(arguments: [("421", "0.00"), ("420", "60.00"), ("360.01", "60.00"), ("360", "80.00"), ("300", "100.00"), ("120", "100.00")])
    func lowerIsBetterStep(value: String, expected: String) throws {
        let c = component("aht", "BONAHT", metric: "aht_seconds", .step, [("420", "60"), ("360", "80"), ("300", "100")], better: .lower)
        #expect(try amount(plan([c]), ["aht_seconds": value]) == expected)
    }

    /// Graduated 100 reviews = 100 + 240 + 500 = 840, capped at 800.
    @Test func componentCap() throws {
        let c = component("good_reviews", "BONREV", metric: "good_reviews", .graduated, [("0", "5"), ("20", "8"), ("50", "10")], cap: "800")
        #expect(try amount(plan([c]), ["good_reviews": "100"]) == "800.00")
        #expect(try amount(plan([c]), ["good_reviews": "60"]) == "440.00")
    }

    /// 500 × 152 / 160 = 475.00; at or above full_at no proration; 500 × 100 / 160 = 312.50.
    @Test(arguments: [("152", "475.00"), ("160", "500.00"), ("170", "500.00"), ("100", "312.50"), ("0", "0.00")])
    func proration(hours: String, expected: String) throws {
        let c = component("satisfaction", "BONCSAT", metric: "csat", .step, [("0.9", "200"), ("0.95", "500")])
        let p = plan([c], proration: Proration(metric: "hours_worked", fullAt: 160))
        #expect(try amount(p, ["csat": "0.962", "hours_worked": hours]) == expected)
    }

    /// Graduated at rate 0.1 of 123.45 = 12.345 and of 123.55 = 12.355: each rounding mode on the .5 cases.
    @Test(arguments: [
        (RoundingMode.halfUp, "123.45", "12.35"), (.halfEven, "123.45", "12.34"), (.down, "123.45", "12.34"),
        (.halfUp, "123.55", "12.36"), (.halfEven, "123.55", "12.36"), (.down, "123.59", "12.35"),
    ])
    func roundingModes(mode: RoundingMode, value: String, expected: String) throws {
        let c = component("x", "BONX", metric: "m", .graduated, [("0", "0.1")])
        #expect(try amount(plan([c], rounding: Rounding(scale: 2, mode: mode)), ["m": value]) == expected)
    }

    /// Rounding to whole currency units (scale 0): 12.5 half-even → 12, half-up → 13.
    @Test func roundingScaleZero() throws {
        let c = component("x", "BONX", metric: "m", .graduated, [("0", "0.5")])
        #expect(try pay(plan([c], rounding: Rounding(scale: 0, mode: .halfEven)), [row("A1", ["m": "25"])]).total == 12)
        #expect(try pay(plan([c], rounding: Rounding(scale: 0, mode: .halfUp)), [row("A1", ["m": "25"])]).total == 13)
    }

    static let scorecard = Component(
        name: "scorecard", earningsCode: "BONSCORE",
        kind: .scorecard(Scorecard(
            measures: [
                .init(metric: "csat", weight: dec("0.4"), better: .higher, missing: .zero, points: bands([("0.85", "60"), ("0.90", "80"), ("0.95", "100")])),
                .init(metric: "aht_seconds", weight: dec("0.3"), better: .lower, missing: nil, points: bands([("420", "60"), ("360", "80"), ("300", "100")])),
                .init(metric: "qa_score", weight: dec("0.3"), better: .higher, missing: nil, points: bands([("80", "60"), ("90", "100")])),
            ],
            grades: [.init(from: 90, grade: "A", coefficient: dec("1.5")), .init(from: 75, grade: "B", coefficient: 1), .init(from: 60, grade: "C", coefficient: dec("0.5"))],
            baseAmount: 1000)),
        requires: [], requiresMin: [], cap: nil, missing: nil, location: SourceLocation(file: "plan.yaml"))

    /// csat 0.962 → 100 × 0.4 = 40; aht 310 → 80 × 0.3 = 24; qa 92 → 100 × 0.3 = 30; score 94 → A → 1000 × 1.5 = 1500.
    @Test func scorecardGradeAndCoefficient() throws {
        let result = try pay(plan([Self.scorecard]), [row("A1", ["csat": "0.962", "aht_seconds": "310", "qa_score": "92"])])
        #expect(result.total == 1500)
        #expect(result.details.first?.metricValue == "94.00")
        #expect(result.details.first?.bandReached == "A")
    }

    /// Grade edges: 90 is A (1500); 89.99… is B (1000); 60 is C (500); below 60 nothing.
    /// csat 0.95 → 40, aht 300 → 30, qa 80 → 18: 88 → B. csat 0.90 → 32, aht 360 → 24, qa 90 → 30: 86 → B.
    /// csat 0.95 → 40, aht 300 → 30, qa 90 → 30: 100 → A. csat 0.85 → 24, aht 420 → 18, qa 80 → 18: 60 → C.
    @Test(arguments: [
        (["0.95", "300", "80"], "1000.00"), (["0.90", "360", "90"], "1000.00"), (["0.95", "300", "90"], "1500.00"),
        (["0.85", "420", "80"], "500.00"), (["0.84", "421", "79"], "0.00"),
    ])
    func scorecardGradeEdges(values: [String], expected: String) throws {
        #expect(try amount(plan([Self.scorecard]), ["csat": values[0], "aht_seconds": values[1], "qa_score": values[2]]) == expected)
    }

    /// Exactly at a grade boundary: csat 0.90 → 32, aht 300 → 30, qa 90 → 30 = 92 ≥ 90 → A; and 75 exactly → B:
    /// csat 0.95 → 40, aht 420 → 18, qa 60 → 0 = 58 → nothing; csat 0.90 → 32, aht 360 → 24, qa 80 → 18 = 74 → C.
    @Test func scorecardExactBoundaries() throws {
        #expect(try amount(plan([Self.scorecard]), ["csat": "0.90", "aht_seconds": "300", "qa_score": "90"]) == "1500.00")
        #expect(try amount(plan([Self.scorecard]), ["csat": "0.90", "aht_seconds": "360", "qa_score": "80"]) == "500.00")
        #expect(try amount(plan([Self.scorecard]), ["csat": "0.95", "aht_seconds": "420", "qa_score": "60"]) == "0.00")
    }

    /// csat undefined with `missing: zero` counts 0 points; qa undefined with plan `missing: skip` leaves the
    /// measure out: (csat 0 → 0 × 0.4 + aht 300 → 100 × 0.3) / 0.7 = 42.857… → below C → 0.
    @Test func scorecardMissingMeasures() throws {
        let result = try pay(plan([Self.scorecard], missing: .skip), [row("A1", ["aht_seconds": "300"])])
        #expect(result.total == 0)
        #expect(result.details.first?.metricValue == "42.86")
    }

    @Test func gatesAndRequiresMin() throws {
        let c = component("satisfaction", "BONCSAT", metric: "csat", .step, [("0.9", "200"), ("0.95", "500")], requires: ["quality"],
                          requiresMin: [("csat_responses", "30")])
        let p = plan([c], gates: [("quality", "qa_score >= 80")])
        #expect(try amount(p, ["csat": "0.96", "qa_score": "80", "csat_responses": "30"]) == "500.00")
        #expect(try amount(p, ["csat": "0.96", "qa_score": "79.9", "csat_responses": "30"]) == "0.00")
        #expect(try amount(p, ["csat": "0.96", "qa_score": "95", "csat_responses": "29"]) == "0.00")
        // requires_min on an undefined value is not met.
        #expect(try amount(p, ["csat": "0.96", "qa_score": "95"]) == "0.00")
        let detail = try pay(p, [row("A1", ["csat": "0.96", "qa_score": "76", "csat_responses": "40"])]).details.first
        #expect(detail?.working.first == "requires gate quality: qa_score >= 80 was not met (qa_score = 76); pays 0")
    }

    @Test func eligibilityStopsEverything() throws {
        let p = plan([Self.step], eligibility: ["hours_worked >= 40"])
        #expect(try amount(p, ["cph": "12", "hours_worked": "40"]) == "1000.00")
        let result = try pay(p, [row("A1", ["cph": "12", "hours_worked": "39.5"])])
        #expect(result.lines.isEmpty)
        #expect(result.details.first?.working.first == "not eligible: hours_worked >= 40 was not met (hours_worked = 39.5); no bonus this period")
    }

    /// Lines 1000 (step) + 800 (graduated, capped) + 1500 (scorecard) = 3300 over a 3000 cap:
    /// 300 comes off the last component, the scorecard: 1000 + 800 + 1200.
    @Test func agentCapRemovesFromTheLastComponentsFirst() throws {
        let reviews = component("good_reviews", "BONREV", metric: "good_reviews", .graduated, [("0", "5"), ("20", "8"), ("50", "10")], cap: "800")
        let p = plan([Self.step, reviews, Self.scorecard], cap: "3000")
        let result = try pay(p, [row("A1", ["cph": "12", "good_reviews": "100", "csat": "0.962", "aht_seconds": "310", "qa_score": "92"])])
        #expect(result.total == 3000)
        #expect(result.lines.map(\.amount) == [1000, 800, 1200])
        // A cap larger than the last line takes from the one before too: 3300 over 1000 → 1000, 0, 0.
        let tight = try pay(plan([Self.step, reviews, Self.scorecard], cap: "1000"),
                            [row("A1", ["cph": "12", "good_reviews": "100", "csat": "0.962", "aht_seconds": "310", "qa_score": "92"])])
        #expect(tight.lines.map(\.amount) == [1000])
        #expect(tight.total == 1000)
    }

    @Test func missingRules() throws {
        let c = component("productivity", "BONPROD", metric: "cph", .step, [("0", "300")])
        #expect(try amount(plan([c], missing: .zero), [:]) == "300.00")   // 0 reaches the band from 0
        #expect(try amount(plan([c], missing: .skip), [:]) == "0.00")
        #expect(throws: PayoutError.self) { try amount(plan([c], missing: .error), [:]) }
        // A derived metric that divides by zero is undefined and follows the same rule.
        let derived = plan([component("p", "BONP", metric: "rate", .step, [("0", "100")])], missing: .skip, metrics: [("rate", "a / b")])
        let result = try pay(derived, [row("A1", ["a": "3", "b": "0"])])
        #expect(result.total == 0)
        #expect(result.details.first?.working.first == "rate is undefined (b is 0 in a / b): component skipped, pays 0")
    }

    /// 100.00 equally among three: 33.33 each and 0.01 left over, which goes to A1 (equal losses, equal
    /// shares, first agent id); the pool is paid exactly.
    @Test func teamPoolRemainderEqually() throws {
        let pool = TeamPool(name: "team-bonus", earningsCode: "BONTEAM", amountPerTeam: 100, split: .equally, minTeamScore: nil, scoreComponent: "scorecard")
        let members = ["A3", "A1", "A2"].map { row($0, team: "red", ["csat": "0.962", "aht_seconds": "310", "qa_score": "92"]) }
        let result = try pay(plan([Self.scorecard], pools: [pool]), members)
        let shares = result.lines.filter { $0.earningsCode == "BONTEAM" }
        #expect(shares.map(\.agentID) == ["A1", "A2", "A3"])
        #expect(shares.map(\.amount) == [dec("33.34"), dec("33.33"), dec("33.33")])
    }

    /// 5000 by score 90 / 80 / 70: 1875, 1666.666…, 1458.333… → 1875.00, 1666.66, 1458.33 (4999.99); the cent
    /// goes to the largest loss (0.00666… for the second member): 1666.67.
    @Test func teamPoolRemainderByScore() throws {
        let pool = TeamPool(name: "team-bonus", earningsCode: "BONTEAM", amountPerTeam: 5000, split: .byScore, minTeamScore: 75, scoreComponent: "s")
        let measure = Scorecard.Measure(metric: "q", weight: 1, better: .higher, missing: nil, points: bands([("0", "0"), ("70", "70"), ("80", "80"), ("90", "90")]))
        let card = Component(name: "s", earningsCode: "BONS", kind: .scorecard(Scorecard(measures: [measure], grades: [], baseAmount: 0)),
                             requires: [], requiresMin: [], cap: nil, missing: nil, location: SourceLocation(file: "plan.yaml"))
        let result = try pay(plan([card], pools: [pool]), [row("B", team: "t", ["q": "80"]), row("A", team: "t", ["q": "90"]), row("C", team: "t", ["q": "70"])])
        #expect(result.lines.map(\.amount) == [dec("1875.00"), dec("1666.67"), dec("1458.33")])
        #expect(result.total == 5000)
        // Team score (90 + 80 + 70) / 3 = 80 ≥ 75; with 60 instead of 90 the team scores 70 and gets nothing.
        let low = try pay(plan([card], pools: [pool]), [row("B", team: "t", ["q": "80"]), row("A", team: "t", ["q": "60"]), row("C", team: "t", ["q": "70"])])
        #expect(low.total == 0)
    }

    /// Graduated at rate 0.1 of 123.456789 = 12.3456789, rounded at scales 3 to 6 (worked digit by digit).
    @Test(arguments: [
        (3, RoundingMode.halfUp, "12.346"), (4, .halfUp, "12.3457"), (5, .halfUp, "12.34568"), (6, .halfUp, "12.345679"),
        (3, .down, "12.345"), (4, .down, "12.3456"), (5, .down, "12.34567"), (6, .down, "12.345678"),
        (3, .halfEven, "12.346"), (6, .halfEven, "12.345679"),
    ])
    func roundingScalesThreeToSix(scale: Int, mode: RoundingMode, expected: String) throws {
        let c = component("x", "BONX", metric: "m", .graduated, [("0", "0.1")])
        let result = try pay(plan([c], rounding: Rounding(scale: scale, mode: mode)), [row("A1", ["m": "123.456789"])])
        #expect(result.total == dec(expected))
        #expect(result.total.formatted(places: scale) == expected)
    }

    /// 1000 by hours 150 / 100 / 50 (of 300 hours): 500, 333.333…, 166.666… → 500.00, 333.33, 166.66 (999.99);
    /// the cent goes to the largest rounding loss (0.00666… for the 50-hour member): 166.67.
    @Test func teamPoolByHours() throws {
        let pool = TeamPool(name: "team-bonus", earningsCode: "BONTEAM", amountPerTeam: 1000, split: .byHours, minTeamScore: nil, scoreComponent: "s")
        let measure = Scorecard.Measure(metric: "q", weight: 1, better: .higher, missing: nil, points: bands([("0", "50")]))
        let card = Component(name: "s", earningsCode: "BONS", kind: .scorecard(Scorecard(measures: [measure], grades: [], baseAmount: 0)),
                             requires: [], requiresMin: [], cap: nil, missing: nil, location: SourceLocation(file: "plan.yaml"))
        let members = [row("A", team: "t", ["q": "1", "hours_worked": "150"]), row("B", team: "t", ["q": "1", "hours_worked": "100"]),
                       row("C", team: "t", ["q": "1", "hours_worked": "50"])]
        let result = try pay(plan([card], pools: [pool]), members)
        #expect(result.lines.map(\.agentID) == ["A", "B", "C"])
        #expect(result.lines.map(\.amount) == [dec("500.00"), dec("333.33"), dec("166.67")])
        #expect(result.total == 1000)
    }
}
