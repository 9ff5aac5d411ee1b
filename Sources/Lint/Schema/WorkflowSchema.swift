/// The structure of a workflow file (GitHub's "Workflow syntax" reference). Events, permissions
/// and matrices have their own rules; here they are `.any` or loosely shaped.
enum WorkflowSchema {
    static let runDefaults = ObjectShape(["run": .object(ObjectShape(["shell": .string, "working-directory": .string]))])

    static let concurrency = Shape.stringOr(ObjectShape(["group": .string, "cancel-in-progress": .bool], required: ["group"]))

    static let root = ObjectShape([
        "name": .string,
        "run-name": .string,
        "on": .any,
        "permissions": .any,
        "env": .map(.string),
        "defaults": .object(runDefaults),
        "concurrency": concurrency,
        "jobs": .map(.any),
    ], required: ["on", "jobs"])

    static let container = ObjectShape([
        "image": .string,
        "credentials": .object(ObjectShape(["username": .string, "password": .string])),
        "env": .map(.string),
        "ports": .list(.string),
        "volumes": .list(.string),
        "options": .string,
        "entrypoint": .string,
        "command": .string,
    ])

    static let strategy = ObjectShape([
        "matrix": .any,
        "fail-fast": .bool,
        "max-parallel": .number,
    ])

    /// A job that runs steps on a runner.
    static let job = ObjectShape([
        "name": .string,
        "needs": .oneOrList(.string),
        "permissions": .any,
        "runs-on": .any,
        "environment": .stringOr(ObjectShape(["name": .string, "url": .string, "deployment": .bool])),
        "concurrency": concurrency,
        "outputs": .map(.string),
        "env": .map(.string),
        "defaults": .object(runDefaults),
        "if": .string,
        "steps": .any,
        "timeout-minutes": .number,
        "strategy": .object(strategy),
        "continue-on-error": .bool,
        "container": .stringOr(container),
        "services": .map(.stringOr(container)),
        "snapshot": .any,
    ], required: ["runs-on", "steps"])

    /// A job that calls a reusable workflow: only these keys are allowed.
    static let callJob = ObjectShape([
        "name": .string,
        "uses": .string,
        "with": .map(.string),
        "secrets": .any,
        "needs": .oneOrList(.string),
        "if": .string,
        "permissions": .any,
        "strategy": .object(strategy),
        "concurrency": concurrency,
    ])

    static let step = ObjectShape([
        "id": .string,
        "if": .string,
        "name": .string,
        "uses": .string,
        "run": .string,
        "shell": .string,
        "with": .map(.string),
        "env": .map(.string),
        "working-directory": .string,
        "continue-on-error": .bool,
        "timeout-minutes": .number,
    ])
}

/// The structure of `action.yml` (GitHub's "Metadata syntax" reference).
enum ActionSchema {
    static let root = ObjectShape([
        "name": .string,
        "author": .string,
        "description": .string,
        "inputs": .map(.object(ObjectShape([
            "description": .string, "required": .bool, "default": .string, "deprecationMessage": .string,
        ]))),
        "outputs": .map(.object(ObjectShape(["description": .string, "value": .string]))),
        "runs": .object(ObjectShape([
            "using": .string,
            "main": .string, "pre": .string, "post": .string, "pre-if": .string, "post-if": .string,
            "image": .string, "entrypoint": .string, "pre-entrypoint": .string, "post-entrypoint": .string,
            "args": .list(.string), "env": .map(.string),
            "steps": .any,
        ], required: ["using"])),
        "branding": .object(ObjectShape(["icon": .string, "color": .string])),
    ], required: ["name", "runs"])
}
