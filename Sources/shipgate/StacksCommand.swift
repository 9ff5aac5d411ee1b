import ArgumentParser
import Foundation
import GitKit
import Stacks

struct StacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stacks", abstract: "List the stacks of shipgate.yml: paths, suites, dependencies and dependents.")

    @Option(help: "Output format: human or json.") var format: TestSession.Format = .human

    func run() throws {
        try runReporting {
            let config = try ProjectConfig.load(repositoryRoot: try repositoryRoot())
            print(format == .json ? config.listingJSON() : config.listing(), terminator: format == .json ? "\n" : "")
        }
    }
}

extension TestSession.Format: ExpressibleByArgument {}

/// The work tree root of the repository containing the current directory.
func repositoryRoot() throws -> String {
    let repository = try Repository.discover()
    guard let root = repository.workTree else { throw ValidationError("this is a bare repository: run shipgate in a work tree") }
    return root
}

/// `runReporting` for async command bodies: the same error mapping and exit codes.
func runReportingAsync(_ body: () async throws -> Void) async throws {
    do { try await body() } catch { try runReporting { throw error } }
}
