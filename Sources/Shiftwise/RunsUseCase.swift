import Core
import Foundation
import Store

/// `shiftwise runs list` and `runs show RUN`: what the database holds, as text.
public enum RunsUseCase {
    /// Every run, newest first, as an aligned table (id, kind, name, started, duration, outcome, status).
    public static func list(database: String) throws -> String {
        guard FileManager.default.fileExists(atPath: database) else { return Texts.current(.rnNoDatabase, database) + "\n" }
        let runs = try Store.openExisting(database).runs()
        if runs.isEmpty { return Texts.current(.rnNone, database) + "\n" }
        let header = ["id", "kind", "name", "started", "duration", "outcome", "status"]
        let rows = runs.map { r in
            [String(r.id), r.kind.rawValue, r.name, r.startedAt, r.durationSeconds.map { String(format: "%.1f s", $0) } ?? "?", r.outcome,
             r.status ?? "-"]
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
        var out = "run \(s.id): \(s.kind.rawValue) \(s.name)\n"
        out += table([
            ["  started", s.startedAt],
            ["  finished", s.finishedAt + (s.durationSeconds.map { String(format: " (%.1f s)", $0) } ?? "")],
            ["  outcome", s.outcome],
            ["  status", s.status ?? "-"],
            ["  user", s.user],
        ], rightAligned: [])
        out += "parameters\n"
        if let data = run.parameters.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], !object.isEmpty {
            out += table(object.keys.sorted().map { ["  " + $0, "\(object[$0] ?? "")"] }, rightAligned: [])
        } else {
            out += "  (none)\n"
        }
        out += "inputs\n"
        out += run.inputs.isEmpty ? "  (none)\n" : table(run.inputs.map { ["  " + $0.role, $0.path, "sha256 " + $0.sha256] }, rightAligned: [])
        out += "results (`runs show \(s.id) --result NAME` prints one)\n"
        out += run.results.isEmpty ? "  (none)\n" : table(run.results.map { r in
            let lines = r.content.split(separator: "\n", omittingEmptySubsequences: false).count - (r.content.hasSuffix("\n") ? 1 : 0)
            return ["  " + r.name, "\(lines) lines", "\(r.content.utf8.count) bytes"]
        }, rightAligned: [1, 2])
        return out
    }

    /// Columns padded to their widest cell, two spaces apart; trailing spaces trimmed.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : cell + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
