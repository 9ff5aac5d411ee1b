import Foundation
import WorkflowModel

extension ProjectConfig {
    /// The file name shipgate reads at the repository root.
    public static let fileName = "shipgate.yml"

    /// Reads `shipgate.yml` at `repositoryRoot`; a missing file is a `UsageError` saying how to start one.
    public static func load(repositoryRoot: String) throws -> ProjectConfig {
        guard let config = try loadIfPresent(repositoryRoot: repositoryRoot) else {
            throw UsageError("no \(fileName) in \(repositoryRoot)",
                             hint: "create one that declares your stacks (see docs/stacks.md)")
        }
        return config
    }

    /// Reads `shipgate.yml` at `repositoryRoot`, nil when there is none (zero-configuration mode).
    ///
    /// `SHIPGATE_CONFIG` (set by the global `--config FILE` option) names another file to read.
    public static func loadIfPresent(repositoryRoot: String,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) throws(Diagnostic) -> ProjectConfig? {
        if let configured = environment["SHIPGATE_CONFIG"], !configured.isEmpty {
            return try load(file: configured, displayPath: configured, repositoryRoot: repositoryRoot)
        }
        let path = (repositoryRoot as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try load(file: path, displayPath: fileName, repositoryRoot: repositoryRoot)
    }

    /// Reads and validates the project file at `file`. Stack paths are checked against
    /// `repositoryRoot` when one is given; `displayPath` is how messages name the file.
    public static func load(file: String, displayPath: String? = nil, repositoryRoot: String? = nil) throws(Diagnostic) -> ProjectConfig {
        let name = displayPath ?? file
        return try parse(YAMLDocument.readText(path: file, displayPath: name), file: name, repositoryRoot: repositoryRoot)
    }

    /// Parses and validates `shipgate.yml` text. Every problem is a `Diagnostic` at the offending
    /// key or value; the first (in file order) is thrown.
    public static func parse(_ text: String, file: String, repositoryRoot: String? = nil) throws(Diagnostic) -> ProjectConfig {
        let start = SourcePosition(line: 1, column: 1)
        guard let root = try YAMLDocument.parse(text, file: file) else {
            throw Diagnostic(file: file, position: start, ruleID: ruleID, message: "the file is empty: declare at least one stack under \"stacks:\"")
        }
        var parser = ConfigParser(file: file, repositoryRoot: repositoryRoot)
        let config = parser.project(root)
        // The first in file order; at one position, the first recorded (unknown keys come before missing ones).
        if let first = parser.problems.enumerated().min(by: { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }) {
            throw first.element
        }
        return config!
    }

    /// Rule id of `shipgate.yml` problems.
    public static let ruleID = "config"
}

/// Reads the positioned tree of `shipgate.yml`, collecting every problem instead of stopping at the first.
private struct ConfigParser {
    let file: String
    let repositoryRoot: String?
    var problems: [Diagnostic] = []

    static let topKeys = ["stacks", "shared_paths", "lint", "hooks", "generate"]
    static let stackKeys = ["path", "depends_on", "suites", "deploy"]
    static let suiteKeys = ["run", "timeout", "junit"]

    init(file: String, repositoryRoot: String?) {
        self.file = file
        self.repositoryRoot = repositoryRoot
    }

    func reader(_ node: YAMLNode) -> MappingReader {
        MappingReader(file: file, node: node, ruleID: ProjectConfig.ruleID)
    }

    /// Runs `body`, recording its diagnostic; nil when it threw.
    mutating func attempt<T>(_ body: () throws(Diagnostic) -> T) -> T? {
        do { return try body() } catch {
            problems.append(error)
            return nil
        }
    }

