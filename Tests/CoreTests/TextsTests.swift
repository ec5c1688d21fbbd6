import Foundation
import Synchronization
import Testing
@testable import Core

/// The string tables: every key in both languages with the same placeholders; the language chosen
/// as SPEC §12 says; money and dates as a person of each language reads them.
@Suite struct TextsTests {
    /// Threads answering in different languages at once (the web server) each read their own language; the
    /// process's language is untouched and comes back after.
    @Test func eachThreadKeepsItsOwnLanguage() {
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let texts = Texts(i % 2 == 0 ? .zhCN : .en)
            Texts.with(texts) {
                for _ in 0..<2_000 where Texts.current.language != texts.language { mismatches.withLock { $0 += 1 } }
                Texts.with(Texts(.en)) { if Texts.current.language != .en { mismatches.withLock { $0 += 1 } } }
                if Texts.current.language != texts.language { mismatches.withLock { $0 += 1 } }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
        #expect(Texts.current.language == .en)
    }

    @Test func everyKeyInBothTablesWithTheSamePlaceholders() {
        for key in TextKey.allCases {
            let en = Texts.placeholders(key, in: .en), zh = Texts.placeholders(key, in: .zhCN)
            #expect(en != nil, "\(key) is missing in English")
            #expect(zh != nil, "\(key) is missing in Chinese")
            #expect(en == zh, "\(key): placeholders \(en ?? []) in English, \(zh ?? []) in Chinese")
        }
        #expect(Texts.englishTable.count == TextKey.allCases.count && Texts.chinese.count == TextKey.allCases.count)
        // A key in two parts of a table would hide one of its texts.
        #expect(Texts.englishParts.map(\.count).reduce(0, +) == Texts.englishTable.count)
        #expect(Texts.chineseParts.map(\.count).reduce(0, +) == Texts.chinese.count)
        for (en, zh) in zip(Texts.englishParts, Texts.chineseParts) {
            #expect(Set(en.keys) == Set(zh.keys), "a part of the English table and its Chinese part hold different keys")
        }
    }

    @Test func listsJoinedInEachLanguage() {
        #expect(Texts.english.or(["half-up", "half-even", "down"]) == "half-up, half-even or down")
        #expect(Texts(.zhCN).or(["`a`", "`b`", "`c`"]) == "`a`、`b` 或 `c`")
        #expect(Texts.english.and(["x"]) == "x" && Texts.english.and([]) == "")
    }

    @Test func chineseTextHasNoLatinWords() {
        // Chinese texts may hold digits, placeholders, units, file names, column names (identifiers with `_`),
        // what a file must literally contain (weekday codes, true/false, HH:MM) and text in backticks — not English words.
        let allowedWords: Set<String> = ["SL", "WAPE", "Shiftwise", "true", "false", "YYYY", "DD", "payouts", "csv", "index", "html", "statement", "agent",
                                         "recalculation", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "HH", "MM", "unavailable"]
        for key in TextKey.allCases {
            let text = Texts(.zhCN)(key)
            var word = ""
            var inCode = false
            for ch in text + " " {
                if ch == "`" { inCode.toggle(); word = ""; continue }
                if inCode { continue }
                if ch.isASCII, ch.isLetter || ch == "_" { word.append(ch); continue }
                if word.count > 1, !word.contains("_"), !allowedWords.contains(word) { Issue.record("\(key): `\(word)` in \(text)") }
                word = ""
            }
        }
    }

    @Test func languageResolution() throws {
        #expect(try Language.resolve(option: "zh-CN", environment: [:]) == .zhCN)
        #expect(try Language.resolve(option: "en", environment: ["LANG": "zh_CN.UTF-8"]) == .en)
        #expect(try Language.resolve(option: nil, environment: ["SHIFTWISE_LANG": "zh-CN", "LANG": "en_US.UTF-8"]) == .zhCN)
        #expect(try Language.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zhCN)
        #expect(try Language.resolve(option: nil, environment: ["LANG": "zh_TW.UTF-8"]) == .en, "Traditional Chinese is not Simplified")
        #expect(try Language.resolve(option: nil, environment: ["LANG": "C"]) == .en)
        #expect(try Language.resolve(option: nil, environment: [:]) == .en)
        #expect(throws: UnknownLanguage.self) { try Language.resolve(option: "fr", environment: [:]) }
        #expect(throws: UnknownLanguage.self) { try Language.resolve(option: nil, environment: ["SHIFTWISE_LANG": "de"]) }
    }

    @Test func moneyDatesAndNumbersForEachLanguage() {
        let zh = Texts(.zhCN), en = Texts.english
        #expect(zh.money(ExactDecimal("1304.03")!, currency: "CNY") == "¥1,304.03")
        #expect(zh.money(ExactDecimal("-25.5")!, currency: "CNY") == "−¥25.50")
        #expect(zh.money(ExactDecimal("1234567.891")!, currency: "USD") == "1,234,567.89 USD")
        #expect(en.money(ExactDecimal("164334.000000")!, currency: "CNY") == "164,334.00 CNY")
        #expect(zh.date(LocalDate(year: 2026, month: 11, day: 30)!) == "2026年11月30日")
        #expect(en.date(LocalDate(year: 2026, month: 11, day: 30)!) == "2026-11-30")
        #expect(zh.dayHeading(LocalDate(year: 2026, month: 12, day: 6)!) == "12月6日 周日")
        #expect(zh.percent(0.8) == "80.0%" && en.percent(0.8) == "80.0 %")
        #expect(zh(.rosterTitle, "w49") == "排班 — w49")
    }
}

/// Full-width forms as an input method's full-width mode types them, read back in ASCII.
@Suite struct HalfWidthTests {
    @Test func fullWidthFormsBecomeASCII() {
        #expect("３５．００".halfWidth == "35.00")
        #expect("－１２".halfWidth == "-12")
        #expect("　１ｋｇ".halfWidth == " 1kg")
        #expect("35.00".halfWidth == nil)
        #expect("三十五".halfWidth == nil)
    }
}
