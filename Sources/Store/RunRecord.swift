public import Foundation
import Core

/// What kind of command a run was.
public enum RunKind: String, Sendable, CaseIterable {
    case staff, roster, bonus, compare
}

/// One input file of a run and the SHA-256 of its bytes when the run was recorded.
public struct RunInput: Sendable, Equatable {
    /// What the file was to the run: `scenario`, `data`, `plan`, `metrics`, `agents`.
    public var role: String
    public var path: String
    /// Lower-case hex.
    public var sha256: String
    /// The file's bytes as the run read them (kept from schema v5 on, so a page shows what the run used
    /// even after the file moved or changed); nil for runs recorded before, or a file that changed meanwhile.
    public var content: [UInt8]?

    public init(role: String, path: String, sha256: String, content: [UInt8]? = nil) {
        self.role = role
        self.path = path
        self.sha256 = sha256
        self.content = content
    }
}

/// One output of a run, stored whole: the text of the file of that name.
public struct RunResult: Sendable, Equatable {
    /// The file name, e.g. `summary.json`, or `<scenario>/roster.csv` for a comparison.
    public var name: String
    public var content: String

    public init(name: String, content: String) {
        self.name = name
        self.content = content
    }
}

/// One stored line of a payout run: what payroll pays one agent under one earnings code.
public struct PayoutLineRecord: Sendable, Equatable {
    public var agentID: String
    public var name: String
    public var period: String
    public var earningsCode: String
    /// The exact decimal amount as text (e.g. `1234.5`, `-80.00`); never a binary float.
    public var amount: String
    public var currency: String
    /// Why the line exists when it is not a first payment: `recalculation` for an adjustment run's delta.
    public var reason: String?

    public init(agentID: String, name: String, period: String, earningsCode: String, amount: String, currency: String, reason: String? = nil) {
        self.agentID = agentID
        self.name = name
        self.period = period
        self.earningsCode = earningsCode
        self.amount = amount
        self.currency = currency
        self.reason = reason
    }
}

/// A run about to be recorded.
public struct NewRun: Sendable {
    public var kind: RunKind
    /// The scenario or plan name.
    public var name: String
    /// The run's parameters as a JSON object.
    public var parameters: String
    public var startedAt: Date
    public var finishedAt: Date
    /// How the work ended, e.g. the solver status (`optimal`, `feasible`) or `ok`.
    public var outcome: String
    /// The payout-run state (`draft`…); nil for runs that are not payout runs.
    public var status: String?
    /// Who ran it: the OS user.
    public var user: String
    public var inputs: [RunInput]
    /// The pay period of a payout run (`YYYY-MM`); nil for other runs.
    public var period: String?
    /// For an adjustment run: the latest approved or exported run of the period it adjusts.
    public var adjustsRun: Int?
    /// A payout run's lines, stored in this order.
    public var payoutLines: [PayoutLineRecord]

    public init(kind: RunKind, name: String, parameters: String, startedAt: Date, finishedAt: Date, outcome: String, status: String?,
                user: String, inputs: [RunInput], period: String? = nil, adjustsRun: Int? = nil, payoutLines: [PayoutLineRecord] = []) {
        self.kind = kind
        self.name = name
        self.parameters = parameters
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.status = status
        self.user = user
        self.inputs = inputs
        self.period = period
        self.adjustsRun = adjustsRun
        self.payoutLines = payoutLines
    }
}

/// A recorded run as `runs list` shows it.
public struct RunSummary: Sendable, Equatable {
    public var id: Int
    public var kind: RunKind
    public var name: String
    /// ISO-8601 UTC, as stored.
    public var startedAt: String
    public var finishedAt: String
    public var outcome: String
    public var status: String?
    public var user: String
    /// A payout run's period; nil for other runs.
    public var period: String?
    /// For an adjustment run, the run it adjusts.
    public var adjustsRun: Int?
    /// Who approved a payout run and when (ISO-8601 UTC); nil until approved.
    public var approvedBy: String? = nil
    public var approvedAt: String? = nil

    /// Seconds between start and finish, when both timestamps parse.
    public var durationSeconds: Double? {
        guard let s = StoreClock.date(startedAt), let f = StoreClock.date(finishedAt) else { return nil }
        return f.timeIntervalSince(s)
    }
}

/// A recorded run with everything stored about it.
public struct StoredRun: Sendable {
    public var summary: RunSummary
    public var parameters: String
    public var inputs: [RunInput]
    public var results: [RunResult]
}

/// One row of the append-only audit table.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int
    public var at: String
    public var who: String
    public var what: String
    public var runID: Int?
}

/// Timestamps as the store writes them: ISO-8601 UTC with milliseconds.
public enum StoreClock {
    /// `2026-11-23T13:04:16.123Z`.
    public static func text(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }

    /// Parses what `text(_:)` writes (with or without fractional seconds).
    public static func date(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }
}

/// What an approval covers: the number of a payout run's lines, their exact total and the SHA-256
/// of their canonical text (every field of every line, in order), so an export can verify them.
public struct LinesDigest: Sendable, Equatable {
    public let rows: Int
    /// The exact sum of the amounts, shortest text (`1234.5`); `invalid` when an amount is not a decimal.
    public let total: String
    public let sha256: String

    public init(_ lines: [PayoutLineRecord]) {
        rows = lines.count
        var sum = ExactDecimal.zero
        var valid = true
        var text = ""
        for l in lines {
            if let amount = ExactDecimal(l.amount) { sum += amount } else { valid = false }
            text += [l.agentID, l.name, l.period, l.earningsCode, l.amount, l.currency, l.reason ?? ""].joined(separator: "\u{1F}") + "\u{1E}"
        }
        total = valid ? sum.description : "invalid"
        sha256 = SHA256.hex(Array(text.utf8))
    }
}
