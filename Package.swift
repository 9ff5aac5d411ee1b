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
        .target(name: "WorkflowModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Report", dependencies: ["WorkflowModel"]),
        .target(name: "Lint", dependencies: ["WorkflowModel", "Report"]),
        .target(
            name: "Stacks",
            dependencies: [
                "GitKit", "WorkflowModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .executableTarget(
            name: "shipgate",
            dependencies: [
                "GitKit", "WorkflowModel", "Report", "Stacks", "Lint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit"]),
        .testTarget(name: "WorkflowModelTests", dependencies: ["WorkflowModel"]),
        .testTarget(name: "StacksTests", dependencies: ["Stacks"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "WorkflowModel", "Report"], exclude: ["Fixtures"]),
        .testTarget(name: "ShipgateCLITests", dependencies: ["GitKit"]),
    ]
)
