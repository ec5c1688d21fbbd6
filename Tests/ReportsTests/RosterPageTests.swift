import Testing
@testable import Reports

/// The roster page's embedded data cannot end its script, whatever an agent is called.
@Suite struct RosterPageTests {
    @Test func jsonStringsCannotCloseTheScript() {
        #expect(RosterPage.json("</script><b>") == #""\u003c/script\u003e\u003cb\u003e""#)
        #expect(RosterPage.json("a\"b\\c") == #""a\"b\\c""#)
        #expect(RosterPage.json("line\nbreak\u{2028}") == #""line\u000abreak\u2028""#)
        #expect(RosterPage.json("李伟 & Ana") == #""李伟 \u0026 Ana""#)
    }
}
