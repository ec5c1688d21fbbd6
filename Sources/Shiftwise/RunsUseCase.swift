import Core
import Foundation
public import Store

/// `shiftwise runs list` and `runs show RUN`: what the database holds, as text.
public enum RunsUseCase {
    /// Every run, newest first, as an aligned table (id, kind, name, started, duration, outcome, status).
    public static func list(database: String) throws -> String {
        guard FileManager.default.fileExists(atPath: database) else { return Texts.current(.rnNoDatabase, database) + "\n" }
        let runs = try Store.openExisting(database).runs()
        if runs.isEmpty { return Texts.current(.rnNone, database) + "\n" }
        let t = Texts.current
        let header = [t(.lsID), t(.lsKind), t(.lsName), t(.lsStarted), t(.lsDuration), t(.lsOutcome), t(.lsStatus)]
        let rows = runs.map { r in
            [String(r.id), kindName(r.kind), r.name, r.startedAt, r.durationSeconds.map { String(format: "%.1f s", $0) } ?? "?", outcomeName(r.outcome),
             r.status.map(statusName) ?? "-"]
        }
        return table([header] + rows, rightAligned: [0, 4])
    }

    /// One run: who, when, parameters, inputs with hashes, stored results; or one result's text.
    ///
    /// - Throws: `StoreError.unknownRun` for an id the database does not hold; `InputError` for an unknown result name.
    public static func show(database: String, run id: Int, result: String? = nil) throws -> String {
        let run = try Store.openExisting(database).run(id)
        if let result {
            guard let found = run.results.first(where: { $0.name == result }) else {
                throw InputError([Diagnostic(at: SourceLocation(file: database), Texts.current(.rnNoResult, String(id), result),
                                             fix: Texts.current(.rnNoResultFix, run.results.map(\.name).joined(separator: ", ")))])
            }
            return found.content.hasSuffix("\n") ? found.content : found.content + "\n"
        }
        let s = run.summary
        let t = Texts.current
        var out = t(.lsRunTitle, String(s.id), kindName(s.kind), s.name) + "\n"
        out += table([
            ["  " + t(.lsStarted), s.startedAt],
            ["  " + t(.lsFinished), s.finishedAt + (s.durationSeconds.map { String(format: " (%.1f s)", $0) } ?? "")],
            ["  " + t(.lsOutcome), outcomeName(s.outcome)],
            ["  " + t(.lsStatus), s.status.map(statusName) ?? "-"],
            ["  " + t(.lsUser), s.user],
        ], rightAligned: [])
        out += t(.lsParameters) + "\n"
        if let data = run.parameters.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], !object.isEmpty {
            out += table(object.keys.sorted().map { ["  " + $0, "\(object[$0] ?? "")"] }, rightAligned: [])
        } else {
            out += "  " + t(.lsNone) + "\n"
        }
        out += t(.lsInputs) + "\n"
        out += run.inputs.isEmpty ? "  " + t(.lsNone) + "\n" : table(run.inputs.map { ["  " + $0.role, $0.path, "sha256 " + $0.sha256] }, rightAligned: [])
        out += t(.lsResults, String(s.id)) + "\n"
        out += run.results.isEmpty ? "  " + t(.lsNone) + "\n" : table(run.results.map { r in
            let lines = r.content.split(separator: "\n", omittingEmptySubsequences: false).count - (r.content.hasSuffix("\n") ? 1 : 0)
            return ["  " + r.name, t(.lsLines, "\(lines)"), t(.lsBytes, "\(r.content.utf8.count)")]
        }, rightAligned: [1, 2])
        return out
    }

    /// A run kind as the language names it.
    public static func kindName(_ kind: RunKind) -> String {
        switch kind {
        case .staff: Texts.current(.kindStaff)
        case .roster: Texts.current(.kindRoster)
        case .bonus: Texts.current(.kindBonus)
        case .compare: Texts.current(.kindCompare)
        }
    }

    /// An outcome (`optimal`, `feasible`, `ok`, `edited`, or a comparison's several) as the language names it.
    public static func outcomeName(_ outcome: String) -> String {
        outcome.split(separator: ",").map { part -> String in
            switch part {
            case "optimal": Texts.current(.statusOptimal)
            case "feasible": Texts.current(.statusFeasible)
            case "ok": Texts.current(.outcomeOK)
            case "edited": Texts.current(.outcomeEdited)
            default: String(part)
            }
        }.joined(separator: Texts.current.language == .zhCN ? "、" : ",")
    }

    /// A payout status as the language names it.
    public static func statusName(_ status: String) -> String {
        switch status {
        case "draft": Texts.current(.payoutDraft)
        case "approved": Texts.current(.payoutApproved)
        case "exported": Texts.current(.payoutExported)
        case "void": Texts.current(.payoutVoid)
        case "superseded": Texts.current(.payoutSuperseded)
        default: status
        }
    }

    /// Columns padded to their widest cell (in terminal columns: a Chinese character takes two), two spaces
    /// apart; trailing spaces trimmed.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : cell + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// Terminal columns of `text`: East Asian wide and full-width characters take two (Unicode UAX #11, the common ranges).
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    /// What the audit trail says about run `id` (who approved or voided it, when, and why), oldest first.
    public static func history(database: String, run id: Int) throws -> [(at: String, who: String, what: String)] {
        try Store.openExisting(database).audit().filter { $0.runID == id }.map { ($0.at, $0.who, $0.what) }
    }
}
