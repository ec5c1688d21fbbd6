public import Core
import Foundation

/// One step of a payout line's working, kept as a sentence key and its values so that it can be
/// read in any language (SPEC §12): `payout-detail.csv` and `bonus explain` write it in English,
/// the statements and explanations in Chinese render the same steps from the Chinese table.
///
/// Values are already formatted (numbers, money, names as the plan writes them); a value may itself
/// be a step (a sentence part that depends on the case) or a list of steps.
public struct WorkingStep: Sendable, Hashable, Codable {
    public enum Key: String, Sendable, Hashable, Codable, CaseIterable {
        // Whole sentences
        case notEligible, gateNotMet, unknownGate, requiresMin, undefinedSkipped, tier, scoreNone, scoreGraded, scoreBelowGrades
        case capped, prorated, agentCap, poolBelow, poolShare, honour, deductionUndefined, deduction, deductionFloor
        // Parts of sentences
        case condition, conditionValue, conditionUndefined, has, undefinedHas, undefinedZero, belowFirstBand, reachedBand
        case graduated, retroactive, measure, measureLeftOut, noMeasure, honourMinScore, honourPays, deductionCap, poolEqualFallback, poolLeftOver
        case splitScore, splitHours, splitEqual, groupAll, groupTeam, notePrefix, noteAfter, modeHalfUp, modeHalfEven, modeDown
        // Reasons a value is undefined
        case reasonHasNoValue, reasonDividesByZero, reasonOutOfRange, reasonPrevious, reasonEmpty, reasonText
    }

    /// A value in a sentence.
    public enum Value: Sendable, Hashable, Codable {
        case text(String)
        case step(WorkingStep)
        case steps([WorkingStep])
        /// Nothing: the part is left out.
        case none
    }

    public let key: Key
    public let values: [Value]

    public init(_ key: Key, _ values: Value...) {
        self.key = key
        self.values = values
    }

    public init(_ key: Key, values: [Value]) {
        self.key = key
        self.values = values
    }

    /// The sentence in `language`.
    public func text(_ language: Language = .en) -> String {
        var out = ""
        append(to: &out, language)
        return out
    }

    /// Writes the sentence into `out`: the template's pieces, parsed once per language, with the values in place.
    func append(to out: inout String, _ language: Language) {
        let pieces = (language == .zhCN ? WorkingStep.chinesePieces[key] : WorkingStep.englishPieces[key]) ?? WorkingStep.englishPieces[key] ?? []
        for piece in pieces {
            switch piece {
            case .literal(let text):
                out += text
            case .value(let n):
                guard n < values.count else { continue }
                switch values[n] {
                case .text(let t): out += t
                case .step(let s): s.append(to: &out, language)
                case .steps(let list):
                    for (i, s) in list.enumerated() {
                        if i > 0 { out += language == .zhCN ? "，" : ", " }
                        s.append(to: &out, language)
                    }
                case .none: break
                }
            }
        }
    }

    enum Piece: Sendable { case literal(String), value(Int) }

    /// `"{0} is {1}"` → literal and value pieces.
    static func pieces(_ template: String) -> [Piece] {
        var out: [Piece] = []
        var literal = ""
        var i = template.startIndex
        while i < template.endIndex {
            if template[i] == "{", let close = template[i...].firstIndex(of: "}"), let n = Int(template[template.index(after: i)..<close]) {
                if !literal.isEmpty { out.append(.literal(literal)); literal = "" }
                out.append(.value(n))
                i = template.index(after: close)
            } else {
                literal.append(template[i])
                i = template.index(after: i)
            }
        }
        if !literal.isEmpty { out.append(.literal(literal)) }
        return out
    }

    static let englishPieces: [Key: [Piece]] = english.mapValues(pieces)
    static let chinesePieces: [Key: [Piece]] = chinese.mapValues(pieces)

    /// A value that is a step when present, nothing when not.
    public static func optional(_ step: WorkingStep?) -> Value { step.map { .step($0) } ?? .none }