    mutating func project(_ root: YAMLNode) -> ProjectConfig? {
        let top = reader(root)
        guard root.pairs != nil else {
            problems.append(top.error("\(ProjectConfig.fileName) must be a mapping with a \"stacks:\" key, found \(root.kindName)", at: root))
            return nil
        }
        problems += top.unknownKeys(allowed: Self.topKeys, context: ProjectConfig.fileName)
        let shared = attempt { () throws(Diagnostic) in try top.strings("shared_paths") } ?? nil
        var disabled: [String] = []
        if let lint = top.child("lint") {
            if attempt({ () throws(Diagnostic) in try lint.pairs("\"lint\"") }) != nil {
                problems += lint.unknownKeys(allowed: ["disable"], context: "\"lint\"")
                disabled = (attempt { () throws(Diagnostic) in try lint.strings("disable") } ?? nil) ?? []
            }
        }
        let hooks = hookSettings(top)
        guard let stacksNode = root["stacks"], !stacksNode.isNull else {
            problems.append(top.error("missing the required key \"stacks\": declare each stack with its path and suites", at: root))
            return nil
        }
        guard let pairs = stacksNode.pairs else {
            problems.append(top.error("\"stacks\" must be a mapping of stack names, found \(stacksNode.kindName)", at: stacksNode))
            return nil
        }
        let stacks = pairs.compactMap { stack($0) }
        checkPaths(stacks, pairs: pairs)
        checkDependencies(stacks, pairs: pairs)
        var config = ProjectConfig(file: file, stacks: stacks, sharedPaths: shared ?? [], lintDisabled: disabled)
        config.hookSuites = hooks.suites
        config.hookAllowsProtectedPush = hooks.allowProtected
        (config.generateAction, config.generateActionVersion) = generateSettings(top)
        if let suites = hooks.suites, let node = root["hooks"]?["pre_push"]?["suites"] {
            for name in suites where !config.suiteNames.contains(name) {
                problems.append(reader(node).error("hooks.pre_push.suites names \"\(name)\", which no stack declares\(Suggestion.hint(for: name, in: config.suiteNames))", at: node))
            }
        }
        return config
    }

    /// `generate: { action: owner/shipgate@<40-hex commit>, version: v1.2.0 }`.
    mutating func generateSettings(_ top: MappingReader) -> (String?, String?) {
        guard let generate = top.child("generate"), attempt({ () throws(Diagnostic) in try generate.pairs("\"generate\"") }) != nil else { return (nil, nil) }
        problems += generate.unknownKeys(allowed: ["action", "version"], context: "\"generate\"")
        let action = attempt { () throws(Diagnostic) in try generate.string("action") } ?? nil
        let version = attempt { () throws(Diagnostic) in try generate.string("version") } ?? nil
        if let action, let node = generate.node["action"], !action.hasPrefix("./") {
            let parts = action.split(separator: "@", maxSplits: 1)
            if parts.count != 2 || !parts[0].contains("/") || parts[1].isEmpty {
                problems.append(generate.error("generate.action must be ./path or owner/repo@ref (pin a full commit id), found \"\(action)\"", at: node))
            }
        }
        return (action, version)
    }

    /// `hooks: { pre_push: { suites: [unit], allow_protected: false } }`.
    mutating func hookSettings(_ top: MappingReader) -> (suites: [String]?, allowProtected: Bool) {
        guard let hooks = top.child("hooks"), attempt({ () throws(Diagnostic) in try hooks.pairs("\"hooks\"") }) != nil else { return (nil, false) }
        problems += hooks.unknownKeys(allowed: ["pre_push"], context: "\"hooks\"")
        guard let prePush = hooks.child("pre_push"), attempt({ () throws(Diagnostic) in try prePush.pairs("\"hooks.pre_push\"") }) != nil else {
            return (nil, false)
        }
        problems += prePush.unknownKeys(allowed: ["suites", "allow_protected"], context: "\"hooks.pre_push\"")
        let suites = attempt { () throws(Diagnostic) in try prePush.strings("suites") } ?? nil
        let allow = attempt { () throws(Diagnostic) in try prePush.bool("allow_protected") } ?? nil
        return (suites, allow ?? false)
    }

