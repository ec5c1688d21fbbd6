import Core
import Foundation

/// The words of the web pages, in both languages (the pages a command writes use `Texts`); a key
/// missing in either language is a failing test.
enum WebText: String, CaseIterable, Sendable {
    case appTitle, colAgent, navRuns, runsHeading, runsEmpty, colID, colKind, colName, colStarted, colOutcome, colStatus, open
    case kindRoster, kindBonus, kindStaff, kindCompare
    case notFound, notFoundBody, unavailable
    case editHeading, editHint, editNone, editStart, editEnd, editApply, editDelete, editSwapWith, editSwap, editAddFor, editAdd, editDay
    case editResolve, editResolving, editResolved, editChecking, editHolds, editViolations, editTerms, editObjective, editSave, editSaved, editRefused, editEdited, editUndoAll
    case formatGeneric, payoutHistory, editBreaks, editPaid, payoutNothing, payoutHeading, payoutPeriod, payoutPlan, payoutStatus, payoutAgents, payoutTotal, payoutWorking, payoutStatement
    case payoutApprove, payoutVoid, payoutExport, payoutConfirmApprove, payoutVoidReason, payoutLocked, payoutAmount, payoutAdjusts
    case runHeading, runResults, compareHeading
    case ruleStart, ruleEnd, ruleBreaks, rulePaidHours, ruleDate, ruleAgent, ruleName, ruleWeek, ruleFile, ruleShift
    case termLabour, termUnder, termOver, termDaysOff, termStart, termFairness, termChanges

    /// The roster columns a finding's `rule` names, and the objective terms by the name `summary.json` gives them, for the editor.
    static let rules: [String: WebText] = ["start": .ruleStart, "end": .ruleEnd, "breaks": .ruleBreaks, "paid_hours": .rulePaidHours, "date": .ruleDate,
                                           "agent_id": .ruleAgent, "name": .ruleName, "week": .ruleWeek, "file": .ruleFile, "shift": .ruleShift]
    static let terms: [String: WebText] = ["labour cost": .termLabour, "understaffing": .termUnder, "overstaffing": .termOver,
                                           "preferred days off worked": .termDaysOff, "preferred start": .termStart, "fairness": .termFairness,
                                           "changes from baseline": .termChanges]

