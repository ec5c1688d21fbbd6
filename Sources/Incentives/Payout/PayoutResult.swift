public import Core

/// One line of the payroll sheet: an agent, an earnings code, an amount.
public struct PayoutLine: Sendable, Hashable {
    public let agentID: String
    public let name: String
    public let component: String
    public let earningsCode: String
    public let amount: ExactDecimal

    public init(agentID: String, name: String, component: String, earningsCode: String, amount: ExactDecimal) {
        self.agentID = agentID
        self.name = name
        self.component = component
        self.earningsCode = earningsCode
        self.amount = amount
    }
}

/// Every step of one agent's component (or pool share), for `payout-detail.csv` and `explain`.
public struct PayoutDetail: Sendable, Hashable {
    public let agentID: String
    public let name: String
    public let component: String
    public let earningsCode: String
    /// The metric (or `score`) the component pays on, and its value.
    public var metric: String = ""
    public var metricValue: String = ""
    public var bandReached: String = ""
    public var gates: String = ""
    public var rawAmount: ExactDecimal = .zero
    public var componentCap: ExactDecimal?
    public var afterCap: ExactDecimal = .zero
    public var proration: String = ""
    public var rounded: ExactDecimal = .zero
    public var agentCapRemoved: ExactDecimal = .zero
    public var finalAmount: ExactDecimal = .zero
    /// The working, step by step, in any language (``WorkingStep``).
    public var steps: [WorkingStep] = []
    /// The working in English sentences (as `payout-detail.csv` writes it).
    public var working: [String] { steps.map { $0.text(.en) } }

    /// The working as one text, sentences joined by `"; "` (the detail sheet's cell), built in one string.
    public func workingText(_ language: Language = .en) -> String {
        var out = ""
        for (i, step) in steps.enumerated() {
            if i > 0 { out += "; " }
            step.append(to: &out, language)
        }
        return out
    }

    public init(agentID: String, name: String, component: String, earningsCode: String) {
        self.agentID = agentID
        self.name = name
        self.component = component
        self.earningsCode = earningsCode
    }

    /// A placeholder, replaced before it is read.
    static let none = PayoutDetail(agentID: "", name: "", component: "", earningsCode: "")
}

/// A whole period's payouts.
public struct PayoutResult: Sendable {
    public let period: String
    public let currency: String
    /// Non-zero lines, agents in metrics-file order sorted by agent id, components in plan order, then pools.
    public let lines: [PayoutLine]
    /// The working of every line, computed again when it is read (``PayoutWorking``); nil for a result made by hand.
    public let working: PayoutWorking?
    /// Agent totals (sum of its lines).
    public let totals: [String: ExactDecimal]
    public let warnings: [Diagnostic]
    /// Every honour awarded, by honour (plan order), group, rank and agent id.
    public var honours: [HonourAward] = []

    public init(period: String, currency: String, lines: [PayoutLine], totals: [String: ExactDecimal], warnings: [Diagnostic],
                honours: [HonourAward] = [], working: PayoutWorking? = nil) {
        self.period = period
        self.currency = currency
        self.lines = lines
        self.working = working
        self.totals = totals
        self.warnings = warnings
        self.honours = honours
    }

    /// Every detail line — each agent's components (or why it is not eligible), pool shares, honours and
    /// deductions, agents in the order of `lines` — all at once (``PayoutWorking/forEachChunk(_:)`` keeps less in memory).
    public var details: [PayoutDetail] { working?.all ?? [] }

    /// Σ lines by earnings code.
    public var totalsByEarningsCode: [(code: String, total: ExactDecimal)] {
        var sums: [String: ExactDecimal] = [:]
        for l in lines { sums[l.earningsCode, default: .zero] += l.amount }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public var total: ExactDecimal { lines.reduce(.zero) { $0 + $1.amount } }
}

/// A value the plan needs is undefined and its rule is `error` (exit 65).
public struct PayoutError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// One agent's honour: the honour, its group (a team, or `all`), the agent's rank there and score.
public struct HonourAward: Sendable, Hashable {
    public let honour: String
    public let group: String
    public let rank: Int
    public let agentID: String
    public let name: String
    public let score: ExactDecimal
    public let amount: ExactDecimal?
    public let earningsCode: String?
}