    mutating func stack(_ pair: YAMLPair) -> Stack? {
        let name = pair.name
        if let problem = Self.nameProblem(name, what: "stack") {
            problems.append(reader(pair.key).error(problem, at: pair.key))
        }
        let node = reader(pair.value)
        guard pair.value.pairs != nil else {
            problems.append(node.error("stack \"\(name)\" must be a mapping with \"path\" and \"suites\", found \(pair.value.kindName)", at: pair.value))
            return nil
        }
        let unknown = node.unknownKeys(allowed: Self.stackKeys, context: "stack \"\(name)\"")
        problems += unknown
        // A misspelt required key is reported once, as the unknown key with its suggestion.
        let path = unknown.isEmpty ? attempt { () throws(Diagnostic) in try node.requiredString("path", context: "stack \"\(name)\"") }
            : attempt { () throws(Diagnostic) in try node.string("path") } ?? nil
        let dependsOn = attempt { () throws(Diagnostic) in try node.strings("depends_on") } ?? nil
        let deploy = attempt { () throws(Diagnostic) in try node.string("deploy") } ?? nil
        var suites: [Suite] = []
        if let suitesNode = pair.value["suites"], !suitesNode.isNull {
            if let suitePairs = suitesNode.pairs {
                suites = suitePairs.compactMap { suite($0, stack: name) }
            } else {
                problems.append(node.error("\"suites\" of stack \"\(name)\" must be a mapping of suite names, found \(suitesNode.kindName)", at: suitesNode))
            }
        }
        guard let path else { return nil }
        return Stack(name: name, path: Self.normalized(path), dependsOn: dependsOn ?? [], suites: suites, deploy: deploy,
                     position: pair.key.position)
    }

    mutating func suite(_ pair: YAMLPair, stack: String) -> Suite? {
        let name = pair.name
        let context = "suite \"\(name)\" of stack \"\(stack)\""
        if let problem = Self.nameProblem(name, what: "suite") {
            problems.append(reader(pair.key).error(problem, at: pair.key))
        }
        let node = reader(pair.value)
        guard pair.value.pairs != nil else {
            problems.append(node.error("\(context) must be a mapping with a \"run\" command, found \(pair.value.kindName)", at: pair.value))
            return nil
        }
        let unknown = node.unknownKeys(allowed: Self.suiteKeys, context: context)
        problems += unknown
        let run = unknown.isEmpty ? attempt { () throws(Diagnostic) in try node.requiredString("run", context: context) }
            : attempt { () throws(Diagnostic) in try node.string("run") } ?? nil
        let timeout = attempt { () throws(Diagnostic) in try node.duration("timeout") } ?? nil
        let junit = attempt { () throws(Diagnostic) in try node.string("junit") } ?? nil
        if let timeout, timeout <= 0, let value = pair.value["timeout"] {
            problems.append(node.error("\"timeout\" of \(context) must be longer than zero", at: value))
        }
        if let run, run.trimmingCharacters(in: .whitespaces).isEmpty, let value = pair.value["run"] {
            problems.append(node.error("\"run\" of \(context) is empty: give the command that runs the suite", at: value))
        }
        guard let run else { return nil }
        return Suite(name: name, run: run, timeout: timeout ?? Suite.defaultTimeout, junit: junit, position: pair.key.position)
    }

    /// Stack paths must exist (their literal part, for globs) and two stacks may not share one.
    mutating func checkPaths(_ stacks: [Stack], pairs: [YAMLPair]) {
        var seen: [String: String] = [:]
        for stack in stacks {
            guard let node = pairs.first(where: { $0.name == stack.name })?.value["path"] else { continue }
            if stack.path.isEmpty || stack.path.hasPrefix("/") || stack.path.split(separator: "/").contains("..") {
                problems.append(reader(node).error("path \"\(node.scalar ?? "")\" of stack \"\(stack.name)\" must be relative to the repository root, inside it", at: node))
                continue
            }
            if let other = seen[stack.path] {
                problems.append(reader(node).error("stacks \"\(other)\" and \"\(stack.name)\" have the same path \"\(stack.path)\": give each stack its own folder", at: node))
            }
            seen[stack.path] = stack.name
            if let root = repositoryRoot, stack.directory != "." {
                let folder = (root as NSString).appendingPathComponent(stack.directory)
                if !FileManager.default.fileExists(atPath: folder) {
                    problems.append(reader(node).error("path \"\(stack.directory)\" of stack \"\(stack.name)\" does not exist: create it or fix the path", at: node))
                }
            }
        }
    }

