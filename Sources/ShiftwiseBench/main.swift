// Benchmarks for Shiftwise, run with `make bench` (release build).
// Instances are generated from a fixed seed, so every run measures the same work.
import Core
import Foundation
import Staffing

let arguments = Array(CommandLine.arguments.dropFirst())
let only = arguments.first

print("Shiftwise benchmarks (release build, fixed seed \(BenchInstances.seed))")
if only == nil || only == "staffing" {
    StaffingBench.run()
}
if only == nil || only == "roster" || RosterBench.instances.map(\.name).contains(only ?? "") {
    RosterBench.run(only: only == "roster" ? nil : only)
}
if only == nil || only == "forecast" {
    ForecastBench.run()
}
if only == nil || only == "bonus" {
    BonusBench.run()
}
if only == nil || only == "compare" {
    CompareBench.run()
}
print(String(format: "peak memory: %.1f MiB", PeakMemory.mebibytes))
