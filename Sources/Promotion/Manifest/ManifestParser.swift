import Foundation
import GitKit
import Stacks
import WorkflowModel

/// Strict reading of `environments/<name>.yml`: unknown keys, bad values, durations, time zones,
/// unknown stacks and suites are diagnostics at file:line:col, with "did you mean" for typos.
public enum ManifestParser {
    public static let ruleID = "environment"
    static let topLevelKeys = ["name", "promotes_from", "branch", "tags", "gates", "secrets", "variables", "hold", "deployed"]
    static let gateKeys = ["suites", "require_signed", "soak", "approvals", "freeze"]

    /// Parses the manifest at `path` (relative to the repository root, e.g. `environments/staging.yml`).
    /// Stack and suite names are checked against `project` when it is known.
    public static func parse(_ text: String, path: String, project: ProjectConfig?) throws(Diagnostic) -> Environment {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard let root = try YAMLDocument.parse(text, file: path) else {
            throw Diagnostic(file: path, position: SourcePosition(line: 1, column: 1), ruleID: ruleID,
                             message: "the manifest is empty: it needs at least \"branch:\"")
        }
        let reader = MappingReader(file: path, node: root, ruleID: ruleID)
        let pairs = try reader.pairs("an environment manifest")
        if let unknown = reader.unknownKeys(allowed: topLevelKeys, context: "an environment manifest").first { throw unknown }
        var positions: [String: SourcePosition] = [:]
        for pair in pairs { positions[pair.name] = pair.key.position }

        let name = try reader.string("name") ?? stem
        if name != stem {
            throw reader.error("\"name\" is \"\(name)\" but the file is \(stem).yml: they must match (rename one)", at: root["name"]!)
        }
        guard isPlainName(name) else {
            throw reader.error("environment name \"\(name)\" may only use letters, digits, '-' and '_'", at: root["name"] ?? root)
        }
        let promotesFrom = try reader.string("promotes_from")
        if promotesFrom == name {
            throw reader.error("\(name) promotes from itself: name the environment builds come from", at: root["promotes_from"]!)
        }
        let branch = try reader.requiredString("branch", context: "environment \(name)")
        let tags = try reader.strings("tags") ?? []
        let gates = try reader.child("gates").map { (gates: MappingReader) throws(Diagnostic) in try parseGates(gates, project: project) }
            ?? GatePolicy()
        return Environment(
            name: name, path: path, promotesFrom: promotesFrom, branchPolicy: BranchPolicy(branch: branch, tags: tags),
            gates: gates, secrets: try reader.strings("secrets") ?? [], variables: try parseVariables(reader),
            hold: try reader.child("hold").map { (hold: MappingReader) throws(Diagnostic) in try parseHold(hold) },
            deployed: try reader.child("deployed").map { (deployed: MappingReader) throws(Diagnostic) in try parseDeployed(deployed, project: project) },
            keyPositions: positions)
    }

