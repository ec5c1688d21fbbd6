import Core
import Foundation
import Rostering
import Shiftwise

/// Times `shiftwise compare` on four example-sized variants, in parallel and one after another.
enum CompareBench {
    static func run() {
        let scenario = "scenarios/baseline-w49.yaml"
        guard FileManager.default.fileExists(atPath: scenario) else {
            print("\ncompare: skipped (run from the package folder, where \(scenario) is)")
            return
        }
        print("")
        print("compare (4 variants of the example scenario, adjust.volume_factor=0.9,1.0,1.1,1.2; \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        let values = ["0.9", "1.0", "1.1", "1.2"]
        let out = NSTemporaryDirectory() + "shiftwise-bench-compare-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let clock = ContinuousClock.now
            for v in values {
                _ = try CompareUseCase.run(scenarioPaths: [scenario], variation: CompareUseCase.Variation("adjust.volume_factor=\(v)"),
                                           outputFolder: out + "/one-\(v)", database: out + "/bench.sqlite")
            }
            let sequential = seconds(clock.duration(to: .now))
            let parallelClock = ContinuousClock.now
            let outcome = try CompareUseCase.run(scenarioPaths: [scenario],
                                                 variation: CompareUseCase.Variation("adjust.volume_factor=" + values.joined(separator: ",")),
                                                 outputFolder: out + "/all", database: out + "/bench.sqlite")
            let parallel = seconds(parallelClock.duration(to: .now))
            for c in outcome.columns {
                print(String(format: "  %@: labour %@, gap %.2f %%", c.name, c.measures.labourCost.formatted(places: 2), c.solution.gap * 100))
            }
            print(String(format: "one after another: %.1f s   in parallel: %.1f s   speed-up %.2f×", sequential, parallel, sequential / parallel))
        } catch {
            print("compare: failed: \(error)")
        }
    }

    static func seconds(_ d: Duration) -> Double {
        d.inSeconds
    }
}
