extension Texts {
    static let englishInputs: [TextKey: String] = [:]

    static let chineseInputs: [TextKey: String] = [:]
}
