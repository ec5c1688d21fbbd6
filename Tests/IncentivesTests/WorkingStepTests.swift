import Core
import Foundation
import Testing
@testable import Incentives

/// The structured working: both languages complete, English exactly as the calculator wrote it before,
/// and the stored form reads back.
@Suite struct WorkingStepTests {
    static func placeholders(_ text: String) -> Set<Int> {
        var found = Set<Int>()
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "{", let close = text[i...].firstIndex(of: "}"), let n = Int(text[text.index(after: i)..<close]) { found.insert(n) }
            i = text.index(after: i)
        }
        return found
    }

    @Test func everyKeyInBothLanguagesWithTheSamePlaceholders() {
        for key in WorkingStep.Key.allCases {
            let en = WorkingStep.english[key], zh = WorkingStep.chinese[key]
            #expect(en != nil && zh != nil, "\(key)")
            #expect(Self.placeholders(en ?? "") == Self.placeholders(zh ?? ""), "\(key): \(en ?? "") / \(zh ?? "")")
        }
    }

    /// The reasons a value is undefined read back to the calculator's own words.
    @Test(arguments: ["csat_responses has no value", "csat_responses is empty", "csat_responses is 0 in csat_satisfied / csat_responses",
                      "prev(sales_amount) has no value: no row or an empty cell for the period before", "x = 10 is out of range (|value| ≥ 10^18)"])
    func reasonsReadBackExactly(text: String) {
        #expect(WorkingStep.reason(text).text(.en) == text)
    }

    /// English sentences as the calculator writes them in the detail sheet; Chinese from the same steps.
    @Test func sentencesInBothLanguages() {
        let tier = WorkingStep(.tier, .none, .text("good_reviews"), .text("46"), .step(WorkingStep(.reachedBand, .text("≥ 20"))),
                               .step(WorkingStep(.graduated)), .text("308.00"))
        #expect(tier.text(.en) == "good_reviews 46 reached band ≥ 20 (graduated: each unit at its band's rate): 308.00")
        #expect(tier.text(.zhCN) == "good_reviews 46，达到档位 ≥ 20（累进：每个单位按所在档位计）：308.00")
        let prorated = WorkingStep(.prorated, .text("115.4"), .text("160"), .text("300"), .text("216.375"), .step(WorkingStep.mode(.halfUp)), .text("2"), .text("216.38"))
        #expect(prorated.text(.en) == "prorated by 115.4/160: 300 × 115.4 / 160 = 216.375, rounded half-up to 2 decimals: 216.38")
        #expect(prorated.text(.zhCN) == "按出勤折算 115.4/160：300 × 115.4 / 160 = 216.375，四舍五入保留 2 位小数：216.38")
    }

    @Test func storedFormReadsBack() throws {
        let step = WorkingStep(.scoreGraded, .text("80"), .steps([WorkingStep(.measure, .text("qa"), .text("84.7"), .none, .text("60"), .text("0.3")),
                                                                 WorkingStep(.measureLeftOut, .text("csat"), .step(WorkingStep.reason("csat is empty")))]),
                               .none, .text("B"), .text("75"), .text("1000.00"), .text("1"), .text("1000.00"))
        let data = try JSONSerialization.data(withJSONObject: step.jsonObject)
        let back = WorkingStep(jsonObject: try JSONSerialization.jsonObject(with: data))
        #expect(back == step)
        #expect(back?.text(.en) == step.text(.en))
    }
}
