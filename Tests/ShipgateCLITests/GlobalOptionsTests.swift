import Foundation
import TestSupport
import Testing

@Suite struct GlobalOptionsTests {
    @Test func chdirRunsTheVerbInAnotherRepository() throws {
        let repo = try GitFixture()
        try repo.commit("in the other repository")
        let elsewhere = try TemporaryDirectory()
        let output = try ShipgateBinary.run(["--chdir", repo.path, "status"], in: elsewhere.path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("in the other repository"))
        let missing = try ShipgateBinary.run(["-C", elsewhere.path + "/missing", "status"], in: elsewhere.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot change to directory"))
    }

    @Test func quietSilencesOutputButNotErrorsOrTheExitCode() throws {
        let repo = try GitFixture()
        try repo.commit("one")
        let quiet = try ShipgateBinary.run(["--quiet", "status"], in: repo.path)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        let failing = try ShipgateBinary.run(["--quiet", "status", "--base", "nope"], in: repo.path)
        #expect(failing.status == 2)
        #expect(failing.stderr.contains("unknown revision"))
    }

    @Test func colorAlwaysForcesEscapesEvenWhenPiped() throws {
        let repo = try GitFixture()
        try repo.commit("one")
        let colored = try ShipgateBinary.run(["--color", "always", "status"], in: repo.path, environment: ["NO_COLOR": ""])
        #expect(colored.stdout.contains("\u{1B}["))
        let plain = try ShipgateBinary.run(["--color", "never", "status"], in: repo.path)
        #expect(!plain.stdout.contains("\u{1B}["))
        let bad = try ShipgateBinary.run(["--color", "sometimes", "status"], in: repo.path)
        #expect(bad.status == 2)
    }

    @Test func versionHelpAndUsageErrors() throws {
        let directory = try TemporaryDirectory()
        let version = try ShipgateBinary.run(["--version"], in: directory.path)
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        let help = try ShipgateBinary.run(["--help"], in: directory.path)
        #expect(help.stdout.contains("Exit codes"))
        let unknownFlag = try ShipgateBinary.run(["status", "--frobnicate"], in: directory.path)
        #expect(unknownFlag.status == 2)
        let completion = try ShipgateBinary.run(["--generate-completion-script", "fish"], in: directory.path)
        #expect(completion.status == 0 && completion.stdout.contains("complete"))
    }

    @Test func verboseAddsDetailToAnError() throws {
        let outside = try TemporaryDirectory()
        let plain = try ShipgateBinary.run(["status"], in: outside.path)
        #expect(plain.stderr.split(separator: "\n").count == 1)
        let verbose = try ShipgateBinary.run(["--verbose", "status"], in: outside.path)
        #expect(verbose.status == 2)
        #expect(verbose.stderr.contains("detail: git error kind notARepository"))
    }
}
