import Foundation
import WorkflowModel

/// The `lint:` section of `shipgate.yml`: `lint: { disable: [rule-id, …], allow_unpinned: [owner, …] }`.
/// Other top-level keys belong to other modules and are ignored here.
public struct LintConfig: Sendable, Equatable {
    public var disabled: [String]
    /// Owners (`actions`) or repositories (`docker/login-action`) whose actions may be referenced
    /// by tag or branch. Empty by default: every `uses:` pinned to a commit, like zizmor's default
    /// policy since 1.20.
    public var allowUnpinned: [String]

    public init(disabled: [String] = [], allowUnpinned: [String] = []) {
        self.disabled = disabled
        self.allowUnpinned = allowUnpinned
    }

    /// Whether `name` (`owner/repo[/path]`, lowercased) is covered by `allow_unpinned`.
    public func allowsUnpinned(_ name: String) -> Bool {
        allowUnpinned.contains { entry in
            let entry = entry.lowercased()
            return name == entry || name.hasPrefix(entry + "/")
        }
    }

    public static let fileName = "shipgate.yml"

    /// Reads `shipgate.yml` at the repository root; no file means no configuration.
    public static func load(repositoryRoot: String) throws(Diagnostic) -> LintConfig {
        let path = (repositoryRoot as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return LintConfig() }
        guard let root = try YAMLDocument.load(path: path, displayPath: fileName) else { return LintConfig() }
        return try parse(root, file: fileName)
    }

    /// Reads the `lint` key of a parsed `shipgate.yml`; unknown rule ids are errors.
    public static func parse(_ root: YAMLNode, file: String) throws(Diagnostic) -> LintConfig {
        guard root.pairs != nil, let lint = MappingReader(file: file, node: root).child("lint") else { return LintConfig() }
        _ = try lint.pairs("\"lint\"")
        if let unknown = lint.unknownKeys(allowed: ["disable", "allow_unpinned"], context: "\"lint\"").first { throw unknown }
        let ids = try lint.strings("disable") ?? []
        let known = RuleRegistry.ids
        for (index, id) in ids.enumerated() where !known.contains(id) {
            let node = lint.node["disable"]?.items?[index] ?? lint.node
            throw lint.error("unknown rule \"\(id)\" in lint.disable\(Suggestion.hint(for: id, in: known)); `shipgate rules` lists them", at: node)
        }
        let allowed = try lint.strings("allow_unpinned") ?? []
        for (index, entry) in allowed.enumerated() {
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            if parts.isEmpty || parts.count > 2 || parts.contains(where: \.isEmpty) || entry.contains("@") {
                let node = lint.node["allow_unpinned"]?.items?[index] ?? lint.node
                throw lint.error("\"\(entry)\" in lint.allow_unpinned is not an owner (actions) or a repository (docker/login-action)", at: node)
            }
        }
        return LintConfig(disabled: ids, allowUnpinned: allowed)
    }
}
