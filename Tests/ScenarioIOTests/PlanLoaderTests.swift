import Testing
import Foundation
import Core
import Incentives
@testable import ScenarioIO

@Suite struct PlanLoaderTests {
    // MARK: - Helpers

    /// Loads `path` expecting an InputError; returns its diagnostics as text.
    func problems(_ path: String, period: String = "2026-03") -> [String] {
        do {
            _ = try PlanLoader.load(path, period: period)
            Issue.record("expected the plan to be rejected")
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    /// `file:line:column` of the first occurrence of `token` on the first line containing `lineText`.
    func at(_ fixture: PlanFixture, _ lineText: String, _ token: String, source: String) -> String {
        let lines = source.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(lineText) }), let range = lines[index].range(of: token) else {
            Issue.record("no \(token) on a line with \(lineText)")
            return "?"
        }
        let column = lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1
        return "\(fixture.path("plan.yaml")):\(index + 1):\(column):"
    }

    /// Breaks the example plan by one replacement and returns (problems, location of `token` on the changed line).
    func broken(_ old: String, _ new: String, token: String, line: Int? = nil, period: String = "2026-03") throws -> (problems: [String], at: String) {
        let fixture = try PlanFixture()
        let source = PlanFixture.plan.replacingOccurrences(of: old, with: new)
        let path = try fixture.plan(replacing: old, with: new)
        if let line {
            let text = source.components(separatedBy: "\n")[line - 1]
            let column = text.range(of: token).map { text.distance(from: text.startIndex, to: $0.lowerBound) + 1 } ?? 0
            return (problems(path, period: period), "\(path):\(line):\(column):")
        }
        let lineText = new.components(separatedBy: "\n").first { $0.contains(token) } ?? new
        return (problems(path, period: period), at(fixture, lineText, token, source: source))
    }

