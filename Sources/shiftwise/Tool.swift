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
        Failure.printError("error: " + Tool.earlyTexts(Array(CommandLine.arguments.dropFirst()))(.clNameCommand))
        throw ExitCode(FailureCategory.usage.exitCode)
    }

    /// The language of a message written before the arguments are parsed: `--lang` when given and
    /// known, else `SHIFTWISE_LANG` or `LANG`, else English.
    static func earlyTexts(_ arguments: [String]) -> Texts {
        var option: String?
        for (i, word) in arguments.enumerated() {
            if word == "--lang", i + 1 < arguments.count { option = arguments[i + 1] }
            if word.hasPrefix("--lang=") { option = String(word.dropFirst("--lang=".count)) }
        }
        let environment = ProcessInfo.processInfo.environment
        let language = (try? Language.resolve(option: option, environment: environment)) ?? (try? Language.resolve(option: nil, environment: environment))
        return Texts(language ?? .en)
    }

    /// Checks the command words before parsing, so a mistyped command gets a suggestion.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = unknownCommand(in: arguments, texts: earlyTexts(arguments)) {
            Failure.printError(problem)
            Foundation.exit(FailureCategory.usage.exitCode)
        }
        main(arguments)
    }

    /// The message for a command word that names no command (at the top level or under a command
    /// that has subcommands but takes no positional arguments of its own), else nil.
    static func unknownCommand(in arguments: [String], texts: Texts = .english) -> String? {
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
                let hint = closestMatch(to: word, in: names).map { texts(.clNotCommandHint, $0) } ?? ""
                return "error: " + texts(.clNotCommand, path.joined(separator: " "), word, hint, names.joined(separator: ", "))
            }
            command = next
            path.append(word)
        }
        return nil
    }
}
