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
        let m = Self.seededModel(seed: seed, variables: 5, rows: 4) { _, draw in [.lessOrEqual, .greaterOrEqual, .equal][draw(3)] }
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

    /// Three rows of one run, worked by hand: x0 + x1 ≥ 1, x1 + x2 = 1, x1 + x2 + x3 ≥ 2. As differences the
    /// first stays (with its surplus s0: x0 + x1 − s0 = 1), the second is itself less the first
    /// (−x0 + x2 + s0 = 0), the third itself less the second (x3 − s2 = 1); the second was an equation already,
    /// so two surplus variables, after the four of the model. A row outside the run stays as it is.
    @Test func differencesOfARunWorkedByHand() {
        var m = LinearModel(name: "d")
        let x = (0..<4).map { m.addVariable("x\($0)", kind: .binary, upper: 1) }
        m.addConstraint("a", [(x[0], 1), (x[1], 1)], .greaterOrEqual, 1)
        m.addConstraint("b", [(x[1], 1), (x[2], 1)], .equal, 1)
        m.addConstraint("c", [(x[1], 1), (x[2], 1), (x[3], 1)], .greaterOrEqual, 2)
        m.addConstraint("other", [(x[0], 1), (x[3], 1)], .lessOrEqual, 1)
        let (d, surplusRows) = m.differencing(runs: [[0, 1, 2]])
        #expect(surplusRows == [0, 2])
        #expect(d.variables.count == 6)
        func row(_ k: Int) -> [String] {
            d.constraints[k].terms.sorted { $0.variable < $1.variable }.map { "\(Int($0.coefficient))\(d.variables[$0.variable.index].name)" }
        }
        #expect(row(0) == ["1x0", "1x1", "-1s_a"])
        #expect(d.constraints[0].rhs == 1 && d.constraints[0].relation == .equal)
        #expect(row(1) == ["-1x0", "1x2", "1s_a"])
        #expect(d.constraints[1].rhs == 0 && d.constraints[1].relation == .equal)
        #expect(row(2) == ["1x3", "-1s_c"])
        #expect(d.constraints[2].rhs == 1 && d.constraints[2].relation == .equal)
        #expect(row(3) == ["1x0", "1x3"] && d.constraints[3].relation == .lessOrEqual)
    }

    /// Seeded models of four binaries and five rows (coefficients −2…2; the first four in one run, equations
    /// or `≥`; the fifth any relation, outside): for every assignment of the binaries, with each surplus
    /// at its row's activity less its right-hand side, the differences admit it exactly when the model does,
    /// at the same objective.
    @Test(arguments: 0..<30) func differencesKeepTheFeasibleSolutions(seed: Int) {
        let m = Self.seededModel(seed: 1000 + seed, variables: 4, rows: 5) { r, draw in
            r < 4 ? (draw(2) == 0 ? .equal : .greaterOrEqual) : [.lessOrEqual, .greaterOrEqual, .equal][draw(3)]
        }
        let (d, surplusRows) = m.differencing(runs: [[0, 1, 2, 3]])
        #expect(d.variables.count == 4 + surplusRows.count)
        for bits in 0..<16 {
            let x = (0..<4).map { Double((bits >> $0) & 1) }
            let surplus = surplusRows.map { r in m.constraints[r].terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] } - m.constraints[r].rhs }
            #expect(d.isFeasible(x + surplus) == m.isFeasible(x), "seed \(seed), x \(x)")
            if m.isFeasible(x) { #expect(abs(d.objectiveValue(of: x + surplus) - m.objectiveValue(of: x)) < 1e-9) }
        }
    }

    /// A seeded model of `variables` binaries (objectives 0…4) and `rows` rows (coefficients and right-hand
    /// sides −2…2), each row's relation drawn by `relation` from its index and the draws.
    static func seededModel(seed: Int, variables: Int, rows: Int,
                            relation: (Int, (Int) -> Int) -> LinearModel.Relation) -> LinearModel {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func draw(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var m = LinearModel(name: "r")
        let v = (0..<variables).map { m.addVariable("v\($0)", kind: .binary, upper: 1, objective: Double(draw(5))) }
        for r in 0..<rows {
            let terms = v.compactMap { id -> (variable: LinearModel.VariableID, coefficient: Double)? in
                let c = draw(5) - 2
                return c == 0 ? nil : (id, Double(c))
            }
            let chosen = relation(r, draw)
            m.addConstraint("r\(r)", terms.isEmpty ? [(v[0], 1)] : terms, chosen, Double(draw(5) - 2))
        }
        return m
    }
}
