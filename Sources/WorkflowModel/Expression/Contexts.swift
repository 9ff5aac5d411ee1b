/// The contexts of GitHub's expression language and the shape of those whose content is fixed.
public enum ExpressionContexts {
    /// Every context name.
    public static let names = ["github", "env", "vars", "job", "jobs", "steps", "runner", "secrets", "strategy", "matrix", "needs", "inputs"]

    /// Properties of the `github` context (documented list).
    public static let githubProperties: [String: ExprType] = {
        var properties: [String: ExprType] = [:]
        for name in ["action", "action_path", "action_ref", "action_repository", "action_status", "actor", "actor_id",
                     "api_url", "base_ref", "env", "event_name", "event_path", "graphql_url", "head_ref", "job",
                     "path", "ref", "ref_name", "ref_type", "repository", "repository_id",
                     "repository_owner", "repository_owner_id", "repositoryurl", "run_id", "run_number", "run_attempt",
                     "secret_source", "server_url", "sha", "token", "triggering_actor",
                     "workflow", "workflow_ref", "workflow_sha", "workspace", "job_workflow_sha"] {
            properties[name] = .string
        }
        properties["event"] = .loose()
        properties["ref_protected"] = .bool
        properties["retention_days"] = .number
        properties["action_status"] = .string
        return properties
    }()

    public static let github: ExprType = .strict(githubProperties)

    public static let runner: ExprType = .strict([
        "name": .string, "os": .string, "arch": .string, "temp": .string, "tool_cache": .string,
        "debug": .string, "environment": .string, "workspace": .string,
    ])

    public static let job: ExprType = .strict([
        "container": .strict(["id": .string, "network": .string]),
        "services": .map(.strict(["id": .string, "network": .string, "ports": .map(.string)])),
        "status": .string,
        "check_run_id": .number,
        "workflow_ref": .string, "workflow_sha": .string, "workflow_repository": .string, "workflow_file_path": .string,
    ])

    public static let strategy: ExprType = .strict([
        "fail-fast": .bool, "job-index": .number, "job-total": .number, "max-parallel": .number,
    ])

    /// `steps.<id>` with these outputs (nil: any output, as `run:` steps may write any).
    public static func step(outputs: [String]?) -> ExprType {
        .strict([
            "outputs": outputs.map { names in .strict(Dictionary(names.map { ($0, ExprType.string) }, uniquingKeysWith: { a, _ in a })) } ?? .map(.string),
            "conclusion": .string, "outcome": .string,
        ])
    }

    /// `needs.<id>` / `jobs.<id>` with these outputs (nil: unknown).
    public static func jobResult(outputs: [String]?) -> ExprType {
        .strict([
            "outputs": outputs.map { names in .strict(Dictionary(names.map { ($0, ExprType.string) }, uniquingKeysWith: { a, _ in a })) } ?? .map(.string),
            "result": .string,
        ])
    }

    /// Types of every context in a scope where nothing more is known: strict where GitHub fixes
    /// the content, open maps elsewhere.
    public static let defaults: [String: ExprType] = [
        "github": github, "env": .map(.string), "vars": .map(.string), "job": job, "jobs": .map(jobResult(outputs: nil)),
        "steps": .map(step(outputs: nil)), "runner": runner, "secrets": .map(.string), "strategy": strategy,
        "matrix": .loose(), "needs": .map(jobResult(outputs: nil)), "inputs": .loose(),
    ]
}
