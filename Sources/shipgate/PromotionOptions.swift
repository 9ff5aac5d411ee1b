import ArgumentParser
import Foundation
import GitKit
import Promotion
import Stacks
import WorkflowModel

/// Flags shared by the promotion verbs: who acts and what time it is.
struct ActorOptions: ParsableArguments {
    @Option(help: "Who is acting (default: SHIPGATE_ACTOR, GITHUB_ACTOR, then git user.name).")
    var by: String?

    @Option(help: "Evaluate at this ISO 8601 time instead of now (e.g. 2026-11-20T10:00:00Z).")
    var now: String?

    func time() throws -> Date { try parseNow(now) }

    func actor(_ repository: Repository) throws -> String {
        try Identity.resolve(flag: by, repository: repository)
    }
}

/// `--now TEXT` as a date; the current time when absent.
func parseNow(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    guard let date = Timestamp.parse(text) else {
        throw UsageError("--now must be an ISO 8601 time such as 2026-11-20T10:00:00Z, got \"\(text)\"")
    }
    return date
}

enum PromotionFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}

/// The repository around the current directory and its project model (`shipgate.yml`, when present).
func openProject() throws -> (Repository, ProjectConfig?) {
    let repository = try Repository.discover()
    return (repository, try repository.workTree.flatMap { try ProjectConfig.loadIfPresent(repositoryRoot: $0) })
}
