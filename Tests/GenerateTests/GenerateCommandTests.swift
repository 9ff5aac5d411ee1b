import Foundation
import Testing
import TestSupport

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Test("shipgate generate --check passes on this repository's own workflows")
func selfCheck() throws {
    try #require(FileManager.default.isExecutableFile(atPath: ShipgateBinary.path), "build shipgate first")
    var output = try ShipgateBinary.run(["generate", "--check"], in: packageRoot)
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    output = try ShipgateBinary.run(["lint", "--format", "human", ".github/workflows/ci.yml", ".github/workflows/promote.yml"], in: packageRoot)
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
}

@Test("generate writes the workflows, --check passes, then a change to shipgate.yml is drift: exit 1 with a diff")
func generateThenDrift() throws {
    let repository = try GitFixture()
    try repository.write("shipgate.yml", "stacks:\n  api:\n    path: api\n    suites:\n      unit: { run: 'true', timeout: 2m }\n")
    try repository.write("api/main.py", "print('hi')\n")
    try repository.write("environments/development.yml", "branch: main\n")
    try repository.write("environments/staging.yml", "promotes_from: development\nbranch: main\ngates:\n  suites: [unit]\n")
    try repository.commit("project")
    var output = try ShipgateBinary.run(["generate"], in: repository.path)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout == "wrote ci.yml, promote.yml in .github/workflows\n")
    output = try ShipgateBinary.run(["generate", "--check"], in: repository.path + "/api")
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    // The workflows call the repository's composite action: give the scratch repository the real one.
    try repository.write("action.yml", try String(contentsOfFile: packageRoot + "/action.yml", encoding: .utf8))
    output = try ShipgateBinary.run(["lint", "--format", "human"], in: repository.path)
    #expect(output.status == 0, "generated workflows must lint clean:\n\(output.stdout)\(output.stderr)")
    try repository.write("shipgate.yml", "stacks:\n  api:\n    path: api\n    suites:\n      unit: { run: 'true', timeout: 20m }\n")
    output = try ShipgateBinary.run(["generate", "--check"], in: repository.path)
    #expect(output.status == 1)
    #expect(output.stdout.contains("--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n"))
    #expect(output.stdout.contains("-    timeout-minutes: 17\n+    timeout-minutes: 35\n"))
    #expect(output.stderr.contains("run `shipgate generate` and commit"))
    output = try ShipgateBinary.run(["generate", "--out", "elsewhere"], in: repository.path)
    #expect(output.status == 0)
    #expect(FileManager.default.fileExists(atPath: repository.path + "/elsewhere/ci.yml"))
}

@Test("a broken manifest is a configuration error naming file:line, exit 2")
func brokenManifest() throws {
    let repository = try GitFixture()
    try repository.write("shipgate.yml", "stacks:\n  api:\n    path: .\n")
    try repository.write("environments/development.yml", "branch: main\ngates:\n  sock: 1h\n")
    let output = try ShipgateBinary.run(["generate", "--check"], in: repository.path)
    #expect(output.status == 2)
    #expect(output.stderr.contains("environments/development.yml:3:3"), "\(output.stderr)")
}
