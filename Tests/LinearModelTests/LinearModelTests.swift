import Testing
@testable import LinearModel

@Suite struct LinearModelTests {
    @Test func validationListsEveryProblem() {
        var m = LinearModel(name: "m")
        let a = m.addVariable("a", lower: 2, upper: 1)
        m.addVariable("a")
        m.addConstraint("r", [(a, .infinity)], .equal, .nan)
        let problems = m.validationProblems()
        #expect(problems.count == 4)
    }

    @Test func binaryVariablesAreCappedAtOne() {
        var m = LinearModel(name: "m")
        let b = m.addVariable("b", kind: .binary, upper: 5)
        #expect(m.variables[b.index].upper == 1)
        #expect(m.integerCount == 1)
        #expect(m.objectiveValue(of: [1]) == 0)
    }
}
