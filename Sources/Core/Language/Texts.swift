#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The words a person reads, one table per language (SPEC §12). A key missing from a table is a
/// failing test (`TextsTests`), and both tables must use the same placeholders `{0}`, `{1}`, ….
/// Machine files (CSV headers, JSON keys, payroll formats) never go through here.
public struct Texts: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public static let english = Texts(.en)

    /// The language of messages: the calling thread's while ``with(_:_:)`` runs on it (a server answering
    /// requests in several languages at once), else the process's (a command runs once: set by the command
    /// line from `--lang`). Read where a message is made deep inside a reader.
    public static var current: Texts {
        get {
            guard let pointer = pthread_getspecific(threadKey) else { return processWide }
            return Unmanaged<Box>.fromOpaque(pointer).takeUnretainedValue().texts
        }
        set { processWide = newValue }
    }

    /// Runs `body` with `texts` as ``current`` on this thread only; other threads keep theirs.
    public static func with<T>(_ texts: Texts, _ body: () throws -> T) rethrows -> T {
        let saved = pthread_getspecific(threadKey)
        let box = Unmanaged.passRetained(Box(texts))
        pthread_setspecific(threadKey, box.toOpaque())
        defer {
            pthread_setspecific(threadKey, saved)
            box.release()
        }
        return try body()
    }

    nonisolated(unsafe) private static var processWide = Texts.english

    private final class Box {
        let texts: Texts
        init(_ texts: Texts) { self.texts = texts }
    }

    nonisolated(unsafe) private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The text of `key` with `{0}`, `{1}`, … replaced by `arguments` in order.
    public func callAsFunction(_ key: TextKey, _ arguments: String...) -> String {
        let text = (language == .zhCN ? Texts.chinese[key] : Texts.englishTable[key]) ?? Texts.englishTable[key] ?? key.rawValue
        return Texts.fill(text, arguments)
    }

    /// `{n}` replaced by `arguments[n]` (a placeholder without an argument stays as written).
    static func fill(_ text: String, _ arguments: [String]) -> String {
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "{", let close = text[i...].firstIndex(of: "}"), let n = Int(text[text.index(after: i)..<close]), n >= 0, n < arguments.count {
                out += arguments[n]
                i = text.index(after: close)
            } else {
                out.append(text[i])
                i = text.index(after: i)
            }
        }
        return out
    }

    /// The tables come in parts, one file per area (`TextTables*.swift`); a key belongs to exactly one part.
    static let englishParts: [[TextKey: String]] = [englishCommon, englishPlan, englishInputs, englishChecks, englishRuns, englishWeb]
    static let chineseParts: [[TextKey: String]] = [chineseCommon, chinesePlan, chineseInputs, chineseChecks, chineseRuns, chineseWeb]

    static let englishTable: [TextKey: String] = merged(englishParts)
    static let chinese: [TextKey: String] = merged(chineseParts)

    static func merged(_ parts: [[TextKey: String]]) -> [TextKey: String] {
        parts.reduce(into: [:]) { table, part in table.merge(part) { first, _ in first } }
    }

    /// `a, b or c` / `a、b 或 c`: the last two joined by the language's "or".
    public func or(_ items: [String]) -> String {
        joined(items, last: self(.wordOr))
    }

    /// `a, b and c` / `a、b 和 c`.
    public func and(_ items: [String]) -> String {
        joined(items, last: self(.wordAnd))
    }

    private func joined(_ items: [String], last: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: self(.listComma)) + last + items[items.count - 1]
    }

    /// The placeholders a table's text uses, for the completeness test.
    public static func placeholders(_ key: TextKey, in language: Language) -> Set<Int>? {
        guard let text = language == .zhCN ? chinese[key] : englishTable[key] else { return nil }
        var found = Set<Int>()
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "{", let close = text[i...].firstIndex(of: "}"), let n = Int(text[text.index(after: i)..<close]) { found.insert(n) }
            i = text.index(after: i)
        }
        return found
    }

    /// `<html lang="…">`.
    public var htmlLang: String { language.rawValue }

    /// A weekday's short name: `Mon` / `周一`.
    public func weekday(_ day: Weekday) -> String {
        switch language {
        case .en: day.shortName
        case .zhCN: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][day.rawValue]
        }
    }

    /// A date for a person: `2026-11-30` / `2026年11月30日`.
    public func date(_ d: LocalDate) -> String {
        switch language {
        case .en: d.description
        case .zhCN: "\(d.year)年\(d.month)月\(d.day)日"
        }
    }

    /// A short date for headings: `Mon 2026-11-30` / `11月30日 周一`.
    public func dayHeading(_ d: LocalDate) -> String {
        switch language {
        case .en: "\(d.weekday.shortName) \(d)"
        case .zhCN: "\(d.month)月\(d.day)日 \(weekday(d.weekday))"
        }
    }

    /// Money for a person: `1,304.03 CNY` / `¥1,304.03` (the yuan sign for CNY, else the code after the number),
    /// with `places` decimals (rounded half-even when the value has more).
    public func money(_ value: ExactDecimal, currency: String, places: Int = 2) -> String {
        let text = Texts.grouped(value.rounded(scale: places, mode: .halfEven), places: places)
        if language == .zhCN, currency == "CNY" { return text.hasPrefix("−") ? "−¥" + text.dropFirst() : "¥" + text }
        return text + " " + currency
    }

    /// `1,304.03`: thousands grouped, `places` decimals (at least the value's own), a true minus sign.
    public static func grouped(_ value: ExactDecimal, places: Int = 2) -> String {
        let text = value.formatted(places: max(places, value.scale))
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var out = ""
        while whole.count > 3 {
            out = "," + whole.suffix(3) + out
            whole = String(whole.dropLast(3))
        }
        out = whole + out
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "−" : "") + out
    }

    /// A share as a percentage: `80.5 %` / `80.5%`.
    public func percent(_ share: Double, places: Int = 1) -> String {
        let number = Texts.fixed(share * 100, places: places)
        return language == .zhCN ? number + "%" : number + " %"
    }

    static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = Int(magnitude)
        var text = String(whole)
        if places > 0 {
            let frac = Int(((magnitude - Double(whole)) * scale).rounded())
            let digits = String(frac)
            text += "." + String(repeating: "0", count: max(0, places - digits.count)) + digits
        }
        return negative && rounded != 0 ? "-" + text : text
    }
}

