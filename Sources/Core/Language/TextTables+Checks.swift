extension Texts {
    static let englishChecks: [TextKey: String] = [:]

    static let chineseChecks: [TextKey: String] = [:]
}
