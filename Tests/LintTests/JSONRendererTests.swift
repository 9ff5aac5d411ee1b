import Foundation
import Testing
import Report
import WorkflowModel

/// The JSON renderer writes its text by hand; it must print exactly what `JSONEncoder`
/// (pretty-printed, sorted keys, slashes unescaped) prints for the same findings.
@Suite struct JSONRendererTests {
    struct Item: Encodable {
        let file: String
        let line: Int
        let column: Int
        let rule: String
        let severity: String
        let message: String
    }

    static func encoded(_ findings: [Diagnostic]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let items = findings.map {
            Item(file: $0.file, line: $0.line, column: $0.column, rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message)
        }
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }

    @Test func matchesJSONEncoderForEveryASCIICharacterAndUnicode() throws {
        var text = ""
        for value in UInt8(0)...UInt8(127) { text.unicodeScalars.append(Unicode.Scalar(value)) }
        text += "é 😀 \u{2028}\u{2029}\u{FEFF} a/b \\ \"q\""
        let findings = [
            Diagnostic(file: "dir/a \"b\".yml", position: SourcePosition(line: 12, column: 3), ruleID: "expression", message: text),
            Diagnostic(file: "x.yml", position: SourcePosition(line: 1, column: 100), ruleID: "syntax", severity: .warning, message: "tab\there"),
        ]
        #expect(JSONRenderer().render(findings, context: RenderContext()) == (try Self.encoded(findings)))
    }

    @Test func matchesJSONEncoderForNoFindings() throws {
        #expect(JSONRenderer().render([], context: RenderContext()) == (try Self.encoded([])))
    }
}
