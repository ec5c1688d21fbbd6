// swift-tools-version: 6.0
// Shiftwise — workforce scheduling and incentive optimizer for customer-service teams.
// Licensed GPL-3.0-or-later (GLPK, which it links, is GPL-3.0).
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Shiftwise",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shiftwise", targets: ["shiftwise"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Pure modules: no file I/O, no C, no third-party edges.
        .target(name: "Core", swiftSettings: strictSettings),
        .target(name: "Staffing", dependencies: ["Core"], swiftSettings: strictSettings),
        .target(name: "Forecasting", dependencies: ["Core"], swiftSettings: strictSettings),
        .target(name: "LinearModel", swiftSettings: strictSettings),
        .target(name: "Rostering", dependencies: ["Core", "LinearModel", "Staffing"], swiftSettings: strictSettings),
        .target(name: "Incentives", dependencies: ["Core"], swiftSettings: strictSettings),
        // Checks a roster file against the hard rules, independently of Rostering.
        .target(name: "RosterValidation", dependencies: ["Core", "Staffing"], swiftSettings: strictSettings),

        // Edges: all I/O lives here.
        .target(
            name: "ScenarioIO",
            dependencies: ["Core", "Incentives", "Forecasting", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // The SQLite store: the only module that imports GRDB; no GRDB type leaves it.
        .target(name: "Store", dependencies: ["Core", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strictSettings),
        .target(name: "Reports", dependencies: ["Core", "Staffing", "Forecasting", "Rostering", "Incentives", "CFileSwap"], swiftSettings: strictSettings),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not declare: swaps an output folder into place atomically.
        .target(name: "CFileSwap"),

        // GLPK: the system library and the only module that imports it.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearModel"], swiftSettings: strictSettings),

        // Use cases and the command-line tool.
        .target(
            name: "Shiftwise",
            dependencies: ["Core", "Staffing", "Forecasting", "LinearModel", "Rostering", "RosterValidation", "Incentives", "ScenarioIO", "Reports", "GLPKSolver",
                           "Store"],
            swiftSettings: strictSettings
        ),
        // The web edge (`shiftwise serve`): thin handlers over the use cases; the only module that imports Hummingbird.
        .target(
            name: "WebApp",
            dependencies: ["Core", "Shiftwise", "Store", "Reports", "Rostering",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "shiftwise",
            dependencies: ["Shiftwise", "WebApp", "Core", "Rostering", "LinearModel", "Incentives", "Store", "Reports", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ShiftwiseBench",
            dependencies: ["Core", "Staffing", "Forecasting", "LinearModel", "GLPKSolver", "Rostering", "Shiftwise", "Incentives", "Reports", "ScenarioIO"],
            exclude: ["Peers"],
            swiftSettings: strictSettings
        ),

        // Tests mirror modules; shared fixtures live in TestSupport.
        .target(name: "TestSupport", dependencies: ["Core", "LinearModel"], path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "CoreTests", dependencies: ["Core", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "StaffingTests", dependencies: ["Staffing", "Core", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "Core"], swiftSettings: strictSettings),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"], swiftSettings: strictSettings),
        .testTarget(name: "ScenarioIOTests", dependencies: ["ScenarioIO", "Core", "Incentives", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "RosterValidationTests", dependencies: ["RosterValidation", "Core", "ScenarioIO", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Core", "Staffing", "Incentives"], swiftSettings: strictSettings),
        .testTarget(name: "RosteringTests", dependencies: ["Rostering", "Core", "Staffing", "LinearModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ShiftwiseTests", dependencies: ["Shiftwise", "Rostering", "Staffing", "Core", "TestSupport", "Reports", "RosterValidation", "ScenarioIO", "LinearModel", "GLPKSolver"], swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Core"], swiftSettings: strictSettings),
        .testTarget(name: "IncentivesTests", dependencies: ["Incentives", "Core"], swiftSettings: strictSettings),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel", "Core", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "WebAppTests", dependencies: ["WebApp", "Core", "Store", "ScenarioIO", "Rostering", "LinearModel", "TestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                                                       .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                       .product(name: "HTTPTypes", package: "swift-http-types")],
                    swiftSettings: strictSettings),
        .testTarget(name: "ShiftwiseCLITests", dependencies: ["TestSupport", "Core", "Store", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Help"], swiftSettings: strictSettings),
    ]
)
