import Foundation
import WorkflowModel

/// A JSON array of findings: `{file, line, column, rule, severity, message}`, keys sorted.
public struct JSONRenderer: FindingRenderer {
    public init() {}

    public func render(_ findings: [Diagnostic], context: RenderContext) -> String {
        guard !findings.isEmpty else { return "[\n\n]\n" }
        var out: [UInt8] = []
        out.reserveCapacity(findings.count * 256)
        out.append(contentsOf: "[\n".utf8)
        for (index, finding) in findings.enumerated() {
            out.append(contentsOf: "  {\n    \"column\" : ".utf8)
            out.append(contentsOf: String(finding.column).utf8)
            out.append(contentsOf: ",\n    \"file\" : ".utf8)
            JSONText.appendString(finding.file, to: &out)
            out.append(contentsOf: ",\n    \"line\" : ".utf8)
            out.append(contentsOf: String(finding.line).utf8)
            out.append(contentsOf: ",\n    \"message\" : ".utf8)
            JSONText.appendString(finding.message, to: &out)
            out.append(contentsOf: ",\n    \"rule\" : ".utf8)
            JSONText.appendString(finding.ruleID, to: &out)
            out.append(contentsOf: ",\n    \"severity\" : ".utf8)
            JSONText.appendString(finding.severity.rawValue, to: &out)
            out.append(contentsOf: (index + 1 < findings.count ? "\n  },\n" : "\n  }\n").utf8)
        }
        out.append(contentsOf: "]\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}

/// JSON text written directly, byte for byte what `encodeJSON` prints for the same values (the
/// findings array of a large run is written ~10× faster than through `JSONEncoder`).
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string literal, escaped as `JSONEncoder` escapes it (slashes kept).
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                runStart = offset + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0..<0x20: out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: out.append(byte)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Stable, human-diffable JSON: pretty-printed, sorted keys, unescaped slashes.
func encodeJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
}
