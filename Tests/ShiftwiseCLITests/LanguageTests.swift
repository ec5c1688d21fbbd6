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

    /// `runs list` in Chinese: headers, kinds and outcomes in Chinese, columns aligned in terminal columns
    /// (a Chinese character takes two: the header 编号 is four columns wide, as the id column's right edge).
    @Test func chineseRunsList() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("db.sqlite")
        #expect(try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--db", db]).status == 0)
        let zh = try CommandRunner.run(["runs", "list", "--db", db, "--lang", "zh-CN"])
        let lines = zh.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(zh.stdout)")
        #expect(lines[0].hasPrefix("编号  类型  名称  开始时间") && lines[0].hasSuffix("状态"), "\(lines[0])")
        #expect(lines[1].hasPrefix("   1  排班  tiny  "), "the id right-aligned under 编号 (4 columns), 排班 under 类型: \(lines[1])")
        #expect(lines[1].contains("最优解"))
        let en = try CommandRunner.run(["runs", "list", "--db", db, "--lang", "en"])
        #expect(en.stdout.hasPrefix("id  kind    name  started"), "\(en.stdout)")
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

    /// English words left in a message line: outside its `file:line:column: error:` prefix, outside
    /// backticks, and other than the names the input itself gives (`names`).
    static func englishWords(_ line: String, names: Set<String> = []) -> [String] {
        var body = Substring(line)
        for marker in [": error: ", ": warning: "] {
            if let r = body.range(of: marker) { body = body[r.upperBound...] }
        }
        if body.hasPrefix("error: ") { body = body.dropFirst("error: ".count) }
        var words: [String] = []
        var word = ""
        var inCode = false
        for ch in body + " " {
            if ch == "`" { inCode.toggle(); word = ""; continue }
            if inCode { continue }
            if ch.isASCII, ch.isLetter || ch == "_" { word.append(ch); continue }
            if word.count > 1, !word.contains("_"), !names.contains(word) { words.append(word) }
            word = ""
        }
        return words
    }

    /// A broken bonus plan: the expression, the gate and the tier mode are explained in Chinese, located as in English.
    @Test func chinesePlanMessages() throws {
        let fixture = try ScenarioFixture()
        let plan = try String(contentsOfFile: Fixtures.packageRoot + "/scenarios/rules/bonus-2026.yaml", encoding: .utf8)
            .replacingOccurrences(of: "\"hours_worked >= 40\"", with: "\"hours_worked => 40\"")
            .replacingOccurrences(of: "requires: [quality]", with: "requires: [qualty]")
            .replacingOccurrences(of: "mode: graduated", with: "mode: gradual")
        try fixture.write("plan.yaml", plan)
        let file = fixture.path("plan.yaml")
        let arguments = ["bonus", file, Fixtures.packageRoot + "/scenarios/data/metrics-2026-11.csv", "--period", "2026-11", "--out", fixture.path("b"),
                         "--db", fixture.path("db.sqlite")]
        let zh = try CommandRunner.run(arguments + ["--lang", "zh-CN"])
        #expect(zh.status == 65)
        let lines = zh.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(file):10:30: error: 未知的运算符 '=>' (请写 '>=')",
            "\(file):17:16: error: 未知的门槛 `qualty` (是否想写 `quality`？)",
            "\(file):22:20: error: `components[1].tiers.mode` 应为 `step`、`graduated` 或 `retroactive`，实际为 `gradual` (请使用 `step`、`graduated` 或 `retroactive`)",
            "发现 3 个问题；未写入任何文件",
        ], "\(zh.stderr)")
        for line in lines { #expect(Self.englishWords(line).isEmpty, "English in `\(line)`") }
        let en = try CommandRunner.run(arguments)
        #expect(en.stderr.contains("\(file):10:30: error: unknown operator '=>' (write '>=')"), "\(en.stderr)")
        #expect(en.stderr.contains("\(file):22:20: error: `components[1].tiers.mode` must be step, graduated or retroactive, got `gradual`"), "\(en.stderr)")
    }

    /// A broken history: rows off the grid and a gap of ten days, in Chinese.
    @Test func chineseHistoryMessages() throws {
        let fixture = try ScenarioFixture()
        let lines = try String(contentsOfFile: Fixtures.packageRoot + "/scenarios/data/history-2026-10-05.csv", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var mixed = lines
        mixed[4] = mixed[4].replacingOccurrences(of: "T08:30", with: "T08:45")
        try fixture.write("mixed.csv", mixed.joined(separator: "\n") + "\n")
        let m = try CommandRunner.run(["forecast", fixture.path("mixed.csv"), "--week", "2026-11-30", "--out", fixture.path("o"), "--lang", "zh-CN"])
        #expect(m.status == 65)
        #expect(m.stderr == """
            \(fixture.path("mixed.csv")):5:1: error: `start` 2026-10-05T08:45 不在其他行的 30 分钟网格上（时段长度不一） (每行都按 30 分钟的时段给出，从整点开始)
            发现 1 个问题；未写入任何文件

            """, "\(m.stderr)")
        let gap = lines.filter { line in !(10...19).contains { line.hasPrefix(String(format: "2026-10-%02d", $0)) } }
        try fixture.write("gap.csv", gap.joined(separator: "\n") + "\n")
        let g = try CommandRunner.run(["forecast", fixture.path("gap.csv"), "--week", "2026-11-30", "--out", fixture.path("o"), "--lang", "zh-CN"])
        #expect(g.status == 65)
        #expect(g.stderr.contains("error: 历史数据中 2026-10-10 至 2026-10-19 没有任何行：连续一周或更久没有任何进线，应是数据缺失，而不是暂停营业 (补上这些天的数据，或让历史数据从其之后开始)"),
                "\(g.stderr)")
        for line in (m.stderr + g.stderr).split(separator: "\n") { #expect(Self.englishWords(String(line)).isEmpty, "English in `\(line)`") }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("o")))
    }

    /// The validator's violations of a hand-edited roster, in Chinese; durations and the closing count too.
    @Test func chineseRosterViolations() throws {
        let fixture = try ScenarioFixture()
        var roster = ValidateCommandTests.roster.replacingOccurrences(of: "2026-11-30T16:00,7.50,12:00-12:30", with: "2026-11-30T16:00,8.00,")
        roster += "A2,\"Li, Wei\",2026-12-02,2026-12-02T09:00,2026-12-02T17:00,7.50,12:00-12:30\n"
        try fixture.write("roster.csv", roster)
        let file = fixture.path("roster.csv")
        let r = try CommandRunner.run(["validate", fixture.scenario, "--roster", file, "--lang", "zh-CN"])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(file):2:59: error: 坐席 A1 的班次 2026-11-30 08:00–16:00 应计带薪工时 7.50 小时（8 小时，减去无薪休息 lunch（30 分钟）），但 `paid_hours` 写的是 8.00 (请写 7.50)",
            "\(file):2:64: error: 坐席 A1 的班次 2026-11-30 08:00–16:00 没有休息 lunch（30 分钟，无薪），而 6 小时及以上的班次都要休一次 (如在 `breaks` 中加入 10:00-10:30)",
            "\(file):12:14: error: 坐席 A2 的班次 2026-12-02 09:00–17:00 排在了其不可排班的 2026-12-02（坐席的 `unavailable` 列表） (把该班次交给可排班的其他坐席，或删除该行)",
            "在 \(file) 中发现 3 处硬性规则违规",
        ], "\(r.stderr)")
        for line in lines.dropLast() { #expect(Self.englishWords(line, names: ["lunch"]).isEmpty, "English in `\(line)`") }
    }
}
