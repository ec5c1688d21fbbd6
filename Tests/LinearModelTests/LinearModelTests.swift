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

    /// Binaries x, y, z with x + y + z ≤ 2 and x − y ≥ −1: fixing x = 0 leaves y + z ≤ 2 and −y ≥ −1, which no
    /// values of y and z within 0…1 can break, so both go; fixing x = 1 leaves y + z ≤ 1 (kept) and −y ≥ −2
    /// (dropped). An equality is never dropped.
    @Test func fixingDropsRowsTheBoundsCannotBreak() {
        var m = LinearModel(name: "t")
        let x = m.addVariable("x", kind: .binary, upper: 1)
        let y = m.addVariable("y", kind: .binary, upper: 1)
        let z = m.addVariable("z", kind: .binary, upper: 1)
        m.addConstraint("sum", [(x, 1), (y, 1), (z, 1)], .lessOrEqual, 2)
        m.addConstraint("diff", [(x, 1), (y, -1)], .greaterOrEqual, -1)
        m.addConstraint("eq", [(x, 1), (z, 1)], .equal, 1)
        #expect(m.fixing([x.index: 0]).model.constraints.map(\.name) == ["eq"])
        let one = m.fixing([x.index: 1]).model
        #expect(one.constraints.map(\.name) == ["sum", "eq"])
        #expect(one.constraints[0].rhs == 1)
    }

    /// Seeded models of five binaries and four rows (coefficients −2…2): for every fixing of the first two,
    /// the smaller model admits exactly the completions the whole model admits (every one enumerated and
    /// checked on the whole model).
    @Test(arguments: 0..<30) func fixingKeepsTheFeasibleCompletions(seed: Int) {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func draw(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var m = LinearModel(name: "r")
        let v = (0..<5).map { m.addVariable("v\($0)", kind: .binary, upper: 1, objective: Double(draw(5))) }
        let relations: [LinearModel.Relation] = [.lessOrEqual, .greaterOrEqual, .equal]
        for r in 0..<4 {
            let terms = v.compactMap { id -> (variable: LinearModel.VariableID, coefficient: Double)? in
                let c = draw(5) - 2
                return c == 0 ? nil : (id, Double(c))
            }
            m.addConstraint("r\(r)", terms.isEmpty ? [(v[0], 1)] : terms, relations[draw(3)], Double(draw(5) - 2))
        }
        for a in 0...1 {
            for b in 0...1 {
                let (small, original) = m.fixing([0: Double(a), 1: Double(b)])
                #expect(original.map(\.index) == [2, 3, 4])
                for bits in 0..<8 {
                    let rest = (0..<3).map { Double((bits >> $0) & 1) }
                    let whole = [Double(a), Double(b)] + rest
                    #expect(small.isFeasible(rest) == m.isFeasible(whole), "seed \(seed), x0 = \(a), x1 = \(b), rest \(rest)")
                    if m.isFeasible(whole) { #expect(abs(small.objectiveValue(of: rest) - m.objectiveValue(of: whole)) < 1e-9) }
                }
            }
        }
    }
}
