public import Core
import Foundation
import Incentives
import Reports
import ScenarioIO

/// `shiftwise qa sample` and `shiftwise qa score` (SPEC §10).
public enum QualityUseCase {
    public struct Outcome: Sendable {
        public let summary: String
        public let files: [String]
    }

    public static func sample(contactsPath: String, perAgent k: Int, seed: UInt64, outputFolder: String?, texts: Texts = .english) throws -> Outcome {
        let contacts = try QualityReaders.contacts(contactsPath)
        let drawn = QualityInspection.sample(contacts, perAgent: k, seed: seed)
        var w = CSVWriter(header: ["contact_id", "agent_id", "start"])
        for c in drawn { w.append([.text(c.id), .text(c.agentID), .text(c.start)]) }
        let files = try OutputSet.writeAll(outputFolder ?? "reports/qa", owner: "qa-sample", files: [("sample.csv", w.bytes)]).written
        let agents = Set(contacts.map(\.agentID)).count
        return Outcome(summary: texts(.cliQASample, String(drawn.count), String(contacts.count), String(k), String(agents), String(seed)), files: files)
    }

    public static func score(formsPath: String, formPath: String, samplePath: String?, outputFolder: String?, texts: Texts = .english) throws -> Outcome {
        let form = try QualityReaders.form(formPath)
        let known = try samplePath.map { path in
            Dictionary(try QualityReaders.contacts(path).map { ($0.id, $0.agentID) }, uniquingKeysWith: { a, _ in a })
        }
        let scored = try QualityReaders.scoredForms(formsPath, form: form, known: known)
        let agents = QualityInspection.agentScores(scored)
        var w = CSVWriter(header: ["agent_id", "inspected", "qa_score"])
        for a in agents { w.append([.text(a.agentID), .number(String(a.inspected)), .number(a.qaScore.formatted(places: 2))]) }
        let files = try OutputSet.writeAll(outputFolder ?? "reports/qa", owner: "qa-score", files: [("qa_scores.csv", w.bytes)]).written
        return Outcome(summary: texts(.cliQAScore, form.name, String(scored.count), String(agents.count)), files: files)
    }
}
