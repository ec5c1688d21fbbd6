/// The languages a person reads Shiftwise in (SPEC §12): English and Simplified Chinese.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zhCN = "zh-CN"

    /// The language from `--lang`, else `SHIFTWISE_LANG`, else the `LANG` locale, else English.
    ///
    /// - Throws: ``UnknownLanguage`` when `--lang` or `SHIFTWISE_LANG` names another language (a usage
    ///   error); an unrecognised `LANG` locale is English, as a system default should not stop a command.
    public static func resolve(option: String?, environment: [String: String]) throws(UnknownLanguage) -> Language {
        if let option { return try parse(option, source: "--lang") }
        if let chosen = environment["SHIFTWISE_LANG"], !chosen.isEmpty { return try parse(chosen, source: "SHIFTWISE_LANG") }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let locale = environment[key], !locale.isEmpty else { continue }
            return fromLocale(locale)
        }
        return .en
    }

    static func parse(_ text: String, source: String) throws(UnknownLanguage) -> Language {
        switch text.lowercased().replacingUnderscores {
        case "en", "en-us", "en-gb": return .en
        case "zh-cn", "zh", "zh-hans", "zh-hans-cn": return .zhCN
        default: throw UnknownLanguage(text: text, source: source)
        }
    }

    /// `zh_CN.UTF-8`, `zh_SG`, `zh-Hans` → Chinese; anything else (C, POSIX, en_US.UTF-8, zh_TW) → English.
    static func fromLocale(_ locale: String) -> Language {
        let base = locale.split(separator: ".").first.map(String.init)?.lowercased().replacingUnderscores ?? ""
        return ["zh-cn", "zh-sg", "zh-hans", "zh-hans-cn", "zh"].contains(base) ? .zhCN : .en
    }
}

/// `--lang fr`: a language Shiftwise does not speak.
public struct UnknownLanguage: Error, Sendable, CustomStringConvertible {
    public let text: String
    public let source: String
    public var description: String { "\(source) `\(text)` is not a language Shiftwise speaks; use en or zh-CN" }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
