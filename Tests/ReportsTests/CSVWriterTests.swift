import Foundation
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

    /// Records are written cell by cell without building each cell's text: the same as quoting and guarding every
    /// cell (`render`) and joining them by hand, for cells made of the characters that matter and others.
    @Test func recordsEqualTheirCellsRenderedAndJoined() {
        let pieces = ["a", ",", "\"", "\n", "\r", "=", "+", "-", "@", "\t", "'", "1.5", "服务", "é", " "]
        var rng = SplitMix64(seed: 5)
        for _ in 0..<500 {
            var cells: [CSVCell] = []
            for _ in 0..<rng.int(in: 1...5) {
                let text = (0..<rng.int(in: 0...4)).map { _ in pieces[rng.int(in: 0...(pieces.count - 1))] }.joined()
                cells.append([CSVCell.text(text), .number(text), .empty][rng.int(in: 0...2)])
            }
            var w = CSVWriter(recordsOnly: ())
            w.append(cells)
            var expected = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { expected += "," }
                switch cell {
                case .empty: break
                case .number(let v): expected += v.contains(where: { ",\"\n\r".contains($0) }) || v.unicodeScalars.contains("\r")
                    ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
                case .text(let v):
                    let guarded = FormulaGuard.neutralise(v)
                    expected += guarded.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) })
                        ? "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : guarded
                }
            }
            #expect(w.text == expected + "\n", "\(cells)")
        }
    }

    /// JSON strings: escaped where needed, as they are where not.
    @Test func jsonStrings() {
        #expect(JSONText.string("服务之星 A/1") == "\"服务之星 A/1\"")
        #expect(JSONText.string("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
    }

    @Test func fixedFormatting() {
        #expect(Format.fixed(0.85765, places: 4) == "0.8577")
        #expect(Format.fixed(-0.00001, places: 4) == "0.0000")
        #expect(Format.fixed(3.33333, places: 4) == "3.3333")
        #expect(Format.fixed(12, places: 0) == "12")
    }
}
