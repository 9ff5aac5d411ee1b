// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "shipgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shipgate", targets: ["shipgate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibgit2"]),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "WorkflowModel", dependencies: [.product(name: "Yams", package: "Yams"), "CLibYAML"]),
        .target(name: "Report", dependencies: ["WorkflowModel", "GitKit"]),
        .target(name: "Lint", dependencies: ["WorkflowModel", "Report"]),
        .target(
            name: "Stacks",
            dependencies: [
                "GitKit", "WorkflowModel", "Report",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .target(name: "Promotion", dependencies: ["GitKit", "WorkflowModel", "Stacks", "Report"]),
        .target(name: "Hooks", dependencies: ["GitKit", "WorkflowModel", "Stacks", "Promotion", "Lint", "Report"]),
        .target(name: "Deploy", dependencies: ["GitKit", "WorkflowModel", "Stacks", "Promotion"]),
        .target(name: "Generate", dependencies: ["WorkflowModel", "Stacks", "Promotion", "GitKit"]),
        .target(name: "Check", dependencies: ["GitKit", "WorkflowModel", "Lint", "Stacks", "Promotion", "Report"]),
        .executableTarget(
            name: "shipgate",
            dependencies: [
                "GitKit", "WorkflowModel", "Report", "Stacks", "Promotion", "Hooks", "Lint", "Check", "Generate", "Deploy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(name: "WorkflowModelTests", dependencies: ["WorkflowModel"]),
        .testTarget(name: "StacksTests", dependencies: ["Stacks", "GitKit", "WorkflowModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HooksTests", dependencies: ["TestSupport", "shipgate"]),
        .testTarget(name: "ShipgateCLITests", dependencies: ["TestSupport", "shipgate"]),
        .testTarget(name: "PromotionTests", dependencies: ["Promotion", "GitKit", "Stacks", "WorkflowModel", "TestSupport"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "WorkflowModel", "Report"], exclude: ["Fixtures"]),
        .testTarget(name: "GenerateTests", dependencies: ["Generate", "Stacks", "Promotion", "WorkflowModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DeployTests", dependencies: ["Deploy", "Stacks", "Promotion", "GitKit", "TestSupport"]),
    ]
)
