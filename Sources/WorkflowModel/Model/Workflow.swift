/// A GitHub Actions workflow file, typed, with the positioned tree it was built from.
///
/// Building never fails: values of the wrong shape are left out of the typed fields (and stay in
/// `root`), so the structural rules can report them while the other rules see what is usable.
public final class Workflow: Sendable {
    public let root: YAMLNode
    public let source: SourceText
    public let name: StringValue?
    public let runName: StringValue?
    /// The `on` key, nil when missing.
    public let onKey: YAMLNode?
    public let events: [Event]
    public let permissions: Permissions?
    public let env: [KeyValue]
    public let defaults: Defaults?
    public let concurrency: Concurrency?
    /// The `jobs` key, nil when missing.
    public let jobsKey: YAMLNode?
    public let jobs: [Job]

    public var file: String { source.file }

    public init(root: YAMLNode, source: SourceText) {
        let reader = NodeReader(source: source)
        self.root = root
        self.source = source
        name = reader.string("name", in: root)
        runName = reader.string("run-name", in: root)
        let on = root.pair("on")
        onKey = on?.key
        events = on.map { Event.parse($0.value, reader: reader) } ?? []
        permissions = root["permissions"].flatMap { Permissions($0, reader: reader) }
        env = reader.keyValues(root["env"])
        defaults = root["defaults"].map { Defaults($0, reader: reader) }
        concurrency = root["concurrency"].flatMap { Concurrency($0, reader: reader) }
        let jobsPair = root.pair("jobs")
        jobsKey = jobsPair?.key
        jobs = reader.entries(jobsPair?.value).map { Job(id: $0.key, node: $0.value, reader: reader) }
    }

    /// Parses a workflow file's text; YAML problems are thrown as diagnostics.
    /// An empty document yields nil.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> (Workflow?, SourceText) {
        let source = SourceText(file: file, text: text)
        guard let root = try YAMLDocument.parse(text, file: file) else { return (nil, source) }
        return (Workflow(root: root, source: source), source)
    }

    /// The job with `id`, nil when there is none.
    public func job(_ id: String) -> Job? { jobs.first { $0.id.text == id } }
}

/// `permissions:` — `read-all`, `write-all`, `{}` or a scope → level mapping.
public struct Permissions: Sendable {
    public let node: YAMLNode
    /// `read-all` / `write-all` (or an expression) when written as a string.
    public let all: StringValue?
    public let scopes: [KeyValue]

    init?(_ node: YAMLNode, reader: NodeReader) {
        self.node = node
        all = reader.string(node).flatMap { node.isNull ? nil : $0 }
        scopes = reader.keyValues(node)
    }
}

/// `defaults: run: { shell, working-directory }`.
public struct Defaults: Sendable {
    public let node: YAMLNode
    public let shell: StringValue?
    public let workingDirectory: StringValue?

    init(_ node: YAMLNode, reader: NodeReader) {
        self.node = node
        let run = node["run"]
        shell = run.flatMap { reader.string("shell", in: $0) }
        workingDirectory = run.flatMap { reader.string("working-directory", in: $0) }
    }
}

/// `concurrency:` — a group string or `{ group, cancel-in-progress }`.
public struct Concurrency: Sendable {
    public let node: YAMLNode
    public let group: StringValue?
    public let cancelInProgress: YAMLNode?

    init?(_ node: YAMLNode, reader: NodeReader) {
        self.node = node
        if let text = reader.string(node) {
            group = text
            cancelInProgress = nil
        } else {
            group = reader.string("group", in: node)
            cancelInProgress = node["cancel-in-progress"]
        }
    }
}