    /// Every `depends_on` entry names a stack, and the dependency graph has no cycle.
    mutating func checkDependencies(_ stacks: [Stack], pairs: [YAMLPair]) {
        let names = stacks.map(\.name)
        let known = Set(names)
        var edges: [String: [String]] = [:]
        for stack in stacks {
            let items = pairs.first(where: { $0.name == stack.name })?.value["depends_on"]
            let nodes = items?.items ?? items.map { [$0] } ?? []
            for node in nodes {
                guard let target = node.scalar else { continue }
                if target == stack.name {
                    problems.append(reader(node).error("stack \"\(stack.name)\" depends on itself: remove it from depends_on", at: node))
                } else if !known.contains(target) {
                    problems.append(reader(node).error("stack \"\(stack.name)\" depends on unknown stack \"\(target)\"\(Suggestion.hint(for: target, in: names))", at: node))
                } else {
                    edges[stack.name, default: []].append(target)
                }
            }
        }
        if let cycle = DependencyGraph.firstCycle(names: names, edges: edges),
           let node = pairs.first(where: { $0.name == cycle[0] })?.value["depends_on"] {
            problems.append(reader(node).error("depends_on forms a cycle: \(cycle.joined(separator: " -> ")): remove one of these dependencies", at: node))
        }
    }

    /// Stack and suite names become file names and environment values: keep them simple.
    static func nameProblem(_ name: String, what: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0) }
        if !name.isEmpty, allowed, !name.hasPrefix(".") { return nil }
        return "\(what) name \"\(name)\" must use only letters, digits, \"-\", \"_\" and \".\" (not first)"
    }

    /// `./stacks/db/` → `stacks/db`; `.` and `./` stay `.`.
    static func normalized(_ path: String) -> String {
        var text = path.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("./") { text.removeFirst(2) }
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text.isEmpty ? "." : text
    }
}

/// Cycle detection and transitive closure over `depends_on`.
enum DependencyGraph {
    /// The first cycle found (names in order, the first repeated at the end), nil when acyclic.
    static func firstCycle(names: [String], edges: [String: [String]]) -> [String]? {
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == 2 { return nil }
            if state[name] == 1 {
                let start = path.firstIndex(of: name) ?? 0
                return Array(path[start...]) + [name]
            }
            state[name] = 1
            path.append(name)
            for next in edges[name] ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[name] = 2
            return nil
        }
        for name in names {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }
}

extension Stack {
    /// The folder suites run in: the path itself, or the literal part before its first glob segment.
    public var directory: String {
        let segments = path.split(separator: "/")
        let literal = segments.prefix { !Glob.hasMagic($0) }
        return literal.isEmpty ? "." : literal.joined(separator: "/")
    }
}

extension ProjectConfig {
    /// Stacks that depend on `name`, directly or through others, sorted by name.
    public func dependents(of name: String) -> [String] {
        var result: Set<String> = []
        var queue = [name]
        while let next = queue.popLast() {
            for stack in stacks where stack.dependsOn.contains(next) && result.insert(stack.name).inserted {
                queue.append(stack.name)
            }
        }
        result.remove(name)
        return result.sorted()
    }

    /// `names` ordered so every stack comes after the stacks it depends on (ties in declaration order):
    /// the order to deploy in.
    public func dependencyOrder(_ names: [String]? = nil) -> [Stack] {
        let wanted = Set(names ?? stacks.map(\.name))
        var placed: Set<String> = []
        var order: [Stack] = []
        func place(_ stack: Stack) {
            guard !placed.contains(stack.name) else { return }
            placed.insert(stack.name)
            for dependency in stack.dependsOn {
                if let other = self.stack(named: dependency) { place(other) }
            }
            if wanted.contains(stack.name) { order.append(stack) }
        }
        stacks.forEach(place)
        return order
    }
}
