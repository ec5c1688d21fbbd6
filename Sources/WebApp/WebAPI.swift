import Core
import Foundation
import Hummingbird
import Reports
import Rostering
import Shiftwise
import Store

/// The JSON API the pages are built on (SPEC §11), documented in the README. Answers are JSON objects
/// with sorted keys; an error is `{"error": "…"}` with a status that says its kind.
struct WebAPI: Sendable {
    let server: WebServer

    /// `GET /api/runs`: id, kind, name, status, started — newest first.
    func runs() -> Response {
        do {
            let store = try Store.openExisting(server.database)
            let runs = try store.runs()
            let listed = try store.payoutRuns()
            let statuses = Dictionary(listed.map { ($0.summary.id, $0.listedStatus) }, uniquingKeysWith: { a, _ in a })
            return Self.json(.ok, runs.map { r -> [String: Any] in
                ["id": r.id, "kind": r.kind.rawValue, "name": r.name, "status": (statuses[r.id] ?? r.status).map { $0 as Any } ?? NSNull(), "started": r.startedAt,
                 "outcome": r.outcome]
            })
        } catch {
            return Self.failure(error)
        }
    }

    /// `GET /api/runs/{id}/roster`: the run's shifts as in roster.csv, one object per row.
    func roster(id: Int?, texts: Texts) -> Response {
        guard let id else { return Self.error(.notFound, texts(.wbNoSuchRun)) }
        do {
            let store = try Store.openExisting(server.database)
            let run = try store.run(id)
            guard let csv = run.results.first(where: { $0.name == "roster.csv" })?.content else {
                return Self.error(.notFound, texts(.wbNoRoster, "\(id)", run.summary.kind.rawValue))
            }
            return Self.json(.ok, ["run": id, "shifts": Self.rows(csv)])
        } catch {
            return Self.failure(error)
        }
    }

    /// `POST /api/runs/{id}/check`: violations from the independent validator and the objective terms.
    func check(id: Int, body: String, texts: Texts) -> Response {
        do {
            return try Texts.with(texts) {
                let recorded = try RecordedScenario.load(run: id, store: Store.openExisting(server.database))
                let check = RosterEditUseCase.check(body, recorded: recorded)
                return Self.json(.ok, Self.checkObject(check))
            }
        } catch {
            return Self.failure(error)
        }
    }

    /// `POST /api/runs/{id}/coverage`: the coverage charts of an edited roster (`{"html": …}`, the page's own charts).
    func coverage(id: Int, body: String, texts: Texts) -> Response {
        do {
            return try Texts.with(texts) {
                let recorded = try RecordedScenario.load(run: id, store: Store.openExisting(server.database))
                let check = RosterEditUseCase.check(body, recorded: recorded)
                guard let evaluation = check.evaluation else { return Self.error(.unprocessableContent, texts(.wbRowUnreadable)) }
                return Self.json(.ok, ["html": RosterPage.coverageCharts(evaluation: evaluation, scenario: recorded.scenario, texts: texts)])
            }
        } catch {
            return Self.failure(error)
        }
    }

    /// `POST /api/runs/{id}/save`: records the edited roster as a new run (refused, 422, when it breaks a hard rule).
    func save(id: Int, body: String, texts: Texts) -> Response {
        do {
            return try Texts.with(texts) {
                // The same roster as the run's own (as written, or after reading) is nothing to save.
                let recorded = try RecordedScenario.load(run: id, store: Store.openExisting(server.database))
                let original = try RosterEditUseCase.rosterCSV(of: recorded)
                let check = RosterEditUseCase.check(body, recorded: recorded)
                if body == original || (check.roster.map { Set($0.shifts) } == RosterEditUseCase.check(original, recorded: recorded).roster.map { Set($0.shifts) }
                                        && check.violations.isEmpty && check.warnings.isEmpty) {
                    return Self.error(.unprocessableContent, texts(.wbNothingChanged, "\(id)"))
                }
                let newID = try RosterEditUseCase.save(body, run: id, database: server.database)
                return Self.json(.ok, ["run": newID, "url": "/runs/\(newID)", "warnings": check.warnings.map(Self.findingObject)])
            }
        } catch let refused as RosterEditUseCase.Refused {
            return Self.json(.unprocessableContent, ["error": refused.description, "violations": refused.violations.map(Self.findingObject)])
        } catch {
            return Self.failure(error)
        }
    }

