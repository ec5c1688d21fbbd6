extension Texts {
    static let englishRuns: [TextKey: String] = [:]

    static let chineseRuns: [TextKey: String] = [:]
}