    func expectProblem(_ result: (problems: [String], at: String), _ fragments: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let match = result.problems.first { p in p.hasPrefix(result.at) && fragments.allSatisfy { p.contains($0) } }
        #expect(match != nil, "no problem at \(result.at) with \(fragments) in:\n\(result.problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    // MARK: - The example plan

    @Test func theSpecExamplePlanLoadsWithItsStructure() throws {
        let fixture = try PlanFixture()
        let path = try fixture.write("plan.yaml", PlanFixture.plan)
        let loaded = try PlanLoader.load(path, period: "2026-03")
        let plan = loaded.plan
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(plan.name == "Service Excellence" && plan.version == "2026.1" && plan.currency == "CNY")
        #expect(plan.file == path)
        #expect(plan.effective == LocalDate(iso: "2026-01-01")!...LocalDate(iso: "2026-12-31")!)
        #expect(plan.rounding == Rounding(scale: 2, mode: .halfUp))
        #expect(plan.missing == .error)
        #expect(plan.metrics.map(\.name) == ["csat_rate", "contacts_per_hour"])
        #expect(plan.metrics[0].expression == (try Expression(parsing: "csat_satisfied / csat_responses")))
        #expect(plan.metrics[0].location.line == 7)
        #expect(plan.eligibility.map(\.text) == ["hours_worked >= 40"])
        #expect(plan.eligibility[0].location.line == 9 && plan.eligibility[0].location.column == 17)  // after the quote
        #expect(plan.gates.map(\.name) == ["quality"])
        #expect(plan.components.map(\.name) == ["productivity", "good_reviews", "satisfaction", "sales", "scorecard"])
        #expect(plan.components.map(\.earningsCode) == ["BONPROD", "BONREV", "BONCSAT", "BONSALES", "BONSCORE"])
        #expect(plan.components[0].requires == ["quality"])
        #expect(plan.components[0].location.line == 13)
        guard case .tiers(let metric, let step) = plan.components[0].kind else { Issue.record("productivity pays from tiers"); return }
        #expect(metric == "contacts_per_hour")
        #expect(step.mode == .step && step.better == .higher)
        #expect(step.bands == [Band(threshold: 8, value: 300), Band(threshold: 10, value: 600), Band(threshold: 12, value: 1000)])
        #expect(plan.components[1].cap == 800)
        guard case .tiers(_, let csat) = plan.components[2].kind else { Issue.record("satisfaction pays from tiers"); return }
        #expect(csat.bands[0].threshold == ExactDecimal("0.90"))
        #expect(plan.components[2].requiresMin.map(\.metric) == ["csat_responses"])
        #expect(plan.components[2].requiresMin.map(\.minimum) == [30])
        guard case .tiers(_, let sales) = plan.components[3].kind else { Issue.record("sales pays from tiers"); return }
        #expect(sales.mode == .retroactive && sales.bands[1].value == ExactDecimal("0.015"))
        guard case .scorecard(let card) = plan.components[4].kind else { Issue.record("scorecard is a scorecard"); return }
        #expect(card.measures.map(\.metric) == ["csat_rate", "aht_seconds", "qa_score"])
        #expect(card.measures.map(\.weight) == [ExactDecimal("0.4")!, ExactDecimal("0.3")!, ExactDecimal("0.3")!])
        #expect(card.measures[0].missing == .zero && card.measures[1].missing == nil)
        #expect(card.measures[1].better == .lower)
        #expect(card.measures[1].points.map(\.threshold) == [420, 360, 300])
        #expect(card.grades.map(\.grade) == ["A", "B", "C"])
        #expect(card.grades.map(\.coefficient) == [ExactDecimal("1.5")!, 1, ExactDecimal("0.5")!])
        #expect(card.baseAmount == 1000)
        #expect(plan.proration == Proration(metric: "hours_worked", fullAt: 160))
        #expect(plan.capPerAgent == 3000)
        #expect(plan.teamPools == [TeamPool(name: "team-bonus", earningsCode: "BONTEAM", amountPerTeam: 5000, split: .byScore,
                                            minTeamScore: 75, scoreComponent: "scorecard")])
        #expect(plan.requiredColumns == ["csat_satisfied", "csat_responses", "contacts_handled", "hours_worked", "qa_score",
                                         "good_reviews", "sales_amount", "aht_seconds"])
    }

    @Test func numbersAreReadExactlyFromTheText() throws {
        let fixture = try PlanFixture()
        let path = try fixture.plan(replacing: "{from: 0, rate: 0.01}", with: "{from: 0, rate: 999999999.999999}")
        let plan = try PlanLoader.load(path, period: "2026-03").plan
        guard case .tiers(_, let sales) = plan.components[3].kind else { Issue.record("sales pays from tiers"); return }
        #expect(sales.bands[0].value == ExactDecimal(mantissa: 999_999_999_999_999, scale: 6))
    }

    /// Numbers beyond 10^9 or with more than 6 decimals are refused where they are written, so the
    /// exact arithmetic built on them cannot overflow.
    @Test func numbersOutsideTheBoundsAreLocated() throws {
        let fine = try broken("{from: 0, rate: 0.01}", "{from: 0, rate: 0.100000000000000005}", token: "0.100000000000000005")
        expectProblem(fine, "`components[3].tiers.bands[0].rate` is 0.100000000000000005, outside what Shiftwise accepts")
        let big = try broken("base_amount: 1000", "base_amount: 1000000001", token: "1000000001")
        expectProblem(big, "`components[4].scorecard.base_amount` is 1000000001, outside what Shiftwise accepts")
        let points = try broken("{from: 90, points: 100}", "{from: 90, points: 1001}", token: "1001")
        expectProblem(points, "`components[4].scorecard.measures[2].points[1].points` is 1001 but must be ≥ 0 and ≤ 1000")
    }

    @Test func missingRulesAndDefaults() throws {
        let fixture = try PlanFixture()
        let text = PlanFixture.plan
            .replacingOccurrences(of: "rounding: { scale: 2, mode: half-up }", with: "missing: skip")
            .replacingOccurrences(of: "    cap: 800\n", with: "    cap: 800\n    missing: zero\n")
        let plan = try PlanLoader.load(try fixture.write("plan.yaml", text), period: "2026-03").plan
        #expect(plan.missing == .skip)
        #expect(plan.rounding == Rounding(scale: 2, mode: .halfUp))
        #expect(plan.components[1].missing == .zero && plan.components[0].missing == nil)
    }

    /// Text that reaches payroll rows is checked when the plan loads: a currency is three capital
    /// letters, an earnings code holds no tab, CR or formula character.
    @Test func currencyAndEarningsCodesAreChecked() throws {
        let currency = try broken("currency: CNY", "currency: \"=CNY\"", token: "\"=CNY\"")
        expectProblem(currency, "`currency` must be a three-letter ISO 4217 code, got `=CNY`")
        let tab = try broken("earnings_code: BONREV", "earnings_code: \"BON\\tREV\"", token: "\"BON")
        expectProblem(tab, "must be 1 to 30 letters, digits", "BON\\tREV")
        let cr = try broken("earnings_code: BONSALES", "earnings_code: \"BONSALES\\r\"", token: "\"BONSALES")
        expectProblem(cr, "BONSALES\\r")
        let formula = try broken("earnings_code: BONPROD", "earnings_code: \"=BONPROD\"", token: "\"=BONPROD")
        expectProblem(formula, "=BONPROD")
    }

    /// A component or pool named by an empty or blank string is refused at its cell: its lines would have no name.
    @Test func emptyNamesAreRefused() throws {
        let component = try broken("- name: good_reviews", "- name: \"\"", token: "\"\"")
        expectProblem(component, "`components[1].name` is empty")
        let blank = try broken("- name: sales", "- name: \"  \"", token: "\"  \"")
        expectProblem(blank, "`components[3].name` is empty")
    }

    @Test func missingFileIsMissingInput() throws {
        let fixture = try PlanFixture()
        #expect(throws: MissingInputError.self) { try PlanLoader.load(fixture.path("nope.yaml"), period: "2026-03") }
    }

    // MARK: - Load-time errors

    @Test func unknownKeyWithDidYouMean() throws {
        expectProblem(try broken("cap_per_agent: 3000", "cap_per_agnt: 3000", token: "cap_per_agnt"),
                      "unknown key `cap_per_agnt`", "did you mean `cap_per_agent`?")
        expectProblem(try broken("base_amount: 1000", "base_amout: 1000", token: "base_amout"),
                      "unknown key `components[4].scorecard.base_amout`", "did you mean `base_amount`?")
    }

    @Test func wrongTypes() throws {
        expectProblem(try broken("    cap: 800", "    cap: lots", token: "lots"), "`components[1].cap` must be a number", "write a plain number")
        expectProblem(try broken("requires: [quality]", "requires: { quality: 1 }", token: "{"), "must list gate names")
    }

    @Test func bandsOutOfOrder() throws {
        expectProblem(try broken("{from: 10, amount: 600}, {from: 12, amount: 1000}", "{from: 12, amount: 1000}, {from: 10, amount: 600}",
                                 token: "from: 10"),
                      "bands are not in order: `from: 10` comes after `from: 12`", "sort the bands by `from`, smallest first")
    }

    @Test func duplicateBands() throws {
        expectProblem(try broken("{from: 20, rate: 8}", "{from: 0, rate: 8}", token: "from: 0, rate: 8"),
                      "two bands have `from: 0` (also line 21)", "merge them or delete one")
    }

    @Test func betterLowerBandsDescendByTo() throws {
        expectProblem(try broken("{to: 420, points: 60}, {to: 360, points: 80}", "{to: 360, points: 80}, {to: 420, points: 60}", token: "to: 420"),
                      "`to: 420` comes after `to: 360`", "sort the bands by `to`, largest first")
    }

    @Test func bandWithBothOrTheWrongThreshold() throws {
        expectProblem(try broken("{from: 8, amount: 300}", "{from: 8, to: 9, amount: 300}", token: "{from: 8"),
                      "has both `from` and `to`", "keep `from`")
        expectProblem(try broken("{to: 420, points: 60}", "{from: 420, points: 60}", token: "from: 420"),
                      "uses `from`, but with `better: lower` bands end at `to`", "write `to:`")
        expectProblem(try broken("{from: 8, amount: 300}", "{amount: 300}", token: "{amount"),
                      "`components[0].tiers.bands[0].from` is missing", "add `from: …`")
    }

    @Test func bandValueMustMatchTheMode() throws {
        expectProblem(try broken("{from: 8, amount: 300}", "{from: 8, rate: 300}", token: "rate"),
                      "a step band pays `amount`, not `rate`", "rename `rate` to `amount`")
        expectProblem(try broken("{from: 0, rate: 5}", "{from: 0, amount: 5}", token: "amount"),
                      "a graduated band pays `rate`, not `amount`", "rename `amount` to `rate`")
        expectProblem(try broken("{from: 80, points: 60}", "{from: 80, amount: 60}", token: "amount"),
                      "a scorecard band pays `points`, not `amount`", "rename `amount` to `points`")
        expectProblem(try broken("{from: 0, rate: 0.01}", "{from: 0, rate: 0.01, amount: 3}", token: "amount"),
                      "a retroactive band pays `rate`, not `amount`", "delete `amount`")
    }

    @Test func scorecardWeightsMustSumToExactlyOne() throws {
        expectProblem(try broken("metric: qa_score, weight: 0.3", "metric: qa_score, weight: 0.31", token: "measures:", line: 35),
                      "the scorecard weights sum to 1.01, not 1", "add up to exactly 1")
    }

    @Test func gradesOutOfOrderAndStoredDescending() throws {
        expectProblem(try broken("{from: 75, grade: B, coefficient: 1.0}, {from: 60, grade: C, coefficient: 0.5}",
                                 "{from: 60, grade: C, coefficient: 0.5}, {from: 75, grade: B, coefficient: 1.0}", token: "from: 75"),
                      "grades are not in order of `from`", "highest first")
        let fixture = try PlanFixture()
        let path = try fixture.plan(replacing: "[ {from: 90, grade: A, coefficient: 1.5}, {from: 75, grade: B, coefficient: 1.0}, {from: 60, grade: C, coefficient: 0.5} ]",
                                    with: "[ {from: 60, grade: C, coefficient: 0.5}, {from: 75, grade: B, coefficient: 1.0}, {from: 90, grade: A, coefficient: 1.5} ]")
        guard case .scorecard(let card) = try PlanLoader.load(path, period: "2026-03").plan.components[4].kind else { Issue.record("scorecard"); return }
        #expect(card.grades.map(\.grade) == ["A", "B", "C"])
    }

    @Test func derivedMetricUsingALaterOneOrItself() throws {
        expectProblem(try broken("csat_rate: csat_satisfied / csat_responses", "csat_rate: csat_satisfied / contacts_per_hour", token: "contacts_per_hour"),
                      "metric `csat_rate` uses `contacts_per_hour`, which is defined after it (line 8)", "move `contacts_per_hour` above `csat_rate`")
        expectProblem(try broken("csat_rate: csat_satisfied / csat_responses", "csat_rate: csat_rate / csat_responses", token: "csat_rate /"),
                      "metric `csat_rate` refers to itself")
    }

    @Test func expressionErrorsPointIntoTheScalar() throws {
        // Quoted scalar: the column counts the opening quote.
        expectProblem(try broken("\"hours_worked >= 40\"", "\"hours_worked >= >= 40\"", token: ">= 40"), "unexpected")
        // Plain scalar.
        expectProblem(try broken("contacts_handled / hours_worked", "contacts_handled / / hours_worked", token: "/ hours"), "unexpected")
    }

    @Test func expressionsMustHaveTheRightType() throws {
        expectProblem(try broken("contacts_handled / hours_worked", "contacts_handled > hours_worked", token: ">"),
                      "is a condition, but a number is needed")
        expectProblem(try broken("\"qa_score >= 80\"", "\"qa_score + 80\"", token: "+"), "is a number, but a condition is needed", "compare it")
    }

    @Test func metricFieldsNameOneMetric() throws {
        expectProblem(try broken("metric: good_reviews", "metric: good_reviews * 2", token: "good_reviews * 2"),
                      "must name one metric", "define it under `metrics:`")
    }

    @Test func unknownGate() throws {
        expectProblem(try broken("requires: [quality]", "requires: [qualty]", token: "qualty"), "unknown gate `qualty`", "did you mean `quality`?")
    }

    @Test func duplicateComponentNamesButSharedEarningsCodes() throws {
        expectProblem(try broken("  - name: sales\n", "  - name: productivity\n", token: "productivity", line: 28),
                      "component `productivity` is defined twice (first on line 13)", "give every component its own name")
        let fixture = try PlanFixture()
        let path = try fixture.plan(replacing: "earnings_code: BONSALES", with: "earnings_code: BONPROD")
        #expect(try PlanLoader.load(path, period: "2026-03").plan.components[3].earningsCode == "BONPROD")
    }

    @Test func poolWithoutAScoreComponentToUse() throws {
        expectProblem(try broken(", score_component: scorecard }", " }", token: "{ name: team-bonus", line: 44),
                      "a pool without a score component to use", "add `score_component:`")
        expectProblem(try broken("score_component: scorecard", "score_component: sales", token: "sales"),
                      "component `sales` is not a scorecard", "name a component that has a `scorecard:`")
        expectProblem(try broken("score_component: scorecard", "score_component: scorecrd", token: "scorecrd"),
                      "there is no component `scorecrd`", "did you mean `scorecard`?")
    }

    @Test func effectiveRangeMustCoverTheWholePeriod() throws {
        let fixture = try PlanFixture()
        let path = try fixture.write("plan.yaml", PlanFixture.plan)
        let location = "\(path):4:1:"
        let next = problems(path, period: "2027-01")
        #expect(next.contains { $0.hasPrefix(location) && $0.contains("effective 2026-01-01 … 2026-12-31, which does not cover the whole period 2027-01") })
        #expect(next.contains { $0.contains("plan version in force") })
        // Starting mid-month does not cover that month.
        let mid = try fixture.plan(replacing: "from: 2026-01-01", with: "from: 2026-03-15")
        #expect(problems(mid, period: "2026-03").contains { $0.hasPrefix(location) && $0.contains("period 2026-03") })
        #expect((try? PlanLoader.load(mid, period: "2026-04")) != nil)
        #expect(problems(path, period: "2026-3").contains { $0.contains("not a month YYYY-MM") })
    }

    @Test func roundingModeAndScale() throws {
        expectProblem(try broken("mode: half-up", "mode: half-upp", token: "half-upp"),
                      "must be half-up, half-even or down", "did you mean `half-up`?")
        expectProblem(try broken("mode: half-up", "mode: up", token: "up }"), "must be half-up, half-even or down")
        expectProblem(try broken("scale: 2", "scale: 7", token: "7"), "`rounding.scale` is 7 but must be ≤ 6")
    }

    @Test func betterLowerOnlyWithStepTiers() throws {
        expectProblem(try broken("tiers: { mode: graduated,", "tiers: { mode: graduated, better: lower,", token: "better"),
                      "`better: lower` is not supported with `graduated` tiers, only with `step`")
    }

    @Test func prorationAndCapsRanges() throws {
        expectProblem(try broken("full_at: 160", "full_at: 0", token: "0 }"), "`proration.full_at` is 0 but must be > 0")
        expectProblem(try broken("cap_per_agent: 3000", "cap_per_agent: -5", token: "-5"), "`cap_per_agent` is -5 but must be ≥ 0")
        expectProblem(try broken("    cap: 800", "    cap: -1", token: "-1"), "`components[1].cap` is -1 but must be ≥ 0")
    }

    @Test func everyProblemIsCollected() throws {
        let fixture = try PlanFixture()
        let text = PlanFixture.plan
            .replacingOccurrences(of: "requires: [quality]", with: "requires: [qualty]")
            .replacingOccurrences(of: "cap_per_agent: 3000", with: "cap_per_agnt: 3000")
            .replacingOccurrences(of: "weight: 0.4", with: "weight: 0.5")
        let found = problems(try fixture.write("plan.yaml", text))
        #expect(found.count == 3, "\(found)")
        #expect(found.map { $0.split(separator: ":")[1] } == ["16", "35", "42"])  // in file order
    }

    @Test func missingRulesAreZeroSkipOrError() throws {
        expectProblem(try broken("missing: zero,", "missing: zeros,", token: "zeros"),
                      "`components[4].scorecard.measures[0].missing` must be zero, skip or error, got `zeros`", "did you mean `zero`?")
    }

    @Test func aComponentPaysFromTiersOrAScorecard() throws {
        expectProblem(try broken("    cap: 800\n", "    cap: 800\n    scorecard: { base_amount: 1 }\n", token: "scorecard"),
                      "has both a `scorecard` and `metric`/`tiers`", "split it into two components")
        expectProblem(try broken("{from: 75, grade: B", "{from: 75, grade: A", token: "A, coefficient: 1.0", line: 39),
                      "grade `A` is defined twice (also line 39)", "give every grade its own name")
    }

    // MARK: - Warnings

    @Test func nonMonotoneComponentsWarn() throws {
        let fixture = try PlanFixture()
        let text = PlanFixture.plan
            .replacingOccurrences(of: "{from: 10, amount: 600}", with: "{from: 10, amount: 200}")
            .replacingOccurrences(of: "{from: 0, rate: 0.01}", with: "{from: 0, rate: 0.02}")
            .replacingOccurrences(of: "{to: 360, points: 80}", with: "{to: 360, points: 50}")
            .replacingOccurrences(of: "{from: 75, grade: B, coefficient: 1.0}", with: "{from: 75, grade: B, coefficient: 1.6}")
        let path = try fixture.write("plan.yaml", text)
        let warnings = try PlanLoader.load(path, period: "2026-03").warnings.map(\.description)
        #expect(warnings.count == 4, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("\(path):13:5: warning:") && $0.contains("component `productivity`: the band from 10 gives 200, less than 300") && $0.contains("more contacts_per_hour can pay less") })
        #expect(warnings.contains { $0.hasPrefix("\(path):28:5: warning:") && $0.contains("at 10000 the pay drops from about 200") })
        #expect(warnings.contains { $0.contains("measure `aht_seconds`: the band to 360 gives 50 points, less than 60") })
        #expect(warnings.contains { $0.contains("grade B (from 75) has coefficient 1.6, more than grade A") })
    }

    @Test func retroactiveRatesThatRiseDoNotWarnButNegativeRatesAreRefused() throws {
        let fixture = try PlanFixture()
        // Falling graduated rates still pay more for more: no warning.
        let falling = try fixture.plan(replacing: "{from: 20, rate: 8}, {from: 50, rate: 10}", with: "{from: 20, rate: 4}, {from: 50, rate: 1}")
        #expect(try PlanLoader.load(falling, period: "2026-03").warnings.isEmpty)
        // A negative rate or amount would write negative pay lines: refused where it is written.
        let negative = try broken("{from: 50, rate: 10}", "{from: 50, rate: -1}", token: "-1")
        expectProblem(negative, "`components[1].tiers.bands[2].rate` is -1 but must be ≥ 0")
    }

    // MARK: - Deductions, honours, prev()

    static let pool = "- { name: team-bonus, earnings_code: BONTEAM, amount_per_team: 5000, split: by_score, min_team_score: 75, score_component: scorecard }"

    @Test func deductionsFloorAndHonoursLoad() throws {
        let fixture = try PlanFixture()
        let path = try fixture.plan(replacing: Self.pool, with: Self.pool + """

        deductions:
          - { name: complaints, earnings_code: DEDCOMP, metric: upheld_complaints, per_unit: 50, cap: 300 }
        floor_per_agent: 100
        honours:
          - { name: 服务之星, rank_by: scorecard, top: 3, within: team, min_score: 85, amount: 200, earnings_code: BONSTAR }
        """)
        let plan = try PlanLoader.load(path, period: "2026-03").plan
        #expect(plan.deductions.map(\.name) == ["complaints"] && plan.deductions[0].perUnit == 50 && plan.deductions[0].cap == 300)
        #expect(plan.floorPerAgent == 100)
        #expect(plan.honours.first?.name == "服务之星" && plan.honours.first?.top == 3 && plan.honours.first?.within == .team)
        #expect(plan.requiredColumns.contains("upheld_complaints"))
    }

    @Test func honourAndDeductionMistakesAreLocated() throws {
        let bad = Self.pool + """

        deductions:
          - { name: complaints, earnings_code: DEDCOMP, metric: upheld_complaints, per_unit: -50 }
        honours:
          - { name: star, rank_by: scorecrd, top: 0, within: teams, amount: -5 }
          - { name: star2, rank_by: productivity, top: 1, amount: 100 }
        """
        let fixture = try PlanFixture()
        let problems = self.problems(try fixture.plan(replacing: Self.pool, with: bad), period: "2026-03").joined(separator: "\n")
        #expect(problems.contains("`deductions[0].per_unit` is -50 but must be > 0"), "\(problems)")
        #expect(problems.contains("honour `star`: there is no scorecard `scorecrd` to rank by (did you mean `scorecard`?)"), "\(problems)")
        #expect(problems.contains("`honours[0].top` is 0 but must be ≥ 1"), "\(problems)")
        #expect(problems.contains("`honours[0].within` must be team or all, got `teams` (did you mean `team`?)"), "\(problems)")
        #expect(problems.contains("`honours[0].amount` is -5 but must be > 0"), "\(problems)")
        #expect(problems.contains("honour `star2`: component `productivity` is not a scorecard"), "\(problems)")
        #expect(problems.contains("honour `star2` pays an amount but has no `earnings_code`"), "\(problems)")
    }

    @Test func prevReadsColumnsOnly() throws {
        let fixture = try PlanFixture()
        let ok = try fixture.plan(replacing: "  csat_rate: csat_satisfied / csat_responses",
                                  with: "  csat_rate: csat_satisfied / csat_responses\n  sales_growth: sales_amount - prev(sales_amount)")
        let plan = try PlanLoader.load(ok, period: "2026-03").plan
        #expect(plan.previousColumns == ["sales_amount"])
        #expect(plan.requiredColumns.contains("sales_amount") && !plan.requiredColumns.contains("prev(sales_amount)"))
        let bad = try fixture.plan(replacing: "  csat_rate: csat_satisfied / csat_responses",
                                   with: "  csat_rate: csat_satisfied / csat_responses\n  csat_growth: csat_rate - prev(csat_rate)\n  x: prev(1)")
        let problems = self.problems(bad, period: "2026-03").joined(separator: "\n")
        #expect(problems.contains("prev(csat_rate) reads a metric column of the period before, but `csat_rate` is a derived metric"), "\(problems)")
        #expect(problems.contains("prev( must be followed by a metric column name"), "\(problems)")
    }
}