    static func isPlainName(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }
    }

    private static func parseGates(_ reader: MappingReader, project: ProjectConfig?) throws(Diagnostic) -> GatePolicy {
        _ = try reader.pairs("\"gates\"")
        if let unknown = reader.unknownKeys(allowed: gateKeys, context: "\"gates\"").first { throw unknown }
        var policy = GatePolicy()
        if let suitesNode = reader.node["suites"], let pairs = suitesNode.pairs {
            let byStack = MappingReader(file: reader.file, node: suitesNode, ruleID: ruleID)
            for pair in pairs {
                let stack = try checkStack(pair.name, at: pair.key, reader: reader, project: project)
                let names = try byStack.strings(pair.name) ?? []
                for (index, suite) in names.enumerated() {
                    let node = pair.value.items?[index] ?? pair.value
                    try checkSuite(suite, at: node, reader: reader, declared: stack?.suites.map(\.name), owner: "stack \(pair.name)")
                }
                policy.suitesByStack[pair.name] = names
            }
        } else {
            policy.suites = try reader.strings("suites") ?? []
            for (index, suite) in policy.suites.enumerated() {
                let node = reader.node["suites"]?.items?[index] ?? reader.node["suites"]!
                try checkSuite(suite, at: node, reader: reader, declared: project?.suiteNames, owner: "any stack")
            }
        }
        policy.requireSigned = try reader.bool("require_signed") ?? false
        policy.soak = try reader.duration("soak")
        if let approvals = reader.child("approvals") {
            _ = try approvals.pairs("\"approvals\"")
            if let unknown = approvals.unknownKeys(allowed: ["count", "from", "not_author"], context: "\"approvals\"").first { throw unknown }
            let count = try approvals.int("count") ?? 1
            guard count >= 1 else {
                throw approvals.error("\"count\" must be at least 1 (remove \"approvals\" to require none)", at: approvals.node["count"]!)
            }
            let from = try approvals.strings("from") ?? []
            if !from.isEmpty, from.count < count {
                throw approvals.error("\(count) approvals required but only \(from.count) people may approve: lower \"count\" or add names to \"from\"",
                                      at: approvals.node["count"] ?? approvals.node)
            }
            policy.approvals = ApprovalPolicy(count: count, from: from, notAuthor: try approvals.bool("not_author") ?? false)
        }
        if let freezeNode = reader.node["freeze"], !freezeNode.isNull {
            let items = freezeNode.items ?? [freezeNode]
            for item in items {
                policy.freeze.append(try FreezeWindow.parse(MappingReader(file: reader.file, node: item, ruleID: ruleID)))
            }
        }
        return policy
    }

    @discardableResult
    private static func checkStack(_ name: String, at node: YAMLNode, reader: MappingReader,
                                   project: ProjectConfig?) throws(Diagnostic) -> Stack? {
        guard let project else { return nil }
        if let stack = project.stack(named: name) { return stack }
        let names = project.stacks.map(\.name)
        throw reader.error("unknown stack \"\(name)\"\(Suggestion.hint(for: name, in: names)): \(project.file) declares \(names.isEmpty ? "no stacks" : names.joined(separator: ", "))", at: node)
    }

    private static func checkSuite(_ name: String, at node: YAMLNode, reader: MappingReader, declared: [String]?,
                                   owner: String) throws(Diagnostic) {
        guard let declared, !declared.contains(name) else { return }
        throw reader.error("unknown suite \"\(name)\"\(Suggestion.hint(for: name, in: declared)): \(owner) declares \(declared.isEmpty ? "no suites" : declared.joined(separator: ", "))", at: node)
    }

    private static func parseVariables(_ reader: MappingReader) throws(Diagnostic) -> [(name: String, value: String)] {
        guard let variables = reader.child("variables") else { return [] }
        var result: [(name: String, value: String)] = []
        for pair in try variables.pairs("\"variables\"") {
            guard isVariableName(pair.name) else {
                throw variables.error("\"\(pair.name)\" is not a valid variable name: use letters, digits and '_', not starting with a digit", at: pair.key)
            }
            guard let value = pair.value.scalar, pair.value.pairs == nil else {
                throw variables.error("variable \"\(pair.name)\" must be a string, found \(pair.value.kindName)", at: pair.value)
            }
            result.append((pair.name, pair.value.isNull ? "" : value))
        }
        return result
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
    }

    private static func parseHold(_ reader: MappingReader) throws(Diagnostic) -> Hold {
        _ = try reader.pairs("\"hold\"")
        if let unknown = reader.unknownKeys(allowed: ["reason", "by", "at"], context: "\"hold\"").first { throw unknown }
        return Hold(reason: try reader.requiredString("reason", context: "\"hold\""),
                    by: try reader.string("by") ?? "unknown", at: try time("at", reader) ?? Date(timeIntervalSince1970: 0))
    }

    private static func parseDeployed(_ reader: MappingReader, project: ProjectConfig?) throws(Diagnostic) -> Deployment {
        _ = try reader.pairs("\"deployed\"")
        if let unknown = reader.unknownKeys(allowed: ["build", "at", "by", "stacks"], context: "\"deployed\" (written by shipgate promote)").first {
            throw unknown
        }
        let build = try objectID("build", reader, required: true)!
        guard let at = try time("at", reader) else {
            throw reader.error("\"deployed\" is missing \"at\": restore the block `shipgate promote` wrote", at: reader.node)
        }
        var stacks: [String: ObjectID] = [:]
        if let stacksReader = reader.child("stacks") {
            for pair in try stacksReader.pairs("\"deployed.stacks\"") {
                try checkStack(pair.name, at: pair.key, reader: reader, project: project)
                stacks[pair.name] = try objectID(pair.name, stacksReader, required: true)
            }
        }
        return Deployment(build: build, at: at, by: try reader.string("by") ?? "unknown", stacks: stacks)
    }

    private static func objectID(_ key: String, _ reader: MappingReader, required: Bool) throws(Diagnostic) -> ObjectID? {
        guard let text = try reader.string(key) else {
            if required { throw reader.error("\"\(key)\" is missing: it must be a full 40-digit commit id", at: reader.node) }
            return nil
        }
        guard let id = ObjectID(hex: text) else {
            throw reader.error("\"\(key)\" must be a full 40-digit commit id, found \"\(text)\"", at: reader.node[key]!)
        }
        return id
    }

    private static func time(_ key: String, _ reader: MappingReader) throws(Diagnostic) -> Date? {
        guard let text = try reader.string(key) else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw reader.error("\"\(key)\" must be an ISO 8601 time such as 2026-11-20T10:00:00Z, found \"\(text)\"", at: reader.node[key]!)
        }
        return date
    }
}
