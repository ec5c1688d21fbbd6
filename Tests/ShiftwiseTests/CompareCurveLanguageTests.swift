import Testing
import Core
import Reports
import Rostering
import Staffing
import TestSupport

/// The cost curve of a `--vary` comparison speaks the page's language, its legend too.
@Suite struct CompareCurveLanguageTests {
    static func columns() -> [ComparePage.Column] {
        var b = ScenarioBuilder()
        b.required = [0: [9: 2, 10: 3]]
        let scenario = b.scenario()
        let requirements = StaffingCalculator.requirements(for: scenario)
        let evaluation = RosterEvaluation(roster: Roster(shifts: []), scenario: scenario, requirements: requirements)
        let measures = ScenarioMeasures(requirements: requirements, evaluation: evaluation, grid: scenario.grid, solverGap: 0)
        return [0.7, 0.8, 0.9].map {
            ComparePage.Column(name: "level=\($0)", measures: measures, evaluation: evaluation, grid: scenario.grid, variedValue: $0)
        }
    }

    @Test func theCurvesLegendInChinese() {
        let page = ComparePage.html(columns: Self.columns(), currency: "CNY", variedKey: "staffing.service_level", texts: Texts(.zhCN))
        #expect(page.contains("人工成本（CNY，左轴）") && page.contains("预计服务水平（右轴）"))
        for label in ["left axis", "right axis", "projected service level"] {
            #expect(!page.contains(label), "`\(label)` in the Chinese comparison page")
        }
        let english = ComparePage.html(columns: Self.columns(), currency: "CNY", variedKey: "staffing.service_level", texts: .english)
        #expect(english.contains("labour cost (CNY, left axis)") && english.contains("projected service level (right axis)"))
    }
}
