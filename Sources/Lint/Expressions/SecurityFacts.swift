import WorkflowModel

/// Facts the security rules share: untrusted event fields, triggers, action references.
enum SecurityFacts {
    /// Event fields anyone who opens an issue, a pull request or a comment controls (`*` is any one segment).
    static let untrustedPaths: [[String]] = [
        "github.head_ref", "github.event.issue.title", "github.event.issue.body",
        "github.event.pull_request.title", "github.event.pull_request.body", "github.event.pull_request.head.ref",
        "github.event.pull_request.head.label", "github.event.pull_request.head.repo.default_branch",
        "github.event.pull_request.head.repo.description", "github.event.pull_request.head.repo.homepage",
        "github.event.comment.body", "github.event.review.body", "github.event.review_comment.body",
        "github.event.discussion.title", "github.event.discussion.body", "github.event.pages.*.page_name",
        "github.event.commits.*.message", "github.event.commits.*.author.name", "github.event.commits.*.author.email",
        "github.event.head_commit.message", "github.event.head_commit.author.name", "github.event.head_commit.author.email",
        "github.event.head_commit.committer.name", "github.event.head_commit.committer.email",
        "github.event.workflow_run.head_branch", "github.event.workflow_run.display_title",
        "github.event.workflow_run.head_commit.message", "github.event.workflow_run.head_commit.author.name",
        "github.event.workflow_run.head_commit.author.email", "github.event.workflow_run.pull_requests.*.head.ref",
    ].map { $0.split(separator: ".").map(String.init) }

    /// Whether a context path (lowercased, indexes as `*`) is one of the untrusted fields.
    static func isUntrusted(_ path: [String]) -> Bool {
        untrustedPaths.contains { pattern in
            pattern.count == path.count && zip(pattern, path).allSatisfy { $0 == "*" || $0 == $1 }
        }
    }

    /// Triggers that run with the base repository's secrets and token on events outsiders cause.
    static let privilegedTriggers: Set<String> = ["pull_request_target", "workflow_run", "issue_comment", "issues", "discussion", "discussion_comment"]

    static func eventNames(_ workflow: Workflow) -> Set<String> { Set(workflow.events.map(\.name.text)) }

    static func isCheckout(_ step: Step) -> Bool {
        step.action?.name == "actions/checkout"
    }

    static func with(_ step: Step, _ key: String) -> KeyValue? { step.with.first { $0.key.text == key } }
}
