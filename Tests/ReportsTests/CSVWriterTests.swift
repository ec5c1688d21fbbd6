import Testing
import Core
@testable import Reports

@Suite struct CSVWriterTests {
    @Test func neutralisesFormulaTextButNeverNumbers() {
        var w = CSVWriter(header: ["name", "amount"])
        w.append([.text("=HYPERLINK(\"x\")"), .number("-25.00")])
        w.append([.text("+1"), .number("1234.50")])
        w.append([.text("@SUM"), .empty])
        w.append([.text("-minus"), .number("0")])
        w.append([.text("\tTab"), .number("1")])
        w.append([.text("Li, Wei"), .number("2")])
        #expect(w.text == """
        name,amount
        "'=HYPERLINK(""x"")",-25.00
        '+1,1234.50
        '@SUM,
        '-minus,0
        '\tTab,1
        "Li, Wei",2

        """)
    }

    /// CR+LF is one Swift character: a cell holding it must still be quoted, or the file gains records.
    @Test func lineBreaksOfEveryKindAreQuoted() {
        var w = CSVWriter(header: ["name"])
        w.append([.text("Ana\r\n=1+2")])
        w.append([.text("Bo\rCy")])
        w.append([.text("Di\nEd")])
        #expect(w.text == "name\n\"Ana\r\n=1+2\"\n\"Bo\rCy\"\n\"Di\nEd\"\n")
    }

    /// The guard is undone exactly by readers: hand-worked pairs, including text that starts with `'`.
    @Test func formulaGuardRoundTrips() {
        let pairs = [("=A1", "'=A1"), ("+49 30", "'+49 30"), ("-x", "'-x"), ("@me", "'@me"), ("'=x", "''=x"), ("''=x", "'''=x"),
                     ("'plain", "'plain"), ("plain", "plain"), ("", ""), ("O'Neil", "O'Neil")]
        for (value, written) in pairs {
            #expect(CSVWriter.neutralise(value) == written, "\(value)")
            #expect(FormulaGuard.undo(written) == value, "\(written)")
        }
    }

    @Test func optionalByteOrderMark() {
        let plain = CSVWriter(header: ["a"])
        let marked = CSVWriter(header: ["a"], bom: true)
        #expect(plain.bytes == Array("a\n".utf8))
        #expect(marked.bytes == [0xEF, 0xBB, 0xBF] + Array("a\n".utf8))
    }

    @Test func fixedFormatting() {
        #expect(Format.fixed(0.85765, places: 4) == "0.8577")
        #expect(Format.fixed(-0.00001, places: 4) == "0.0000")
        #expect(Format.fixed(3.33333, places: 4) == "3.3333")
        #expect(Format.fixed(12, places: 0) == "12")
    }
}
