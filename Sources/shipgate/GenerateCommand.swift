import ArgumentParser
import Foundation
import Generate
import GitKit
import WorkflowModel

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write .github/workflows/ (ci.yml, promote.yml) from shipgate.yml and environments/.",
        discussion: "With --check, write nothing: exit 1 with a unified diff when the files differ from what would be generated.")

    @Flag(help: "Write nothing; exit 1 and print a diff when the committed files drift.") var check = false
    @Option(help: "Output folder (default: .github/workflows at the repository root).") var out: String?

    func run() throws {
        try runReporting {
            let root = try Repository.discover().workTree ?? FileManager.default.currentDirectoryPath
            let files = try Generator.files(repositoryRoot: root)
            let directory = out ?? (root as NSString).appendingPathComponent(".github/workflows")
            if check {
                let drifts = Generator.check(files, in: directory, display: out ?? ".github/workflows")
                guard !drifts.isEmpty else { return print("\(files.count) generated file(s) up to date") }
                print(drifts.map(\.diff).joined(), terminator: "")
                printError("\(drifts.count) file(s) differ from what shipgate.yml and environments/ generate: run `shipgate generate` and commit")
                throw Exit.findings
            }
            let written = try Generator.write(files, to: directory)
            print(written.isEmpty ? "\(files.count) generated file(s) already up to date" : "wrote \(written.joined(separator: ", ")) in \(out ?? ".github/workflows")")
        }
    }
}
