import Foundation
import WorkflowModel

/// The `lint:` section of `shipgate.yml`: `lint: { disable: [rule-id, …] }`. Other top-level keys
/// belong to other modules and are ignored here.
public struct LintConfig: Sendable, Equatable {
    public var disabled: [String]

    public init(disabled: [String] = []) {
        self.disabled = disabled
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
        if let unknown = lint.unknownKeys(allowed: ["disable"], context: "\"lint\"").first { throw unknown }
        let ids = try lint.strings("disable") ?? []
        let known = RuleRegistry.ids
        for (index, id) in ids.enumerated() where !known.contains(id) {
            let node = lint.node["disable"]?.items?[index] ?? lint.node
            throw lint.error("unknown rule \"\(id)\" in lint.disable\(Suggestion.hint(for: id, in: known)); `shipgate rules` lists them", at: node)
        }
        return LintConfig(disabled: ids)
    }
}
