import Testing
import Foundation
import LinearModel
@testable import GLPKSolver

@Suite struct GLPKSolverTests {
    /// max 5x + 4y + 3z s.t. 2x + 3y + z ≤ 5, 4x + y + 2z ≤ 11, 3x + 4y + 2z ≤ 8, x, y, z ≥ 0 (Chvátal's LP example).
    static func chvatal(_ kind: LinearModel.Kind) -> LinearModel {
        var m = LinearModel(name: "chvatal", sense: .maximize)
        let x = m.addVariable("x", kind: kind, objective: 5)
        let y = m.addVariable("y", kind: kind, objective: 4)
        let z = m.addVariable("z", kind: kind, objective: 3)
        m.addConstraint("c1", [(x, 2), (y, 3), (z, 1)], .lessOrEqual, 5)
        m.addConstraint("c2", [(x, 4), (y, 1), (z, 2)], .lessOrEqual, 11)
        m.addConstraint("c3", [(x, 3), (y, 4), (z, 2)], .lessOrEqual, 8)
        return m
    }

    /// max 5x + 4y + 3z s.t. 2x + 3y + z ≤ 5, 4x + y + 2z ≤ 11, 3x + 4y + 2z ≤ 8, integer ≥ 0:
    /// optimum 13 at (2, 0, 1) (Chvátal's LP example, integer version).
    @Test func solvesATinyIntegerModel() throws {
        let m = Self.chvatal(.integer)
        let result = try GLPKSolver().solve(m, options: SolveOptions(timeLimitSeconds: 10, mipGap: 0))
        #expect(result.status == .optimal)
        #expect(result.objective == 13)
        #expect(result.bound == 13)
        #expect(result.values?.map { $0.rounded() } == [2, 0, 1])
    }

    /// Started from a known solution, with and without the root LP's presolve, and with presolve off and no start:
    /// the same optimum 13 at (2, 0, 1) every way (the start (0, 1, 2), worth 10, is feasible: 5, 5, 8).
    @Test func startedFromASolutionWithOrWithoutPresolve() throws {
        let m = Self.chvatal(.integer)
        for (presolve, start) in [(true, [0.0, 1, 2]), (false, [0.0, 1, 2]), (false, nil)] {
            let result = try GLPKSolver().solve(m, options: SolveOptions(timeLimitSeconds: 10, mipGap: 0, presolve: presolve, initialSolution: start))
            #expect(result.status == .optimal, "presolve \(presolve), start \(String(describing: start))")
            #expect(result.objective == 13)
            #expect(result.values?.map { $0.rounded() } == [2, 0, 1])
        }
    }

    /// The same as an LP: optimum 13 at (2, 0, 1) too (Chvátal, Linear Programming, ch. 2).
    @Test func solvesAnLP() throws {
        let m = Self.chvatal(.continuous)
        let result = try GLPKSolver().solve(m, options: SolveOptions())
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 13) < 1e-9)
    }

    @Test func reportsInfeasibleAndUnbounded() throws {
        var infeasible = LinearModel(name: "inf")
        let a = infeasible.addVariable("a", kind: .integer, upper: 3)
        infeasible.addConstraint("atLeast5", [(a, 1)], .greaterOrEqual, 5)
        #expect(try GLPKSolver().solve(infeasible, options: SolveOptions()).status == .infeasible)

        var unbounded = LinearModel(name: "unb", sense: .maximize)
        let b = unbounded.addVariable("b", kind: .integer, objective: 1)
        let c = unbounded.addVariable("c", kind: .integer)
        unbounded.addConstraint("r", [(b, 1), (c, -1)], .lessOrEqual, 2)
        #expect(try GLPKSolver().solve(unbounded, options: SolveOptions()).status == .unbounded)
    }

    /// Models GLPK would abort the process on are refused in Swift with a typed error.
    @Test func refusesInvalidModelsWithoutCrashing() {
        var dupName = LinearModel(name: "bad")
        dupName.addVariable("v")
        dupName.addVariable("v")
        #expect(throws: SolverError.self) { try GLPKSolver().solve(dupName, options: SolveOptions()) }

        var badIndex = LinearModel(name: "bad")
        badIndex.addVariable("v")
        badIndex.addConstraint("r", [(LinearModel.VariableID(7), 1)], .lessOrEqual, 1)
        #expect(throws: SolverError.self) { try GLPKSolver().solve(badIndex, options: SolveOptions()) }

        var twice = LinearModel(name: "bad")
        let v = twice.addVariable("v")
        twice.addConstraint("r", [(v, 1), (v, 2)], .lessOrEqual, 1)
        #expect(throws: SolverError.self) { try GLPKSolver().solve(twice, options: SolveOptions()) }

        var nan = LinearModel(name: "bad")
        let w = nan.addVariable("w", upper: -1)
        nan.addConstraint("r", [(w, .nan)], .lessOrEqual, 1)
        #expect(throws: SolverError.self) { try GLPKSolver().solve(nan, options: SolveOptions()) }

        #expect(throws: SolverError.self) { try GLPKSolver().solve(LinearModel(name: "empty"), options: SolveOptions()) }
        var long = LinearModel(name: "bad")
        long.addVariable(String(repeating: "n", count: 300))
        #expect(throws: SolverError.self) { try GLPKSolver().solve(long, options: SolveOptions()) }
    }

    @Test func exportsCPLEXLPFormat() throws {
        var m = LinearModel(name: "export")
        let x = m.addVariable("x", kind: .integer, upper: 4, objective: 1)
        m.addConstraint("cover", [(x, 2)], .greaterOrEqual, 3)
        let path = NSTemporaryDirectory() + "shiftwise-\(UUID().uuidString).lp"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GLPKSolver.exportLP(m, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Minimize"))
        #expect(text.contains("cover:"))
        #expect(text.contains("General"))
    }

    @Test func solvesOnSeveralThreadsAtOnce() async throws {
        try await withThrowingTaskGroup(of: Double?.self) { group in
            for k in 1...4 {
                group.addTask {
                    var m = LinearModel(name: "t\(k)")
                    let x = m.addVariable("x", kind: .integer, objective: 1)
                    m.addConstraint("r", [(x, 3)], .greaterOrEqual, Double(k * 10))
                    return try GLPKSolver().solve(m, options: SolveOptions()).objective
                }
            }
            var results: [Double] = []
            for try await r in group { results.append(r ?? -1) }
            #expect(results.sorted() == [4, 7, 10, 14])
        }
    }
}
