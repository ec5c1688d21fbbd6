import ArgumentParser
import Core
import Shiftwise

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast a week's contacts and handle time per interval from interval history.",
        discussion: """
            HISTORY is in the forecast format (start,contacts,aht_seconds[,queue]; at least two whole weeks; one interval length). \\
            Writes forecast.csv (ready for a scenario's `forecast:`), accuracy.csv (a back-test of the last up-to-4 weeks against \\
            seasonal naive) and forecast.html into the output folder (default reports/forecast/<week>/). --special FILE \\
            (date,kind,factor) leaves past days out (`exclude`) and scales days of the week (`adjust`, e.g. a promotion).
            """
    )

    @Argument(help: ArgumentHelp("Interval history in the forecast format.", valueName: "history"))
    var history: String

    @Option(name: .long, help: ArgumentHelp("The Monday the forecast week starts on.", valueName: "YYYY-MM-DD"))
    var week: String

    @Option(name: .long, help: ArgumentHelp("Special days: date,kind,factor (kind exclude or adjust).", valueName: "file"))
    var special: String?

    @Option(name: .long, help: "Output folder (default: reports/forecast/<week>/).")
    var out: String?

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard let date = LocalDate(iso: week) else { throw ValidationError(Texts.current(.clWeekDate, week)) }
        if date.weekday != .mon { throw ValidationError(Texts.current(.clWeekMonday, week, Texts.current.weekday(date.weekday))) }
    }

    func run() throws {
        let monday = LocalDate(iso: week)!
        let outcome = try Failure.report {
            try ForecastUseCase.run(historyPath: history, week: monday, specialPath: special, outputFolder: out, texts: language.texts)
        }
        Failure.printWarnings(outcome.warnings)
        print(outcome.summary)
        for file in outcome.files { print(language.texts(.cliWrote, file)) }
    }
}