    func callAsFunction(_ t: Texts, _ arguments: String...) -> String {
        var text = (t.language == .zhCN ? Self.chinese[self] : Self.english[self]) ?? Self.english[self] ?? rawValue
        for (i, a) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: a) }
        return text
    }

    static let english: [WebText: String] = [
        .appTitle: "Shiftwise", .colAgent: "agent", .navRuns: "Runs", .runsHeading: "Recorded runs", .runsEmpty: "No runs are recorded in this database yet.",
        .colID: "run", .colKind: "kind", .colName: "name", .colStarted: "started", .colOutcome: "outcome", .colStatus: "status", .open: "open",
        .kindRoster: "roster", .kindBonus: "payout", .kindStaff: "staffing", .kindCompare: "comparison",
        .notFound: "Not found", .notFoundBody: "There is no such page or run.", .unavailable: "This run cannot be shown",
        .editHeading: "Edit the roster", .editHint: "Drag a shift along the timeline to move it, or click it to change its times, swap or delete it; every change is checked at once.",
        .editNone: "No shift chosen.", .editStart: "Start", .editEnd: "End", .editApply: "Apply", .editDelete: "Delete shift",
        .editSwapWith: "Swap this day with", .editSwap: "Swap", .editAddFor: "Add a shift for", .editAdd: "Add", .editDay: "Day",
        .editResolve: "Re-solve around my edits", .editResolving: "Re-solving with the edited shifts kept…", .editResolved: "Re-solved as run {0}.",
        .editChecking: "Checking…", .editHolds: "Every hard rule holds.", .editViolations: "{0} hard-rule violations",
        .editTerms: "Objective terms", .editObjective: "Objective", .editSave: "Save as a new run", .editSaved: "Saved as run {0}.",
        .editRefused: "Not saved: the roster breaks a hard rule.", .editEdited: "agent-days edited: {0}", .editUndoAll: "Undo all edits",
        .formatGeneric: "the generic payroll CSV", .payoutHistory: "History (audit trail)", .editBreaks: "Breaks", .editPaid: "Paid hours",
        .payoutNothing: "This adjustment run pays no one: no amount changed since run {0}.", .payoutHeading: "Payout run {0}", .payoutPeriod: "Period", .payoutPlan: "Plan", .payoutStatus: "Status", .payoutAgents: "Agents",
        .payoutTotal: "Total", .payoutWorking: "Working", .payoutStatement: "statement", .payoutApprove: "Approve…", .payoutVoid: "Void…",
        .payoutExport: "Export the payroll file", .payoutConfirmApprove: "Approve run {0}? An approved run never changes.",
        .payoutVoidReason: "Why is run {0} voided?", .payoutLocked: "This run is {0}: it can no longer be approved.",
        .payoutAmount: "Amount", .payoutAdjusts: "adjusts run {0}",
        .runHeading: "Run {0}", .runResults: "Stored results", .compareHeading: "Comparison {0}",
        .ruleStart: "start", .ruleEnd: "end", .ruleBreaks: "breaks", .rulePaidHours: "paid hours", .ruleDate: "date", .ruleAgent: "agent",
        .ruleName: "name", .ruleWeek: "week", .ruleFile: "file", .ruleShift: "shift",
        .termLabour: "labour cost", .termUnder: "understaffing", .termOver: "overstaffing", .termDaysOff: "preferred days off worked",
        .termStart: "preferred start", .termFairness: "fairness", .termChanges: "changes from baseline",
    ]

    static let chinese: [WebText: String] = [
        .appTitle: "Shiftwise", .colAgent: "工号", .navRuns: "运行记录", .runsHeading: "已记录的运行", .runsEmpty: "此数据库尚无运行记录。",
        .colID: "编号", .colKind: "类型", .colName: "名称", .colStarted: "开始时间", .colOutcome: "结果", .colStatus: "状态", .open: "打开",
        .kindRoster: "排班", .kindBonus: "奖金发放", .kindStaff: "人力需求", .kindCompare: "情景对比",
        .notFound: "未找到", .notFoundBody: "该页面或运行记录不存在。", .unavailable: "无法显示此运行",
        .editHeading: "调整排班", .editHint: "在时间轴上拖动班次即可移动；点选班次可修改时间、对调或删除；每次调整都会立即校验。",
        .editNone: "尚未选择班次。", .editStart: "开始", .editEnd: "结束", .editApply: "应用", .editDelete: "删除班次",
        .editSwapWith: "当天班次与", .editSwap: "对调", .editAddFor: "新增班次：坐席", .editAdd: "新增", .editDay: "日期",
        .editResolve: "保留我的调整并重新排班", .editResolving: "正在保留已调整的班次重新排班…", .editResolved: "已重新排班，保存为运行 {0}。",
        .editChecking: "校验中…", .editHolds: "所有硬性规则均满足。", .editViolations: "违反硬性规则 {0} 处",
        .editTerms: "目标函数各项", .editObjective: "目标值", .editSave: "另存为新的运行", .editSaved: "已保存为运行 {0}。",
        .editRefused: "未保存：排班违反了硬性规则。", .editEdited: "已调整 {0} 人·天", .editUndoAll: "撤销全部调整",
        .formatGeneric: "通用工资 CSV", .payoutHistory: "操作记录（审计）", .editBreaks: "休息", .editPaid: "带薪工时",
        .payoutNothing: "此调整批次无需发放：自批次 {0} 以来金额没有变化。", .payoutHeading: "奖金发放批次 {0}", .payoutPeriod: "考核期", .payoutPlan: "方案", .payoutStatus: "状态", .payoutAgents: "坐席数",
        .payoutTotal: "合计", .payoutWorking: "计算过程", .payoutStatement: "奖金明细", .payoutApprove: "审批…", .payoutVoid: "作废…",
        .payoutExport: "导出工资文件", .payoutConfirmApprove: "审批批次 {0}？审批后不可再更改。",
        .payoutVoidReason: "作废批次 {0} 的原因？", .payoutLocked: "此批次状态为{0}，不能再审批。",
        .payoutAmount: "金额", .payoutAdjusts: "调整批次 {0}",
        .runHeading: "运行 {0}", .runResults: "已保存的结果", .compareHeading: "情景对比 {0}",
        .ruleStart: "上班时间", .ruleEnd: "下班时间", .ruleBreaks: "休息", .rulePaidHours: "带薪工时", .ruleDate: "日期", .ruleAgent: "工号",
        .ruleName: "姓名", .ruleWeek: "整周", .ruleFile: "文件", .ruleShift: "班次",
        .termLabour: "人工成本", .termUnder: "人力缺口", .termOver: "人力冗余", .termDaysOff: "偏好休息日上班",
        .termStart: "偏离偏好上班时间", .termFairness: "公平性", .termChanges: "相对基准排班的改动",
    ]
}
