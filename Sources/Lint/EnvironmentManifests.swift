import WorkflowModel

/// The parts of `environments/<name>.yml` the lint rules read (the Promotion module owns the full
/// format): which environments exist, the secrets each allows, whether it promotes from another.
struct EnvironmentManifest: Sendable {
    static let directory = "environments"

    var name: String
    var path: String
    /// `secrets:`; nil when the manifest cannot be read (rules then stay silent about it).
    var secrets: [String]?
    var promotesFrom: String?

    /// Every manifest of the repository, by file name; empty without an `environments/` folder.
    static func all(_ context: LintContext) -> [String: EnvironmentManifest] {
        context.memo.value(for: "environment-manifests") {
            var result: [String: EnvironmentManifest] = [:]
            for file in context.listDirectory(directory) {
                let name: String
                if file.hasSuffix(".yml") { name = String(file.dropLast(4)) } else if file.hasSuffix(".yaml") { name = String(file.dropLast(5)) } else { continue }
                let path = "\(directory)/\(file)"
                var manifest = EnvironmentManifest(name: name, path: path)
                if let text = context.readFile(path), let root = try? YAMLDocument.parse(text, file: path) {
                    manifest.secrets = root["secrets"].map { node in node.items?.compactMap(\.scalar) ?? node.scalar.map { [$0] } ?? [] } ?? []
                    manifest.promotesFrom = root["promotes_from"]?.scalar
                }
                result[name] = manifest
            }
            return result
        }
    }

    /// The environment a job deploys to: its manifest, when the name is literal and has one.
    static func of(_ job: Job, _ context: LintContext) -> EnvironmentManifest? {
        guard let name = job.environment?.name, !name.text.containsExpression else { return nil }
        return all(context)[name.text]
    }
}
