import Foundation
import WorkflowModel

/// SARIF 2.1.0 for GitHub code scanning: every rule with its descriptions and default level,
/// results with stable rule ids and regions, paths relative to the source root.
public struct SARIFRenderer: FindingRenderer {
    public init() {}

    public func render(_ findings: [Diagnostic], context: RenderContext) -> String {
        var rules = context.rules
        for id in Set(findings.map(\.ruleID)).sorted() where !rules.contains(where: { $0.id == id }) {
            rules.append(RuleInfo(id: id, summary: id, rationale: id, severity: .error))
        }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let entries = rules.map { rule in
            RuleEntry(id: rule.id, name: Self.name(of: rule.id), shortDescription: Text(text: rule.summary),
                      fullDescription: Text(text: rule.rationale), help: Text(text: "\(rule.summary) \(rule.rationale)"),
                      defaultConfiguration: Configuration(level: Self.level(rule.severity)))
        }
        let results = findings.map { finding in
            Result(ruleId: finding.ruleID, ruleIndex: index[finding.ruleID] ?? 0, level: Self.level(finding.severity),
                   message: Text(text: finding.message),
                   locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: ArtifactLocation(uri: Self.uri(finding.file)),
                       region: Region(startLine: finding.line, startColumn: finding.column)))])
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: context.toolVersion, rules: entries)), results: results)])
        return encodeJSON(log) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// `unknown-key` → `UnknownKey`.
    static func name(of id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func uri(_ path: String) -> String {
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return String(relative).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String(relative)
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let columnKind = "unicodeCodePoints"
        let originalUriBaseIds = ["%SRCROOT%": BaseURI()]
    }
    struct BaseURI: Encodable { let description = Text(text: "The repository root") }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name = "shipgate"
        let informationUri = "https://github.com/shipgate/shipgate/blob/main/docs/rules.md"
        let version: String
        let rules: [RuleEntry]
    }
    struct RuleEntry: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: Text
        let defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { let level: String }
    struct Text: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
    }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }
    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId = "%SRCROOT%"
    }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }
}
