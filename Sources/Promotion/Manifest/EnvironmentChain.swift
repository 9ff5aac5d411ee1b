import Foundation
import GitKit
import Stacks
import WorkflowModel

/// Every environment of the repository, in promotion order (root first): exactly one root, each
/// other environment promoting from an existing one, no two from the same, no cycle.
public struct EnvironmentChain: Sendable {
    public static let directory = "environments"

    /// Root first, then each environment after the one it promotes from.
    public var environments: [Environment]

    /// Validates `environments` (in any order) into a chain.
    public init(validating environments: [Environment]) throws(Diagnostic) {
        guard !environments.isEmpty else {
            throw Diagnostic(file: EnvironmentChain.directory, position: SourcePosition(line: 1, column: 1), ruleID: ManifestParser.ruleID,
                             message: "no environment manifests: create \(EnvironmentChain.directory)/development.yml (see docs/promotion.md)")
        }
        let names = environments.map(\.name)
        func error(_ environment: Environment, key: String, _ message: String) -> Diagnostic {
            Diagnostic(file: environment.path, position: environment.position(of: key), ruleID: ManifestParser.ruleID, message: message)
        }
        for environment in environments {
            if let source = environment.promotesFrom, !names.contains(source) {
                throw error(environment, key: "promotes_from",
                            "\(environment.name) promotes from \"\(source)\", which has no manifest\(Suggestion.hint(for: source, in: names)): environments are \(names.joined(separator: ", "))")
            }
        }
        let roots = environments.filter(\.isRoot)
        if roots.count > 1 {
            let list = roots.map(\.name).joined(separator: ", ")
            throw error(roots[1], key: "branch", "\(roots.count) environments have no promotes_from (\(list)): the chain needs exactly one root — give \(roots[1].name) a promotes_from")
        }
        var children: [String: Environment] = [:]
        for environment in environments {
            guard let source = environment.promotesFrom else { continue }
            if let other = children[source] {
                throw error(environment, key: "promotes_from",
                            "both \(other.name) and \(environment.name) promote from \(source): the chain must be linear, make one promote from the other")
            }
            children[source] = environment
        }
        var ordered: [Environment] = []
        var next = roots.first
        while let current = next {
            ordered.append(current)
            next = children[current.name]
        }
        if ordered.count < environments.count {
            let looped = environments.filter { environment in !ordered.contains { $0.name == environment.name } }
                .sorted { $0.name < $1.name }
            let start = looped[0]
            var cycle = [start.name]
            var cursor = start.promotesFrom
            while let name = cursor, name != start.name, cycle.count <= looped.count {
                cycle.append(name)
                cursor = looped.first { $0.name == name }?.promotesFrom
            }
            throw error(start, key: "promotes_from",
                        "promotion cycle: \((cycle + [start.name]).joined(separator: " <- ")): one environment must be the root, with no promotes_from")
        }
        self.environments = ordered
    }

    /// Reads and validates every `environments/*.yml` in the tree of commit `id`.
    public static func load(from repository: Repository, at id: ObjectID, project: ProjectConfig?) throws -> EnvironmentChain {
        var environments: [Environment] = []
        for file in try repository.fileNames(at: id, directory: directory) where file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
            let path = "\(directory)/\(file)"
            let data = try repository.fileContent(at: id, path: path) ?? Data()
            guard let text = String(validating: data, as: UTF8.self) else {
                throw Diagnostic(file: path, position: SourcePosition(line: 1, column: 1), ruleID: YAMLDocument.syntaxRuleID,
                                 message: "the file is not valid UTF-8: save it as UTF-8")
            }
            environments.append(try ManifestParser.parse(text, path: path, project: project))
        }
        return try EnvironmentChain(validating: environments)
    }

    public var root: Environment { environments[0] }

    /// The environment called `name`; a usage error with "did you mean" when there is none.
    public func environment(named name: String) throws -> Environment {
        if let found = environments.first(where: { $0.name == name }) { return found }
        let names = environments.map(\.name)
        throw UsageError("no environment \"\(name)\"\(Suggestion.hint(for: name, in: names))",
                         hint: "environments are \(names.joined(separator: ", ")) (files under \(EnvironmentChain.directory)/)")
    }

    /// The environment `name` promotes from, nil for the root.
    public func source(of environment: Environment) -> Environment? {
        environment.promotesFrom.flatMap { name in environments.first { $0.name == name } }
    }
}
