import Core
import Incentives
import Testing

@Suite struct ExpressionTests {
    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text) ?? ExactDecimal(-999_999) }

    /// Parses and evaluates with the given metric values (nil entries are undefined).
    static func value(_ text: String, _ metrics: [String: ExactDecimal?] = [:]) -> ExpressionValue {
        do {
            return try Expression(parsing: text).evaluate { metrics[$0] ?? nil }
        } catch {
            return .undefined(reason: "parse error: \(error)")
        }
    }

    static func parseError(_ text: String) -> ExpressionError? {
        do {
            _ = try Expression(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Precedence and associativity

    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 - 4 - 3", "3"), ("10 - (4 - 3)", "9"),
        ("-2 * 3", "-6"), ("-(2 * 3)", "-6"), ("2 * -3", "-6"), ("- -4", "4"), ("2 - -3", "5"),
        ("24 / 4 / 2", "3"), ("24 / (4 / 2)", "12"), ("1 + 2 * 3 - 4 / 2", "5"), ("-2 + 5", "3"),
    ])
    func arithmeticFollowsPrecedenceAndLeftAssociativity(text: String, expected: String) {
        #expect(Self.value(text) == .number(Self.d(expected)))
    }

    @Test func treesHaveTheExpectedShape() throws {
        #expect(try Expression(parsing: "1 + 2 * 3") == .binary(.add, .number(1), .binary(.multiply, .number(2), .number(3))))
        #expect(try Expression(parsing: "10 - 4 - 3") == .binary(.subtract, .binary(.subtract, .number(10), .number(4)), .number(3)))
        #expect(try Expression(parsing: "-2 * 3") == .binary(.multiply, .negate(.number(2)), .number(3)))
        #expect(try Expression(parsing: "a or b > 1 and not c < 2")
            == .binary(.or, .name("a"), .binary(.and, .binary(.greater, .name("b"), .number(1)),
                                                .not(.binary(.less, .name("c"), .number(2))))))
        #expect(try Expression(parsing: "a + b >= c * 2") == .binary(.greaterOrEqual, .binary(.add, .name("a"), .name("b")),
                                                                     .binary(.multiply, .name("c"), .number(2))))
    }

    @Test func columnsPointAtTokens() throws {
        let e = try Expression(parsing: "  qa_score >= 80")
        #expect(e.column == 12)
        guard case .binary(_, let lhs, let rhs, _) = e else { Issue.record("not binary"); return }
        #expect(lhs.column == 3)
        #expect(rhs.column == 15)
    }

    // MARK: Exactness and division

    @Test func decimalsAreExact() throws {
        #expect(Self.value("0.1 + 0.2 == 0.3") == .boolean(true))
        #expect(Self.value("0.1 + 0.2") == .number(Self.d("0.3")))
        #expect(try Expression(parsing: "0.95") == .number(Self.d("0.95")))
        #expect(try Expression(parsing: "123456789.123456789012345678") == .number(Self.d("123456789.123456789012345678")))
        #expect(Self.value("21 / 0.7") == .number(30))
        #expect(Self.value("1 / 8") == .number(Self.d("0.125")))
        // Terminates within 18 places: exact, even beyond 12.
        #expect(Self.value("1 / 8192") == .number(Self.d("0.0001220703125")))
    }

    @Test func nonTerminatingQuotientsRoundToTwelvePlacesHalfEven() {
        #expect(ExpressionArithmetic.divisionScale == 12)
        #expect(Self.value("1 / 3") == .number(Self.d("0.333333333333")))
        #expect(Self.value("1 / 3 * 3") == .number(Self.d("0.999999999999")))
        #expect(Self.value("2 / 3") == .number(Self.d("0.666666666667")))
        #expect(Self.value("-2 / 3") == .number(Self.d("-0.666666666667")))
        #expect(Self.value("2 / -3") == .number(Self.d("-0.666666666667")))
        #expect(Self.value("1 / 7") == .number(Self.d("0.142857142857")))
        #expect(Self.value("100 / 0.3") == .number(Self.d("333.333333333333")))
        #expect(Self.value("csat_satisfied / csat_responses", ["csat_satisfied": 29, "csat_responses": 31])
            == .number(Self.d("0.935483870968")))
    }

    // MARK: Conditions

    @Test(arguments: [
        ("3 < 4", true), ("4 < 4", false), ("4 <= 4", true), ("5 > 4", true), ("4 > 4", false), ("4 >= 4", true),
        ("4 == 4.00", true), ("4 != 4", false), ("1 < 2 and 2 < 3", true), ("1 < 2 and 3 < 2", false),
        ("1 > 2 or 2 < 3", true), ("1 > 2 or 3 < 2", false), ("not 1 > 2", true), ("not not 1 > 2", false),
        ("1 > 2 or 1 < 2 and 2 < 1", false), ("(1 > 2 or 1 < 2) and 2 > 1", true), ("0.9 + 0.05 >= 0.95", true),
    ])
    func comparisonsAndBooleanLogic(text: String, expected: Bool) {
        #expect(Self.value(text) == .boolean(expected))
    }

    @Test func andOrShortCircuitLeftToRight() {
        // y / x is never evaluated when x is 0, so the condition is false, not undefined.
        #expect(Self.value("x > 0 and y / x > 2", ["x": 0, "y": 5]) == .boolean(false))
        #expect(Self.value("x == 0 or y / x > 2", ["x": 0, "y": 5]) == .boolean(true))
        #expect(Self.value("x > 0 and y / x > 2", ["x": 2, "y": 5]) == .boolean(true))
        // Undefined on the right is only met by when the left side decides.
        #expect(Self.value("x > 0 and missing > 1", ["x": 0]) == .boolean(false))
        #expect(Self.value("x > 0 or missing > 1", ["x": 1]) == .boolean(true))
    }

    @Test func hoursRuleAndQualityGate() throws {
        let rule = try Expression(parsing: "hours_worked >= 40")
        #expect(rule.evaluate { $0 == "hours_worked" ? 40 : nil }.isMet)
        #expect(!rule.evaluate { $0 == "hours_worked" ? Self.d("39.99") : nil }.isMet)
        #expect(rule.typeCheck(as: .condition).isEmpty)
    }

    // MARK: Undefined values

    @Test func undefinedValuesPropagateAndConditionsOnThemAreNotMet() {
        let metrics: [String: ExactDecimal?] = ["qa_score": nil, "x": 1]
        #expect(Self.value("qa_score", metrics) == .undefined(reason: "qa_score has no value"))
        #expect(Self.value("qa_score + 1", metrics) == .undefined(reason: "qa_score has no value"))
        #expect(Self.value("-qa_score", metrics) == .undefined(reason: "qa_score has no value"))
        let gate = Self.value("qa_score >= 80", metrics)
        #expect(gate == .undefined(reason: "qa_score has no value"))
        #expect(!gate.isMet)
        #expect(!Self.value("not qa_score >= 80", metrics).isMet)
        #expect(!Self.value("qa_score >= 80 and x > 0", metrics).isMet)
        #expect(!Self.value("x > 0 and qa_score >= 80", metrics).isMet)
        #expect(Self.value("x > 5 or qa_score >= 80", metrics) == .undefined(reason: "qa_score has no value"))
        #expect(Self.value("qa_score >= 80 or x > 0", metrics) == .boolean(true))
        #expect(Self.value("qa_score >= 80 or x > 5", metrics) == .undefined(reason: "qa_score has no value"))
        #expect(Self.value("nobody_set_this", metrics).undefinedReason == "nobody_set_this has no value")
    }

    @Test func divisionByZeroIsUndefinedAndSaysWhichDivisor() {
        let metrics: [String: ExactDecimal?] = ["csat_satisfied": 0, "csat_responses": 0, "a": 2, "b": 2]
        #expect(Self.value("csat_satisfied / csat_responses", metrics)
            == .undefined(reason: "csat_responses is 0 in csat_satisfied / csat_responses"))
        #expect(Self.value("10 / (a - b) + 1", metrics) == .undefined(reason: "a - b is 0 in 10 / (a - b)"))
        #expect(!Self.value("csat_satisfied / csat_responses >= 0.9", metrics).isMet)
        #expect(Self.value("1 / 0") == .undefined(reason: "0 is 0 in 1 / 0"))
    }

    @Test func outOfRangeResultsAreUndefinedNotCrashes() {
        let big = Self.d("999999999999999999")
        #expect(Self.value("big * big", ["big": big]).undefinedReason != nil)
        #expect(Self.value("big + big", ["big": big]).undefinedReason != nil)
        #expect(Self.value("big / 0.000000000000000001", ["big": big]).undefinedReason != nil)
        #expect(Self.value("x", ["x": Self.d("1000000000000000000")]).undefinedReason != nil)
        #expect(Self.value("big - 1", ["big": big]) == .number(Self.d("999999999999999998")))
    }

    @Test func illTypedExpressionsEvaluateToUndefined() {
        #expect(!Self.value("1 and 2 > 1").isMet)
        #expect(Self.value("(1 < 2) + 1").undefinedReason != nil)
        #expect(Self.value("not 3").undefinedReason != nil)
    }

    // MARK: Parse errors

    @Test(arguments: [
        ("(a + b)) * 2 +", "unexpected ')' at column 8 (remove it or add a matching '(')"),
        ("qa_score >= 80)", "unexpected ')' at column 15 (remove it or add a matching '(')"),
        ("hours + 1 && qa >= 80", "unknown operator '&&' at column 11 (write 'and')"),
        ("a || b", "unknown operator '||' at column 3 (write 'or')"),
        ("!a", "unknown operator '!' at column 1 (write 'not')"),
        ("a = 1", "unknown operator '=' at column 3 (write '==' to compare)"),
        ("a => 1", "unknown operator '=>' at column 3 (write '>=')"),
        ("a <> 1", "unknown operator '<>' at column 3 (write '!=')"),
        ("a ^ 2", "unknown operator '^' at column 3 (only + - * / are available)"),
        ("(a + (b * 2)", "unclosed '(' at column 1 (add a matching ')')"),
        ("2 * (a + (b * 2)", "unclosed '(' at column 5 (add a matching ')')"),
        ("", "empty expression at column 1 (write a condition such as 'hours_worked >= 40' or a formula such as 'a / b')"),
        ("   ", "empty expression at column 1 (write a condition such as 'hours_worked >= 40' or a formula such as 'a / b')"),
        ("a b", "unexpected name 'b' after a complete expression at column 3 (add an operator (+ - * / a comparison, and, or) before it or remove it)"),
        ("qa_score >= 80 90", "unexpected number 90 after a complete expression at column 16 (add an operator (+ - * / a comparison, and, or) before it or remove it)"),
        ("a +", "missing operand after '+' at column 3 (add a number, a metric name or '(' after it, or remove it)"),
        ("a + * b", "unexpected '*' at column 5 (put a number, a metric name or '(' before it)"),
        ("a < b < c", "comparisons cannot be chained ('<') at column 7 (join two comparisons with 'and', e.g. 'a < b and b < c')"),
        ("max(a, b)", "unknown function 'max' at column 1 (the only function is prev(metric), the previous period's value; otherwise use + - * / and comparisons)"),
        ("1e3 > x", "invalid number '1e3' at column 1 (write a plain decimal such as 40 or 0.95 (no exponents, units or separators))"),
        ("x > .5", "invalid number '.5' at column 5 (write 0.5)"),
        ("x > 1.2.3", "invalid number '1.2.3' at column 5 (write a plain decimal such as 40 or 0.95 (no exponents, units or separators))"),
        ("a AND b", "keyword 'AND' must be lower-case at column 3 (write 'and')"),
        ("name == \"x\"", "unexpected quote \" at column 9 (expressions have no strings; compare metrics and numbers)"),
        ("(a + b", "unclosed '(' at column 1 (add a matching ')')"),
        ("a) && b", "unexpected ')' at column 2 (remove it or add a matching '(')"),
        ("a + &&", "unknown operator '&&' at column 5 (write 'and')"),
        ("(a b)", "unexpected name 'b' inside '(' opened at column 1 at column 4 (add an operator before it or close the parenthesis)"),
    ])
    func parseErrorsSayWhereAndHowToFix(text: String, expected: String) {
        #expect(Self.parseError(text)?.description == expected)
    }

    @Test func strayClosingParenthesisIsReportedAtItsColumn() {
        let error = Self.parseError("(a + b) * c) - 1")
        #expect(error?.column == 12)
        let twelve = Self.parseError("hours_worked) >= 40")
        #expect(twelve?.message == "unexpected ')'")
        #expect(twelve?.column == 13)
    }

    @Test func errorsBecomeDiagnosticsAtTheScalarPlusTheColumn() {
        let error = Self.parseError("hours_worked >= 40 && x > 1")
        let diagnostic = error?.diagnostic(at: SourceLocation(file: "plan.yaml", line: 7, column: 17))
        #expect(diagnostic?.location == SourceLocation(file: "plan.yaml", line: 7, column: 36))
        #expect(diagnostic?.description == "plan.yaml:7:36: error: unknown operator '&&' (write 'and')")
        #expect(error?.diagnostic(at: SourceLocation(file: "plan.yaml", line: 7)).location
            == SourceLocation(file: "plan.yaml", line: 7))
    }

    // MARK: Static checks

    @Test func referencedNamesAreEveryMetricRead() throws {
        #expect(try Expression(parsing: "csat_satisfied / csat_responses").referencedNames == ["csat_satisfied", "csat_responses"])
        #expect(try Expression(parsing: "(a + b) * a >= 0.5 and not _c2 < 1 or 3 > 2").referencedNames == ["a", "b", "_c2"])
        #expect(try Expression(parsing: "1 + 2").referencedNames.isEmpty)
    }

    @Test func typeCheckRequiresConditionsAndNumbersWhereTheyBelong() throws {
        #expect(try Expression(parsing: "csat >= 0.9 + 1").typeCheck(as: .condition).isEmpty)
        #expect(try Expression(parsing: "csat_satisfied / csat_responses").typeCheck(as: .number).isEmpty)
        #expect(try Expression(parsing: "csat >= 0.9 + 1").type == .condition)
        #expect(try Expression(parsing: "a and 3").type == nil)

        let andThree = try Expression(parsing: "a and 3").typeCheck(as: .condition)
        #expect(andThree.map(\.column) == [1, 7])
        #expect(andThree.last?.description == "'and' needs a condition, but '3' is a number at column 7 ('and' joins conditions; compare the number, e.g. '3 > 0')")

        let gateIsSum = try Expression(parsing: "qa + bonus").typeCheck(as: .condition)
        #expect(gateIsSum.count == 1)
        #expect(gateIsSum.first?.column == 4)
        #expect(gateIsSum.first?.message == "'qa + bonus' is a number, but a condition is needed here")

        let metricIsRule = try Expression(parsing: "hours >= 40").typeCheck(as: .number)
        #expect(metricIsRule.map(\.column) == [7])

        #expect(try Expression(parsing: "(a > 1) + 2").typeCheck(as: .number).map(\.column) == [4])
        #expect(try Expression(parsing: "not a").typeCheck(as: .condition).map(\.column) == [5])
        #expect(try Expression(parsing: "-(a > 1)").typeCheck(as: .number).map(\.column) == [5])
        #expect(try Expression(parsing: "(a < b) == (c < d)").typeCheck(as: .condition).map(\.column) == [4, 15])
    }

    // MARK: Printing

    @Test(arguments: [
        ("csat_satisfied/csat_responses", "csat_satisfied / csat_responses"),
        ("((a + b)) * c", "(a + b) * c"),
        ("a - (b - c)", "a - (b - c)"),
        ("(a - b) - c", "a - b - c"),
        ("-(2 * 3)", "-(2 * 3)"),
        ("- - x", "--x"),
        ("not(b>1)and(c<2 or d==0.50)", "not b > 1 and (c < 2 or d == 0.5)"),
        ("a or (b or c)", "a or (b or c)"),
        ("(a and b) or c", "a and b or c"),
        ("not (a > 1 and b > 2)", "not (a > 1 and b > 2)"),
        ("(a < b) == (c < d)", "(a < b) == (c < d)"),
        ("qa_score   >=80", "qa_score >= 80"),
    ])
    func descriptionIsCanonical(text: String, expected: String) throws {
        #expect(try Expression(parsing: text).description == expected)
    }

    @Test func explanationsCanQuoteTheRule() throws {
        let rule = try Expression(parsing: "qa_score>=80")
        let outcome = rule.evaluate { $0 == "qa_score" ? 76 : nil }
        #expect("\(rule) was not met (qa_score = 76)" == "qa_score >= 80 was not met (qa_score = 76)")
        #expect(!outcome.isMet)
    }
}