    /// `POST /api/runs/{id}/resolve`: the rows marked `pinned` kept exactly, the rest rostered again, recorded as a new run.
    /// The pins are read in the request's language; the solve runs on a thread of its own (in that language), one re-solve at a time
    /// (another is answered 429 at once), so pages stay quick while it runs.
    func resolve(id: Int, body: String, texts: Texts) async -> Response {
        let database = server.database, seconds = server.resolveSeconds
        let header = body.prefix { $0 != "\n" && $0 != "\r" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header.contains("pinned") else { return await WebServer.gated(texts) { Self.error(.unprocessableContent, texts(.wbNoPinnedColumn)) } }
        enum Prepared: Sendable {
            case pinned(RosterEditUseCase.Pinned)
            case refused(Response)
        }
        let prepared = await WebServer.gated(texts) { () -> Prepared in
            guard FileManager.default.fileExists(atPath: database) else { return .refused(Self.error(.serviceUnavailable, StoreError.missing(path: database).description)) }
            do { return .pinned(try RosterEditUseCase.pins(body, run: id, database: database)) } catch { return .refused(Self.failure(error)) }
        }
        let pinned: RosterEditUseCase.Pinned
        switch prepared {
        case .refused(let response): return response
        case .pinned(let value): pinned = value
        }
        guard SolveSlot.shared.take() else { return await WebServer.gated(texts) { Self.error(.tooManyRequests, texts(.wbSolveBusy)) } }
        let outcome = await WebServer.offThread { () -> Result<Int, any Error> in
            defer { SolveSlot.shared.give() }
            return Texts.with(texts) { Result { try RosterEditUseCase.resolve(pinned, database: database, timeLimitSeconds: seconds, texts: texts) } }
        }
        return await WebServer.gated(texts) {
            switch outcome {
            case .success(let newID): return Self.json(.ok, ["run": newID, "url": "/runs/\(newID)"])
            case .failure(let error): return Self.failure(error)
            }
        }
    }

    /// `POST /api/runs/{id}/approve`: approves a draft payout run.
    func approve(id: Int, body: String, texts: Texts) -> Response {
        do {
            let text = try PayoutsUseCase.approve(database: server.database, run: id)
            return Self.json(.ok, ["run": id, "message": text.trimmingCharacters(in: .newlines)])
        } catch {
            return Self.failure(error)
        }
    }

    /// `POST /api/runs/{id}/void` with `{"reason": "…"}`: retires a draft payout run.
    func void(id: Int, body: String, texts: Texts) -> Response {
        let reason = ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any])?["reason"] as? String ?? ""
        do {
            let text = try PayoutsUseCase.void(database: server.database, run: id, reason: reason)
            return Self.json(.ok, ["run": id, "message": text.trimmingCharacters(in: .newlines)])
        } catch {
            return Self.failure(error)
        }
    }

    /// `POST /api/runs/{id}/export` with `{"format": "generic"}` (or `adp`, `paychex`, `gusto` when the server has a
    /// payroll map): writes the payroll file where `payouts export` writes it, after the same pre-flight.
    func export(id: Int, body: String, texts: Texts) -> Response {
        let asked = ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any])?["format"] as? String ?? "generic"
        guard let format = PayrollFormat(rawValue: asked) else {
            return Self.error(.badRequest, texts(.wbNoFormat, asked, PayrollFormat.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        guard format == .generic || server.payrollMap != nil else {
            return Self.error(.badRequest, texts(.wbNeedsMap, format.displayName))
        }
        do {
            let outcome = try Texts.with(texts) {
                try PayoutsUseCase.export(database: server.database, run: id, outputFolder: server.exportFolder, bom: false, format: format,
                                          mapPath: format == .generic ? nil : server.payrollMap)
            }
            // The files themselves, for the browser to save where the clerk wants them (the server's folder may be out of reach).
            let downloads = outcome.files.compactMap { path -> [String: String]? in
                guard let data = FileManager.default.contents(atPath: path), data.count <= 32 << 20 else { return nil }
                return ["name": (path as NSString).lastPathComponent, "content": String(decoding: data, as: UTF8.self)]
            }
            return Self.json(.ok, ["run": id, "files": outcome.files, "control": outcome.control, "downloads": downloads])
        } catch let error as InputError {
            return Self.json(.unprocessableContent, ["error": error.diagnostics.map(\.description).joined(separator: "\n")])
        } catch {
            return Self.failure(error)
        }
    }

    // MARK: Shapes

    static func checkObject(_ check: RosterEditUseCase.Check) -> [String: Any] {
        var terms: [String: Any] = [:]
        for term in check.terms ?? [] { terms[term.name] = NSDecimalNumber(string: term.value.formatted(places: 2)) }
        return ["violations": check.violations.map(findingObject), "warnings": check.warnings.map(findingObject),
                "objective_terms": check.terms == nil ? NSNull() : terms,
                "objective": check.objective.map { NSDecimalNumber(string: $0.formatted(places: 2)) } ?? NSNull(),
                "shifts": check.shiftCount,
                "measures": check.evaluation.map { e -> Any in
                    ["service_level_week": e.serviceLevelWeek.map { NSDecimalNumber(string: String(format: "%.4f", $0)) } ?? NSNull(),
                     "understaffed_agent_hours": NSDecimalNumber(string: e.understaffedAgentHours.formatted(places: 2)),
                     "overstaffed_agent_hours": NSDecimalNumber(string: e.overstaffedAgentHours.formatted(places: 2)),
                     "paid_hours": NSDecimalNumber(string: String(format: "%.2f", Double(e.paidMinutes) / 60))]
                } ?? NSNull()]
    }

    static func findingObject(_ f: RosterEditUseCase.Finding) -> [String: Any] {
        ["agent_id": f.agentID, "rule": f.rule, "message": f.message, "line": f.line]
    }

    /// roster.csv as objects keyed by its header.
    static func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = WebCSV.split(line)
            var row: [String: String] = [:]
            for (i, name) in header.enumerated() { row[name] = i < cells.count ? cells[i] : "" }
            return row
        }
    }

    static func json(_ status: HTTPResponse.Status, _ object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return WebHeaders.response(status, contentType: "application/json; charset=utf-8", body: String(decoding: data, as: UTF8.self))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(status, ["error": message])
    }

    /// An error of a use case as an answer: an unknown run is 404, a refused state change 409, bad input 422, the rest 500.
    static func failure(_ error: any Error) -> Response {
        Self.error(status(of: error), "\(error)")
    }

    /// The status an error of a use case is answered with (the pages use it too).
    static func status(of error: any Error) -> HTTPResponse.Status {
        switch error {
        case let store as StoreError:
            if case .unknownRun = store { return .notFound }
            if case .payoutState = store { return .conflict }
            if case .busy = store { return .serviceUnavailable }
            if case .missing = store { return .serviceUnavailable }
            return store.isBadInput ? .unprocessableContent : .internalServerError
        case is PayoutsUseCase.BadReason:
            return .badRequest
        case is RecordedScenario.Unavailable:
            return .unprocessableContent
        default:
            // An input the request or the run brought that cannot be used is the client's (422); anything else —
            // the solver, the disk — is the server's (500).
            switch failureCategory(of: error) {
            case .badInput, .missingInput, .usage, .infeasible: return .unprocessableContent
            case .internalFailure: return .internalServerError
            }
        }
    }
}

/// Splits one CSV line (RFC 4180 quotes) into its cells.
enum WebCSV {
    static func split(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(line)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            i += 1
        }
        cells.append(cell)
        return cells
    }
}

/// The one re-solve the server runs at a time.
final class SolveSlot: @unchecked Sendable {
    static let shared = SolveSlot()
    private let lock = NSLock()
    private var busy = false

    /// True when the slot was free (and is now taken).
    func take() -> Bool { lock.withLock { busy ? false : { busy = true; return true }() } }
    func give() { lock.withLock { busy = false } }
}
