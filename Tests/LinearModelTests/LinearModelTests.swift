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

    /// Fixing x = 1 in min 3x + 2y + z, x + y ≥ 1, y + z = 1, x ≤ 1: the rows move x's share to their
    /// right-hand sides (y ≥ 0 is dropped as always kept, y + z = 1 stays), the constant takes 3.
    @Test func fixingMovesFixedValuesToTheRightHandSide() {
        var m = LinearModel(name: "t")
        let x = m.addVariable("x", kind: .binary, upper: 1, objective: 3)
        let y = m.addVariable("y", objective: 2)
        let z = m.addVariable("z", objective: 1)
        m.addConstraint("a", [(x, 1), (y, 1)], .greaterOrEqual, 1)
        m.addConstraint("b", [(y, 1), (z, 1)], .equal, 1)
        m.addConstraint("c", [(x, 1)], .lessOrEqual, 1)
        m.addConstraint("d", [(x, 1)], .greaterOrEqual, 2)
        let (small, original) = m.fixing([x.index: 1])
        #expect(original.map(\.index) == [1, 2])
        #expect(small.objectiveConstant == 3)
        #expect(small.constraints.map(\.name) == ["a", "b", "d"])
        #expect(small.constraints[0].rhs == 0 && small.constraints[0].terms.map(\.coefficient) == [1])
        #expect(small.constraints[1].rhs == 1)
        // x = 1 cannot keep x ≥ 2: the row stays, as an infeasible one.
        #expect(small.constraints[2].rhs == 1 && small.constraints[2].terms.map(\.coefficient) == [0])
    }
}
