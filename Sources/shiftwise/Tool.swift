import ArgumentParser

/// The `shiftwise` command: workforce scheduling and incentives for customer-service teams.
@main
struct Tool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shiftwise",
        abstract: "Staffing, rosters and bonuses for customer-service teams.",
        discussion: """
        Exit codes: 0 success, 64 bad usage, 65 bad input data, 66 input file missing, \
        2 roster infeasible under hard rules, 70 internal or solver failure. \
        A database written by a newer Shiftwise is refused with 65.
        """,
        version: "0.1.0",
        subcommands: [StaffCommand.self, RosterCommand.self, CompareCommand.self, ValidateCommand.self, BonusCommand.self, RunsCommand.self, PayoutsCommand.self]
    )
}
