import Foundation
import WorkflowModel

/// The `variables:` mapping of `environments/<name>.yml`, the variables suites see under `--env`.
/// Only that key is read here; the rest of the manifest belongs to the promotion module.
public enum EnvironmentVariables {
    /// The variables of environment `name`; a missing manifest is a `UsageError` listing those present.
    public static func load(environment name: String, repositoryRoot: String) throws -> [String: String] {
        let folder = (repositoryRoot as NSString).appendingPathComponent("environments")
        let display = "environments/\(name).yml"
        let path = (folder as NSString).appendingPathComponent("\(name).yml")
        guard !name.contains("/"), FileManager.default.fileExists(atPath: path) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
            throw UsageError("no environment manifest \(display)\(Suggestion.hint(for: name, in: known))",
                             hint: known.isEmpty ? "create environments/\(name).yml" : "known environments: \(known.joined(separator: ", "))")
        }
        guard let root = try YAMLDocument.load(path: path, displayPath: display), let node = root["variables"], !node.isNull else {
            return [:]
        }
        let reader = MappingReader(file: display, node: node)
        var variables: [String: String] = [:]
        for pair in try reader.pairs("\"variables\"") {
            guard let value = pair.value.scalar else {
                throw reader.error("variable \"\(pair.name)\" must be a string, found \(pair.value.kindName)", at: pair.value)
            }
            guard !pair.name.isEmpty, !pair.name.contains("="), !pair.name.contains("\0") else {
                throw reader.error("\"\(pair.name)\" is not a valid environment variable name", at: pair.key)
            }
            variables[pair.name] = value
        }
        return variables
    }
}
