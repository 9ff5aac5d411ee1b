/// The events GitHub can trigger a workflow with, their activity types and the keys each accepts
/// (GitHub's "Events that trigger workflows" reference).
enum Events {
    struct Spec: Sendable {
        /// Activity types; nil when the event takes any (`repository_dispatch`) or none.
        let types: [String]?
        /// Keys accepted under the event besides `types`.
        let keys: [String]
        var acceptsTypes: Bool { types != nil || keys.contains("types") }
    }

    private static let pullRequestTypes = [
        "assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize",
        "converted_to_draft", "ready_for_review", "locked", "unlocked", "review_requested", "review_request_removed",
        "auto_merge_enabled", "auto_merge_disabled", "milestoned", "demilestoned", "enqueued", "dequeued",
    ]
    private static let pullRequestKeys = ["branches", "branches-ignore", "paths", "paths-ignore"]
    private static let crud = ["created", "edited", "deleted"]

    static let all: [String: Spec] = [
        "branch_protection_rule": Spec(types: crud, keys: []),
        "check_run": Spec(types: ["created", "rerequested", "completed", "requested_action"], keys: []),
        "check_suite": Spec(types: ["completed"], keys: []),
        "create": Spec(types: nil, keys: []),
        "delete": Spec(types: nil, keys: []),
        "deployment": Spec(types: nil, keys: []),
        "deployment_status": Spec(types: nil, keys: []),
        "discussion": Spec(types: ["created", "edited", "deleted", "transferred", "pinned", "unpinned", "labeled", "unlabeled",
                                   "locked", "unlocked", "category_changed", "answered", "unanswered"], keys: []),
        "discussion_comment": Spec(types: crud, keys: []),
        "fork": Spec(types: nil, keys: []),
        "gollum": Spec(types: nil, keys: []),
        "image_version": Spec(types: ["created", "ready"], keys: ["names", "versions"]),
        "issue_comment": Spec(types: crud, keys: []),
        "issues": Spec(types: ["opened", "edited", "deleted", "transferred", "pinned", "unpinned", "closed", "reopened", "assigned",
                               "unassigned", "labeled", "unlabeled", "locked", "unlocked", "milestoned", "demilestoned", "typed", "untyped"], keys: []),
        "label": Spec(types: crud, keys: []),
        "merge_group": Spec(types: ["checks_requested"], keys: ["branches", "branches-ignore"]),
        "milestone": Spec(types: ["created", "closed", "opened", "edited", "deleted"], keys: []),
        "page_build": Spec(types: nil, keys: []),
        "project": Spec(types: ["created", "closed", "reopened", "edited", "deleted"], keys: []),
        "project_card": Spec(types: ["created", "moved", "converted", "edited", "deleted"], keys: []),
        "project_column": Spec(types: ["created", "updated", "moved", "deleted"], keys: []),
        "public": Spec(types: nil, keys: []),
        "pull_request": Spec(types: pullRequestTypes, keys: pullRequestKeys),
        "pull_request_review": Spec(types: ["submitted", "edited", "dismissed"], keys: []),
        "pull_request_review_comment": Spec(types: crud, keys: []),
        "pull_request_target": Spec(types: pullRequestTypes, keys: pullRequestKeys),
        "push": Spec(types: nil, keys: ["branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore"]),
        "registry_package": Spec(types: ["published", "updated"], keys: []),
        "release": Spec(types: ["published", "unpublished", "created", "edited", "deleted", "prereleased", "released"], keys: []),
        "repository_dispatch": Spec(types: nil, keys: ["types"]),
        "schedule": Spec(types: nil, keys: []),
        "status": Spec(types: nil, keys: []),
        "watch": Spec(types: ["started"], keys: []),
        "workflow_call": Spec(types: nil, keys: ["inputs", "outputs", "secrets"]),
        "workflow_dispatch": Spec(types: nil, keys: ["inputs"]),
        "workflow_run": Spec(types: ["completed", "requested", "in_progress"], keys: ["workflows", "branches", "branches-ignore"]),
    ]

    static let names = all.keys.sorted()
}
