import Foundation
import WorkflowModel

/// A JSON array of findings: `{file, line, column, rule, severity, message}`, keys sorted.
public struct JSONRenderer: FindingRenderer {
    public init() {}

    struct Item: Encodable {
        let file: String
        let line: Int
        let column: Int
        let rule: String
        let severity: String
        let message: String
    }

    public func render(_ findings: [Diagnostic], context: RenderContext) -> String {
        let items = findings.map {
            Item(file: $0.file, line: $0.line, column: $0.column, rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message)
        }
        return encodeJSON(items) + "\n"
    }
}

/// Stable, human-diffable JSON: pretty-printed, sorted keys, unescaped slashes.
func encodeJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
}
