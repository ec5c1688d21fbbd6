import Foundation
import Testing
import TestSupport

/// `shiftwise qa sample` and `qa score` on the example e-commerce desk.
@Suite struct QualityCommandTests {
    func run(_ args: [String]) throws -> CommandResult { try CommandRunner.run(args, in: Fixtures.packageRoot) }
    func temp() -> String { NSTemporaryDirectory() + "shiftwise-qa-" + UUID().uuidString }

    @Test func sampleIsReproducibleAndScoresJoin() throws {
        let a = temp(), b = temp()
        for dir in [a, b] {
            let r = try run(["qa", "sample", "scenarios/data/ecommerce-contacts-2026-11.csv", "--per-agent", "3", "--seed", "99", "--out", dir])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let sample = try String(contentsOfFile: a + "/sample.csv", encoding: .utf8)
        #expect(try sample == String(contentsOfFile: b + "/sample.csv", encoding: .utf8))
        let rows = sample.split(separator: "\n").dropFirst()
        #expect(rows.count == 120 && sample.hasPrefix("contact_id,agent_id,start\n"))
        let score = try run(["qa", "score", "scenarios/data/ecommerce-qa-forms-2026-11.csv", "--form", "scenarios/rules/qa-form.yaml", "--out", a])
        #expect(score.status == 0, "\(score.stderr)")
        let scores = try String(contentsOfFile: a + "/qa_scores.csv", encoding: .utf8).split(separator: "\n")
        #expect(scores.first == "agent_id,inspected,qa_score" && scores.count == 41)
    }

    @Test func badFormsAndUnknownContactsAreLocated() throws {
        let dir = temp()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "form: f\ncriteria:\n  - { name: 服务态度, weight: 30 }\n  - { name: 问题解决, weight: 40 }\n".write(toFile: dir + "/form.yaml", atomically: true, encoding: .utf8)
        let weights = try run(["qa", "score", "scenarios/data/ecommerce-qa-forms-2026-11.csv", "--form", dir + "/form.yaml", "--out", dir + "/o"])
        #expect(weights.status == 65)
        #expect(weights.stderr.contains("form.yaml:2:1: error: the criteria's weights add up to 70, not 100"), "\(weights.stderr)")
        try "contact_id,agent_id,服务态度,问题解决,规范用语\nX1,E001,90,101,100\nX1,E001,90,90,90\n".write(toFile: dir + "/forms.csv", atomically: true, encoding: .utf8)
        try "contact_id,agent_id,start\nX2,E001,2026-11-02T10:00\n".write(toFile: dir + "/sample.csv", atomically: true, encoding: .utf8)
        let bad = try run(["qa", "score", dir + "/forms.csv", "--form", "scenarios/rules/qa-form.yaml", "--sample", dir + "/sample.csv", "--out", dir + "/o"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("forms.csv:2:1: error: contact X1 is not in the sample"), "\(bad.stderr)")
        #expect(bad.stderr.contains("forms.csv:2:") && bad.stderr.contains("`101` for 问题解决 is not a score from 0 to 100"), "\(bad.stderr)")
        #expect(bad.stderr.contains("contact X1 is scored twice (first on line 2)"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/o"))
        #expect(try run(["qa", "sample", dir + "/sample.csv", "--per-agent", "0", "--seed", "1"]).status == 64)
    }
}
