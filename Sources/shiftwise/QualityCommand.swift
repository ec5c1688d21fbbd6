import ArgumentParser
import Core
import Shiftwise

struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Quality inspection (质检): sample handled contacts, score the inspected ones.",
        subcommands: [QualitySampleCommand.self, QualityScoreCommand.self]
    )
}

struct QualitySampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw K contacts per agent at random (all when fewer), the same on every machine for the same seed.",
        discussion: "CONTACTS is a CSV of handled contacts (contact_id,agent_id,start[,…]). Writes sample.csv (contact_id,agent_id,start) into the output folder (default reports/qa/)."
    )

    @Argument(help: ArgumentHelp("Handled contacts: contact_id,agent_id,start[,…].", valueName: "contacts"))
    var contacts: String

    @Option(name: .customLong("per-agent"), help: ArgumentHelp("Contacts to draw per agent.", valueName: "k"))
    var perAgent: Int

    @Option(name: .long, help: ArgumentHelp("The random seed (a whole number); the same seed gives the same sample.", valueName: "s"))
    var seed: UInt64

    @Option(name: .long, help: "Output folder (default: reports/qa/).")
    var out: String?

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if perAgent < 1 { throw ValidationError(Texts.current(.clPerAgent)) }
    }

    func run() throws {
        let outcome = try Failure.report { try QualityUseCase.sample(contactsPath: contacts, perAgent: perAgent, seed: seed, outputFolder: out, texts: language.texts) }
        print(outcome.summary)
        for file in outcome.files { print(language.texts(.cliWrote, file)) }
    }
}

struct QualityScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score inspected contacts on a weighted form; write each agent's mean (qa_scores.csv).",
        discussion: """
            FORMS is a CSV with one row per inspected contact (contact_id,agent_id,<criterion>… each 0–100); FORM a YAML form \\
            (criteria with name, weight summing to 100, optional auto_fail: true). A contact scores Σ weight × value / 100, or 0 \\
            when an auto-fail criterion is 0. qa_scores.csv (agent_id,inspected,qa_score) is ready to join a metrics file. \\
            --sample checks that every scored contact was sampled, with its agent.
            """
    )

    @Argument(help: ArgumentHelp("Scored contacts: contact_id,agent_id,<criterion>….", valueName: "forms"))
    var forms: String

    @Option(name: .long, help: ArgumentHelp("The scoring form (YAML).", valueName: "file"))
    var form: String

    @Option(name: .long, help: ArgumentHelp("The sample the contacts were drawn in (sample.csv).", valueName: "file"))
    var sample: String?

    @Option(name: .long, help: "Output folder (default: reports/qa/).")
    var out: String?

    @OptionGroup var language: LanguageOptions

    func run() throws {
        let outcome = try Failure.report { try QualityUseCase.score(formsPath: forms, formPath: form, samplePath: sample, outputFolder: out, texts: language.texts) }
        print(outcome.summary)
        for file in outcome.files { print(language.texts(.cliWrote, file)) }
    }
}
