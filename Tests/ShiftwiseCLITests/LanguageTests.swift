import Foundation
import Testing
import TestSupport

/// Languages (SPEC §12): Chinese pages with no English labels and ¥ amounts; machine files the same
/// bytes in every language; the language from --lang, SHIFTWISE_LANG or LANG; an unknown one is exit 64.
@Suite struct LanguageTests {
    static let englishLabels = ["Coverage against requirement", "Timeline", "Agents", "paid hours", "labour cost", "understaffed agent-hours",
                                "hard-rule violations", "on the phones", "on break", "the week", "all teams", "Name or id", "On break at",
                                "late shifts", "weekend days", "projected SL", "nobody", "agents shown", ">OFF<", "status", "objective", "proven bound"]

    @Test func chineseRosterPageAndIdenticalMachineFiles() throws {
        let fixture = try ScenarioFixture()
        let en = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("en"), "--db", fixture.path("db.sqlite"), "--lang", "en"])
        let zh = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("zh"), "--db", fixture.path("db.sqlite"), "--lang", "zh-CN"])
        #expect(en.status == 0 && zh.status == 0, "\(en.stderr)\(zh.stderr)")
        let page = try String(contentsOfFile: fixture.path("zh/roster.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("排班 — tiny") && page.contains("人工成本") && page.contains("¥"))
        for label in Self.englishLabels { #expect(!page.contains(label), "English label `\(label)` in the Chinese page") }
        for name in ["roster.csv", "roster-grid.csv", "coverage.csv", "calendars/A1.ics"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path("en/" + name))) == Data(contentsOf: URL(fileURLWithPath: fixture.path("zh/" + name))),
                    "\(name) is a machine file: the same bytes in every language")
        }
        let english = try String(contentsOfFile: fixture.path("en/roster.html"), encoding: .utf8)
        #expect(english.contains("<html lang=\"en\">") && english.contains("Coverage against requirement"))
    }

    @Test func payoutsAreTheSameBytesInEveryLanguage() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", RoundingScaleTests.plan.replacingOccurrences(of: "scale: 3", with: "scale: 2"))
        try fixture.write("metrics.csv", RoundingScaleTests.metrics)
        for lang in ["en", "zh-CN"] {
            let r = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path(lang),
                                           "--db", fixture.path(lang + ".sqlite"), "--lang", lang])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for name in ["payouts.csv", "payout-detail.csv"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path("en/" + name))) == Data(contentsOf: URL(fileURLWithPath: fixture.path("zh-CN/" + name))))
        }
        // Statements in Chinese: 奖金明细 with ¥ amounts.
        let st = try CommandRunner.run(["payouts", "statements", "1", "--out", fixture.path("st"), "--db", fixture.path("zh-CN.sqlite"), "--lang", "zh-CN"])
        #expect(st.status == 0, "\(st.stderr)")
        let statement = try String(contentsOfFile: fixture.path("st/statement-A1.html"), encoding: .utf8)
        #expect(statement.contains("<html lang=\"zh-CN\">") && statement.contains("奖金明细") && statement.contains("¥216.38") && statement.contains("草稿"))
    }

    @Test func languageFromTheEnvironmentAndUnknownLanguages() throws {
        let fixture = try ScenarioFixture()
        let byLocale = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("l"), "--db", fixture.path("db.sqlite")],
                                             environment: ["LANG": "zh_CN.UTF-8"])
        #expect(byLocale.status == 0, "\(byLocale.stderr)")
        #expect(try String(contentsOfFile: fixture.path("l/roster.html"), encoding: .utf8).contains("<html lang=\"zh-CN\">"))
        let fr = try CommandRunner.run(["roster", fixture.scenario, "--lang", "fr"])
        #expect(fr.status == 64)
        #expect(fr.stderr.contains("--lang `fr` is not a language Shiftwise speaks; use en or zh-CN"), "\(fr.stderr)")
        #expect(try CommandRunner.run(["runs", "list", "--db", fixture.path("db.sqlite")], environment: ["SHIFTWISE_LANG": "klingon"]).status == 64)
    }

    @Test func chineseForecastAndComparePages() throws {
        let fixture = try ScenarioFixture()
        let f = try CommandRunner.run(["forecast", "scenarios/data/history-2026-10-05.csv", "--week", "2026-11-30", "--out", fixture.path("fc"), "--lang", "zh-CN"],
                                      in: Fixtures.packageRoot)
        #expect(f.status == 0, "\(f.stderr)")
        let forecast = try String(contentsOfFile: fixture.path("fc/forecast.html"), encoding: .utf8)
        #expect(forecast.contains("<html lang=\"zh-CN\">") && forecast.contains("起一周进线量预测") && forecast.contains("季节性朴素法"))
        for label in ["Forecast for the week", ">history<", "history,", "Back-test", "seasonal_naive", "contacts per", "method"] {
            #expect(!forecast.contains(label), "`\(label)` in the Chinese forecast page")
        }
        try fixture.write("busier.yaml", CompareCommandTests.busier)
        let c = try CommandRunner.run(["compare", fixture.scenario, fixture.path("busier.yaml"), "--out", fixture.path("cmp"), "--db", fixture.path("db.sqlite"),
                                       "--lang", "zh-CN"])
        #expect(c.status == 0, "\(c.stderr)")
        let compare = try String(contentsOfFile: fixture.path("cmp/compare.html"), encoding: .utf8)
        #expect(compare.contains("<html lang=\"zh-CN\">") && compare.contains("假设情景对比") && compare.contains("人工成本"))
        for label in ["What-if comparison", "measure", "labour_cost", "on the phones", "Cost and service level", ">optimal<"] {
            #expect(!compare.contains(label), "`\(label)` in the Chinese comparison page")
        }
        // compare.csv keeps its English keys.
        #expect(try String(contentsOfFile: fixture.path("cmp/compare.csv"), encoding: .utf8).contains("\nlabour_cost,"))
    }

    /// `bonus explain` and the statements speak Chinese from the run's structured working; the detail sheet stays English.
    @Test func chineseWorkingOfBonusLines() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", RoundingScaleTests.plan.replacingOccurrences(of: "scale: 3", with: "scale: 2"))
        try fixture.write("metrics.csv", RoundingScaleTests.metrics)
        #expect(try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b"),
                                       "--db", fixture.path("db.sqlite")]).status == 0)
        let zh = try CommandRunner.run(["bonus", "explain", "1", "A1", "--db", fixture.path("db.sqlite"), "--lang", "zh-CN"])
        #expect(zh.status == 0, "\(zh.stderr)")
        // 300 × 115.4 / 160 = 216.375 → 216.38, as in the English sheet, in Chinese words.
        #expect(zh.stdout.contains("按出勤折算 115.4/160：300 × 115.4 / 160 = 216.375，四舍五入保留 2 位小数：216.38"), "\(zh.stdout)")
        #expect(zh.stdout.contains("实发 216.38") && zh.stdout.contains("合计 216.38"), "\(zh.stdout)")
        let en = try CommandRunner.run(["bonus", "explain", "1", "A1", "--db", fixture.path("db.sqlite")])
        #expect(en.stdout.contains("prorated by 115.4/160: 300 × 115.4 / 160 = 216.375, rounded half-up to 2 decimals: 216.38"), "\(en.stdout)")
        let detail = try String(contentsOfFile: fixture.path("b/payout-detail.csv"), encoding: .utf8)
        #expect(detail.contains("rounded half-up to 2 decimals: 216.38") && !detail.contains("按出勤折算"))
    }

    /// The readers' common messages in Chinese; file:line:column stays.
    @Test func chineseErrorMessages() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml.replacingOccurrences(of: "interval_minutes: 30", with: "intervl_minutes: 30")])
        let r = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("o"), "--lang", "zh-CN"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("tiny.yaml:3:1: error: 未知的键 `intervl_minutes` (是否想写 `interval_minutes`？)"), "\(r.stderr)")
        #expect(r.stderr.contains("缺少 `interval_minutes`") && r.stderr.contains("未写入任何文件"), "\(r.stderr)")
        let en = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("o")])
        #expect(en.stderr.contains("tiny.yaml:3:1: error: unknown key `intervl_minutes` (did you mean `interval_minutes`?)"), "\(en.stderr)")
    }
}
