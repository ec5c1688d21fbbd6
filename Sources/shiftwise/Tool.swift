import ArgumentParser
import Core
import Foundation

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
        subcommands: [ForecastCommand.self, StaffCommand.self, RosterCommand.self, CompareCommand.self, ValidateCommand.self, BonusCommand.self, QualityCommand.self, RunsCommand.self, PayoutsCommand.self, ServeCommand.self]
    )

    /// Bare `shiftwise` is a usage error: the help goes to stderr and the exit code is 64.
    func run() throws {
        Failure.printError(Tool.helpMessage())
        Failure.printError("error: name a command, e.g. `shiftwise roster SCENARIO`")
        throw ExitCode(FailureCategory.usage.exitCode)
    }

    /// Checks the command words before parsing, so a mistyped command gets a suggestion.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = unknownCommand(in: arguments) {
            Failure.printError(problem)
            Foundation.exit(FailureCategory.usage.exitCode)
        }
        main(arguments)
    }

    /// The message for a command word that names no command (at the top level or under a command
    /// that has subcommands but takes no positional arguments of its own), else nil.
    static func unknownCommand(in arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = Tool.self
        var path = ["shiftwise"]
        for word in arguments {
            if word.hasPrefix("-") { return nil }
            let subcommands = command.configuration.subcommands
            // Only commands whose words are all subcommands; `bonus PLAN …` takes file names.
            let id = ObjectIdentifier(command)
            guard !subcommands.isEmpty, [Tool.self, RunsCommand.self, PayoutsCommand.self, QualityCommand.self].contains(where: { ObjectIdentifier($0) == id }) else { return nil }
            if word == "help" { return nil }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let names = subcommands.map { $0._commandName }
                let hint = closestMatch(to: word, in: names).map { " (did you mean `\($0)`?)" } ?? ""
                return "error: `\(path.joined(separator: " ")) \(word)` is not a command\(hint); the commands are \(names.joined(separator: ", ")); see `\(path.joined(separator: " ")) --help`"
            }
            command = next
            path.append(word)
        }
        return nil
    }
}