    /// The reason a value is undefined, from the calculator's own words (see ``Expression``).
    public static func reason(_ text: String) -> WorkingStep {
        let previousSuffix = " has no value: no row or an empty cell for the period before"
        if text.hasSuffix(previousSuffix) { return WorkingStep(.reasonPrevious, .text(String(text.dropLast(previousSuffix.count)))) }
        if text.hasSuffix(" has no value"), !text.dropLast(13).contains(" ") { return WorkingStep(.reasonHasNoValue, .text(String(text.dropLast(13)))) }
        if text.hasSuffix(" is empty"), !text.dropLast(9).contains(" ") { return WorkingStep(.reasonEmpty, .text(String(text.dropLast(9)))) }
        if let r = text.range(of: " is 0 in ") {
            return WorkingStep(.reasonDividesByZero, .text(String(text[..<r.lowerBound])), .text(String(text[r.upperBound...])))
        }
        return WorkingStep(.reasonText, .text(text))
    }

    static let english: [Key: String] = [
        .notEligible: "not eligible: {0}; no bonus this period",
        .gateNotMet: "requires gate {0}: {1}; pays 0", .unknownGate: "unknown gate",
        .requiresMin: "requires {0} ≥ {1}, {2}; pays 0",
        .undefinedSkipped: "{0} is undefined ({1}): component skipped, pays 0",
        .tier: "{0}{1} {2} {3}{4}: {5}",
        .scoreNone: "score: {0}{1}; pays 0",
        .scoreGraded: "score {0} ({1}{2}) is grade {3} (≥ {4}): {5} × {6} = {7}",
        .scoreBelowGrades: "score {0} ({1}{2}) is below every grade: 0",
        .capped: "capped at {0}",
        .prorated: "prorated by {0}/{1}: {2} × {0} / {1} = {3}, rounded {4} to {5} decimals: {6}",
        .agentCap: "agent cap {0} reached: {1} removed, {2} paid",
        .poolBelow: "team {0} score {1} is below {2}: the pool pays nothing",
        .poolShare: "team {0} score {1}: pool {2} split by {3}{4}, {5}/{6} → {7}, rounded down {8}{9}",
        .honour: "{0}: rank {1} in {2} by {3} score {4} (the top {5}{6}, ties at the last place included){7}",
        .deductionUndefined: "{0} is undefined ({1}): no deduction",
        .deduction: "{0}deduction {1} {2} × {3} = {4}{5}",
        .deductionFloor: "reduced by {0} so that the total stays at the floor {1}: {2} deducted",

        .condition: "{0} was not met{1}", .conditionValue: "{0} = {1}", .conditionUndefined: "{0} undefined: {1}",
        .has: "has {0}", .undefinedHas: "undefined ({0})", .undefinedZero: "{0} is undefined ({1}), counted as 0",
        .belowFirstBand: "is below the first band", .reachedBand: "reached band {0}",
        .graduated: " (graduated: each unit at its band's rate)", .retroactive: " (retroactive: every unit at {0})",
        .measure: "{0} {1}{2} → {3} points × {4}", .measureLeftOut: "{0} undefined ({1}): left out, other weights rescaled",
        .noMeasure: "; no measure has a value",
        .honourMinScore: ", from a score of {0}", .honourPays: ": pays {0}, neither prorated nor capped",
        .deductionCap: ", capped at {0}", .poolEqualFallback: " (every weight is 0: split equally)",
        .poolLeftOver: " + {0} left over = {1}",
        .splitScore: "score", .splitHours: "hours_worked", .splitEqual: "equal shares",
        .groupAll: "all eligible agents", .groupTeam: "team {0}", .notePrefix: "{0}; ", .noteAfter: " ({0})",
        .modeHalfUp: "half-up", .modeHalfEven: "half-even", .modeDown: "down",

        .reasonHasNoValue: "{0} has no value", .reasonDividesByZero: "{0} is 0 in {1}", .reasonOutOfRange: "{0} is out of range",
        .reasonPrevious: "{0} has no value: no row or an empty cell for the period before", .reasonEmpty: "{0} is empty", .reasonText: "{0}",
    ]

    /// A rounding mode in words.
    public static func mode(_ mode: RoundingMode) -> WorkingStep {
        switch mode {
        case .halfEven: WorkingStep(.modeHalfEven)
        case .down: WorkingStep(.modeDown)
        default: WorkingStep(.modeHalfUp)
        }
    }

