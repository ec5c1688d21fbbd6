public import Core
public import LinearModel

/// Why no roster came out.
public enum RosterFailure: CategorizedError {
    case noRoster(status: SolveStatus)
    case infeasible([String])
    /// The roster found breaks a hard rule by the independent check: a defect, never written.
    case breaksHardRules([String])

    public var category: FailureCategory {
        switch self {
        case .noRoster, .breaksHardRules: .internalFailure
        case .infeasible: .infeasible
        }
    }

    public var description: String {
        switch self {
        case .noRoster(let status): Texts.current(.roNoRoster, status.rawValue)
        case .infeasible(let reasons): Texts.current(.roContradict) + "\n" + reasons.map { "  " + $0 }.joined(separator: "\n")
        case .breaksHardRules(let found):
            Texts.current(.roBreaksHardRules) + "\n"
                + found.prefix(20).map { "  " + $0 }.joined(separator: "\n")
        }
    }
}
