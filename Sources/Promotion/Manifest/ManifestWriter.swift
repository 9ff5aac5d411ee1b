import Foundation
import WorkflowModel

/// Rewrites the blocks shipgate owns (`deployed:`, `hold:`) in a manifest's text, keeping every
/// other byte — comments, order, quoting, line endings — exactly as people wrote it.
public enum ManifestWriter {
    /// `text` with the top-level block `key` replaced by `block` (lines without terminators), removed
    /// when `block` is nil, or inserted when absent: before the block `before` when present, else at the end.
    public static func replacingBlock(_ key: String, in text: String, with block: [String]?, before: String? = nil,
                                      file: String) throws(Diagnostic) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = splitKeepingTerminators(text)
        let root = try YAMLDocument.parse(text, file: file)
        let rendered = (block ?? []).map { $0 + newline }
        if let range = blockRange(key, root: root, lines: lines) {
            lines.replaceSubrange(range, with: rendered)
        } else if !rendered.isEmpty {
            if let last = lines.indices.last, !lines[last].hasSuffix("\n") { lines[last] += newline }
            let insertAt = before.flatMap { blockRange($0, root: root, lines: lines)?.lowerBound } ?? lines.count
            lines.insert(contentsOf: rendered, at: insertAt)
        }
        return lines.joined()
    }

    /// Lines `[start, end)` of the top-level block `key`: its key line and the indented lines after
    /// it (blank lines inside the block included, trailing blank and column-1 comment lines not).
    static func blockRange(_ key: String, root: YAMLNode?, lines: [String]) -> Range<Int>? {
        guard let pair = root?.pair(key), pair.key.position.column == 1 else { return nil }
        let start = pair.key.position.line - 1
        guard start < lines.count else { return nil }
        var end = start + 1
        var cursor = end
        while cursor < lines.count {
            let line = lines[cursor]
            if line.first == " " || line.first == "\t" {
                if !line.allSatisfy(\.isWhitespace) { end = cursor + 1 }
            } else if !line.allSatisfy(\.isWhitespace) {
                break
            }
            cursor += 1
        }
        return start..<end
    }

    static func splitKeepingTerminators(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The `deployed:` block as shipgate writes it.
    public static func deployedBlock(_ deployment: Deployment) -> [String] {
        var lines = [
            "deployed:  # written by `shipgate promote`, never by hand",
            "  build: \(deployment.build.hex)",
            "  at: \(Timestamp.format(deployment.at))",
            "  by: \(scalar(deployment.by))",
        ]
        if !deployment.stacks.isEmpty {
            lines.append("  stacks:")
            for (stack, build) in deployment.stacks.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(scalar(stack)): \(build.hex)")
            }
        }
        return lines
    }

    /// The `hold:` block as `shipgate env hold` writes it.
    public static func holdBlock(_ hold: Hold) -> [String] {
        ["hold:  # written by `shipgate env hold`; remove with `shipgate env release`",
         "  reason: \(scalar(hold.reason))",
         "  by: \(scalar(hold.by))",
         "  at: \(Timestamp.format(hold.at))"]
    }

    /// `text` as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "~"]
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._@/+- ".unicodeScalars.contains($0)) }
        if safe, let first = text.unicodeScalars.first, CharacterSet.letters.contains(first), text.last != " ",
           !reserved.contains(text.lowercased()) {
            return text
        }
        return YAMLQuoting.doubleQuoted(text)
    }
}