    static let chinese: [Key: String] = [
        .notEligible: "不符合资格：{0}；本期无奖金",
        .gateNotMet: "需满足门槛 {0}：{1}；本项为 0", .unknownGate: "未知门槛",
        .requiresMin: "需 {0} ≥ {1}，{2}；本项为 0",
        .undefinedSkipped: "{0} 无值（{1}）：本项跳过，为 0",
        .tier: "{0}{1} {2}，{3}{4}：{5}",
        .scoreNone: "绩效得分：{0}{1}；本项为 0",
        .scoreGraded: "绩效得分 {0}（{1}{2}），等级 {3}（≥ {4}）：{5} × {6} = {7}",
        .scoreBelowGrades: "绩效得分 {0}（{1}{2}）低于所有等级：0",
        .capped: "封顶 {0}",
        .prorated: "按出勤折算 {0}/{1}：{2} × {0} / {1} = {3}，{4}保留 {5} 位小数：{6}",
        .agentCap: "达到个人封顶 {0}：扣除 {1}，实发 {2}",
        .poolBelow: "班组 {0} 绩效得分 {1} 低于 {2}：奖池不发放",
        .poolShare: "班组 {0} 绩效得分 {1}：奖池 {2} 按{3}分配{4}，{5}/{6} → {7}，向下取整 {8}{9}",
        .honour: "{0}：在{2}中按 {3} 绩效得分 {4} 排名第 {1}（前 {5} 名{6}，并列末位一并入选）{7}",
        .deductionUndefined: "{0} 无值（{1}）：不扣罚",
        .deduction: "{0}扣罚 {1} {2} × {3} = {4}{5}",
        .deductionFloor: "为保证合计不低于保底 {1}，扣罚减少 {0}：实扣 {2}",

        .condition: "未满足 {0}{1}", .conditionValue: "{0} = {1}", .conditionUndefined: "{0} 无值：{1}",
        .has: "实际 {0}", .undefinedHas: "无值（{0}）", .undefinedZero: "{0} 无值（{1}），按 0 计",
        .belowFirstBand: "未达最低档", .reachedBand: "达到档位 {0}",
        .graduated: "（累进：每个单位按所在档位计）", .retroactive: "（全额累进：全部单位按 {0} 计）",
        .measure: "{0} {1}{2} → {3} 分 × {4}", .measureLeftOut: "{0} 无值（{1}）：不计入，其余权重按比例放大",
        .noMeasure: "；所有指标均无值",
        .honourMinScore: "，最低绩效得分 {0}", .honourPays: "：发放 {0}，不折算、不封顶",
        .deductionCap: "，封顶 {0}", .poolEqualFallback: "（权重均为 0：平均分配）",
        .poolLeftOver: " + 余额 {0} = {1}",
        .splitScore: "绩效得分", .splitHours: "出勤工时", .splitEqual: "平均",
        .groupAll: "全体符合资格的坐席", .groupTeam: "班组 {0}", .notePrefix: "{0}；", .noteAfter: "（{0}）",
        .modeHalfUp: "四舍五入", .modeHalfEven: "四舍六入五成双", .modeDown: "舍去",

        .reasonHasNoValue: "{0} 无值", .reasonDividesByZero: "{1} 中 {0} 为 0", .reasonOutOfRange: "{0} 超出范围",
        .reasonPrevious: "{0} 无值：上一考核期无该行或该单元格为空", .reasonEmpty: "{0} 为空", .reasonText: "{0}",
    ]
}

extension WorkingStep {
    /// A compact JSON form: `[key, value…]`, a value being a string, a nested step (an array),
    /// `{"l": [steps]}` for a list, or `null` for nothing. Smaller and faster than the synthesized coding.
    public var jsonObject: Any {
        [key.rawValue] + values.map { value -> Any in
            switch value {
            case .text(let t): t
            case .step(let s): s.jsonObject
            case .steps(let list): ["l": list.map(\.jsonObject)]
            case .none: NSNull()
            }
        }
    }

    /// Reads the compact JSON form back; nil when it is not one.
    public init?(jsonObject: Any) {
        guard let array = jsonObject as? [Any], let first = array.first as? String, let key = Key(rawValue: first) else { return nil }
        var values: [Value] = []
        for item in array.dropFirst() {
            if let t = item as? String {
                values.append(.text(t))
            } else if item is NSNull {
                values.append(.none)
            } else if let list = (item as? [String: Any])?["l"] as? [Any] {
                // All or nothing: a step that does not read back makes the whole step unreadable.
                let steps = list.compactMap { WorkingStep(jsonObject: $0) }
                guard steps.count == list.count else { return nil }
                values.append(.steps(steps))
            } else if let step = WorkingStep(jsonObject: item) {
                values.append(.step(step))
            } else {
                return nil
            }
        }
        self.init(key, values: values)
    }
}
