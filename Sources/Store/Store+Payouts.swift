import Core
import Foundation
import GRDB

/// A payout run with its stored lines.
public struct PayoutRun: Sendable {
    public var summary: RunSummary
    public var lines: [PayoutLineRecord]
    /// For a draft: the newest later run of the same period that is not void (the draft can no longer be approved).
    public var supersededBy: Int?

    /// The status as `payouts list` shows it: a superseded draft is `superseded`.
    public var listedStatus: String {
        if summary.status == "draft", supersededBy != nil { return "superseded" }
        return summary.status ?? "-"
    }
}

extension Store {
    /// Every bonus run with its lines, newest first.
    public func payoutRuns() throws(StoreError) -> [PayoutRun] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM runs WHERE kind = 'bonus' ORDER BY id DESC").map { row in
                    let summary = Self.summary(row)
                    return PayoutRun(summary: summary, lines: try Self.lines(run: summary.id, db: db),
                                     supersededBy: try Self.supersededBy(summary, db: db))
                }
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Moves a draft payout run to approved and records who did it in the audit table, in one transaction.
    ///
    /// - Throws: ``StoreError/payoutState(path:message:)`` unless the run is a draft bonus run (approving twice is refused)
    ///   settled against the period's approved runs as they are now (a stale draft is refused); ``StoreError/unknownRun(path:id:)``.
    public func approve(_ id: Int, user: String) throws(StoreError) {
        do {
            try immediate { db in
                let summary = try Self.payoutSummary(id, db: db, path: path)
                switch summary.status {
                case "draft": break
                case "void":
                    throw StoreError.payoutState(path: path, message: Texts.current(.stVoidNoApprove, String(id)))
                case let status?:
                    throw StoreError.payoutState(path: path, message: Texts.current(.stAlready, String(id), Self.statusWord(status)))
                case nil:
                    throw StoreError.payoutState(path: path, message: Texts.current(.stNoStatusApprove, String(id)))
                }
                // A draft's lines are right only against the approved runs it was settled against: the newest of
                // them must still be the newest, or approving it would pay the same money twice.
                let newest = try Int.fetchOne(db, sql: """
                    SELECT max(id) FROM runs WHERE kind = 'bonus' AND period IS ? AND name IS ? AND status IN ('approved', 'exported')
                    """, arguments: [summary.period, summary.name])
                if newest != summary.adjustsRun {
                    if let newest {
                        throw StoreError.payoutState(path: path, message: Texts.current(.stComputedBefore, String(id), String(newest),
                                                                                   summary.period ?? Texts.current(.stItsPeriod)))
                    }
                    // It adjusts a run that is not its plan's (settled before runs were settled per plan) or no longer approved.
                    throw StoreError.payoutState(path: path, message: Texts.current(.stAdjustsOther, String(id), String(summary.adjustsRun ?? 0)))
                }
                // Another plan paying the same agent under the same earnings code for the period would pay that money twice
                // (a renamed plan, say): refused, with the two ways out.
                if let clash = try Row.fetchOne(db, sql: """
                    SELECT l.agent_id, l.earnings_code, r.id, r.name FROM payout_lines l JOIN runs r ON r.id = l.run_id
                    WHERE r.kind = 'bonus' AND r.period IS ? AND r.name IS NOT ? AND r.status IN ('approved', 'exported')
                      AND EXISTS (SELECT 1 FROM payout_lines m WHERE m.run_id = ? AND m.agent_id = l.agent_id AND m.earnings_code = l.earnings_code)
                    ORDER BY r.id, l.position LIMIT 1
                    """, arguments: [summary.period, summary.name, id]) {
                    let agent: String = clash[0], code: String = clash[1], other: Int = clash[2], plan: String = clash[3]
                    throw StoreError.payoutState(path: path, message: Texts.current(.stOtherPlanPays, String(id), code, agent, String(other), plan,
                                                                               summary.period ?? Texts.current(.stItsPeriod)))
                }
                if let newer = try Self.supersededBy(summary, db: db) {
                    throw StoreError.payoutState(path: path, message: Texts.current(.stSuperseded, String(id), String(newer),
                                                                               summary.period ?? Texts.current(.stItsPeriod)))
                }
                let digest = LinesDigest(try Self.lines(run: id, db: db))
                let now = StoreClock.text(Date())
                try db.execute(sql: """
                    UPDATE runs SET status = 'approved', approved_rows = ?, approved_total = ?, approved_sha256 = ?, approved_by = ?, approved_at = ?
                    WHERE id = ?
                    """, arguments: [digest.rows, digest.total, digest.sha256, user, now, id])
                try db.execute(sql: "INSERT INTO audit (at, who, what, run_id) VALUES (?, ?, ?, ?)",
                               arguments: [now, user, "approved payout run \(id) (\(summary.name), \(summary.period ?? "?"))", id])
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Retires a draft payout run for good (status `void`), recording who and why in the audit table, in one transaction.
    ///
    /// - Throws: ``StoreError/payoutState(path:message:)`` unless the run is a draft bonus run (superseded drafts included);
    ///   ``StoreError/unknownRun(path:id:)``.
    public func void(_ id: Int, user: String, reason: String) throws(StoreError) {
        do {
            try immediate { db in
                let summary = try Self.payoutSummary(id, db: db, path: path)
                switch summary.status {
                case "draft": break
                case "void":
                    throw StoreError.payoutState(path: path, message: Texts.current(.stAlreadyVoid, String(id)))
                case let status?:
                    throw StoreError.payoutState(path: path, message: Texts.current(.stNeverChanges, String(id), Self.statusWord(status)))
                case nil:
                    throw StoreError.payoutState(path: path, message: Texts.current(.stNoStatusVoid, String(id)))
                }
                let now = StoreClock.text(Date())
                try db.execute(sql: "UPDATE runs SET status = 'void' WHERE id = ?", arguments: [id])
                try db.execute(sql: "INSERT INTO audit (at, who, what, run_id) VALUES (?, ?, ?, ?)",
                               arguments: [now, user, "voided payout run \(id) (\(summary.name), \(summary.period ?? "?")): \(reason)", id])
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The newest later bonus run of the same plan and period that is not void, which makes a draft superseded.
    static func supersededBy(_ summary: RunSummary, db: Database) throws -> Int? {
        guard summary.status == "draft" else { return nil }
        return try Int.fetchOne(db, sql: """
            SELECT max(id) FROM runs WHERE kind = 'bonus' AND period IS ? AND name IS ? AND id > ? AND status IS NOT 'void'
            """, arguments: [summary.period, summary.name, summary.id])
    }

    /// Exports an approved or exported payout run: in one transaction, `write` gets the run and its lines,
    /// writes the files and returns what the audit entry should say; an approved run becomes exported.
    ///
    /// If `write` throws, nothing changes and its error is rethrown unchanged.
    ///
    /// - Returns: The run as it was before the export (its status tells whether this was the first export).
    /// - Throws: ``StoreError/payoutState(path:message:)`` for a draft or a run that is not a payout run; `write`'s error.
    public func export(_ id: Int, user: String, write: (RunSummary, [PayoutLineRecord]) throws -> String) throws -> RunSummary {
        try guarded {
            var before: RunSummary?
            try immediate { db in
                let summary = try Self.payoutSummary(id, db: db, path: path)
                guard summary.status == "approved" || summary.status == "exported" else {
                    throw StoreError.payoutState(path: path, message: Texts.current(.stDraft, String(id)))
                }
                let lines = try Self.lines(run: id, db: db)
                // The lines must be those approved: a changed line (the lock triggers dropped by hand) is refused.
                let approved = try Row.fetchOne(db, sql: "SELECT approved_rows, approved_total, approved_sha256 FROM runs WHERE id = ?", arguments: [id])
                let now = LinesDigest(lines)
                let rows: Int? = approved?["approved_rows"]
                let total: String? = approved?["approved_total"]
                let sha: String? = approved?["approved_sha256"]
                if rows != now.rows || total != now.total || sha != now.sha256 {
                    throw StoreError.tampered(path: path, message: Texts.current(.stTampered, String(id), rows.map(String.init) ?? "?", total ?? "?",
                                                                            String(now.rows), now.total))
                }
                let what = try write(summary, lines)
                if summary.status == "approved" {
                    try db.execute(sql: "UPDATE runs SET status = 'exported' WHERE id = ?", arguments: [id])
                }
                try db.execute(sql: "INSERT INTO audit (at, who, what, run_id) VALUES (?, ?, ?, ?)",
                               arguments: [StoreClock.text(Date()), user, what, id])
                before = summary
            }
            return before!
        }
    }

    /// Runs `body` in an IMMEDIATE transaction, so its reads and writes see one state even across processes.
    func immediate(_ body: (Database) throws -> Void) throws {
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try body(db)
                return .commit
            }
        }
    }

    /// A payout status as a person reads it (`approved` / 已审批); an unknown one as stored.
    static func statusWord(_ status: String) -> String {
        let keys: [String: TextKey] = ["draft": .payoutDraft, "approved": .payoutApproved, "exported": .payoutExported, "void": .payoutVoid,
                                       "superseded": .payoutSuperseded]
        return keys[status].map { Texts.current($0) } ?? status
    }

    static func payoutSummary(_ id: Int, db: Database, path: String) throws -> RunSummary {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]) else {
            throw StoreError.unknownRun(path: path, id: id)
        }
        let summary = summary(row)
        guard summary.kind == .bonus else {
            throw StoreError.payoutState(path: path, message: Texts.current(.stNotPayout, String(id), summary.kind.rawValue))
        }
        return summary
    }
}
