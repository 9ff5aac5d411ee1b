import ArgumentParser
import Foundation
import GitKit
import Stacks

struct Evidence: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evidence", abstract: "Show and verify the suite evidence recorded in git notes (refs/notes/shipgate).",
                                                    subcommands: [Show.self, Verify.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the evidence recorded on a commit.")
        @Argument(help: "The commit (default: HEAD).") var rev = "HEAD"
        @Option(help: "Output format: human or json.") var format: TestSession.Format = .human

        func run() throws {
            try runReporting {
                let repository = try Repository.discover()
                let key = ProcessInfo.processInfo.environment["SHIPGATE_EVIDENCE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
                print(try EvidenceStore.show(build: try repository.resolve(rev), in: repository, json: format == .json, key: key), terminator: "")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the HMAC signature of every evidence line on a commit (needs SHIPGATE_EVIDENCE_KEY).")
        @Argument(help: "The commit (default: HEAD).") var rev = "HEAD"

        func run() throws {
            try runReporting {
                guard let key = ProcessInfo.processInfo.environment["SHIPGATE_EVIDENCE_KEY"], !key.isEmpty else {
                    throw ValidationError("set SHIPGATE_EVIDENCE_KEY to the key the evidence was signed with")
                }
                let repository = try Repository.discover()
                let build = try repository.resolve(rev)
                let (checked, problems) = try EvidenceStore.verify(build: build, in: repository, key: key)
                for problem in problems { print("\(EvidenceStore.notesRef) \(build.short) line \(problem.line): \(problem.reason)") }
                print("\(checked) evidence line(s) checked on \(build.short): \(problems.isEmpty ? "all signatures valid" : "\(problems.count) problem(s)")")
                if !problems.isEmpty || checked == 0 { throw Exit.findings }
            }
        }
    }
}
