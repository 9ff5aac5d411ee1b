import Foundation
import Yams

/// Parses YAML text into a positioned `YAMLNode` tree; every problem is a `Diagnostic`, never a crash.
public enum YAMLDocument {
    /// Rule id of YAML syntax problems.
    public static let syntaxRuleID = "syntax"

    /// Most nodes a document may expand to (aliases included): bounds alias bombs.
    public static let defaultNodeBudget = 2_000_000
    /// Deepest nesting accepted; deeper documents are refused before parsing.
    public static let maximumDepth = 500

    /// Parses the first document of `text`. An empty document is `nil`.
    /// A leading UTF-8 byte-order mark (editors on Windows write one) is skipped.
    public static func parse(_ text: String, file: String, nodeBudget: Int = defaultNodeBudget) throws(Diagnostic) -> YAMLNode? {
        if text.unicodeScalars.first == "\u{FEFF}" {
            return try parse(String(text.unicodeScalars.dropFirst()), file: file, nodeBudget: nodeBudget)
        }
        if case .document(let root) = YAMLEventReader.read(text, nodeBudget: nodeBudget) {
            return root
        }
        return try parseWithYams(text, file: file, nodeBudget: nodeBudget)
    }

    /// The reference parse through Yams, with its diagnostics.
    static func parseWithYams(_ text: String, file: String, nodeBudget: Int = defaultNodeBudget) throws(Diagnostic) -> YAMLNode? {
        if let position = firstNUL(in: text) {
            throw Diagnostic(file: file, position: position, ruleID: syntaxRuleID,
                             message: "the file contains a NUL byte: YAML text cannot, remove it")
        }
        if let position = excessiveNesting(in: text) {
            throw Diagnostic(file: file, position: position, ruleID: syntaxRuleID,
                             message: "nesting deeper than \(maximumDepth) levels: flatten the document")
        }
        let root: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw diagnostic(for: error, text: text, file: file)
        } catch {
            throw Diagnostic(file: file, position: SourcePosition(line: 1, column: 1), ruleID: syntaxRuleID,
                             message: "cannot parse YAML: \(error)")
        }
        guard let root else { return nil }
        var budget = nodeBudget
        return try convert(root, budget: &budget, file: file)
    }

    /// Reads and parses a file; unreadable files and invalid UTF-8 are diagnostics at 1:1.
    public static func load(path: String, displayPath: String? = nil) throws(Diagnostic) -> YAMLNode? {
        let name = displayPath ?? path
        return try parse(readText(path: path, displayPath: name), file: name)
    }

    /// The file's text; a directory, an unreadable file or invalid UTF-8 is a diagnostic at 1:1.
    public static func readText(path: String, displayPath: String? = nil) throws(Diagnostic) -> String {
        let name = displayPath ?? path
        let start = SourcePosition(line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Diagnostic(file: name, position: start, ruleID: syntaxRuleID, message: "no such file: check the path")
            }
            if isDirectory.boolValue {
                throw Diagnostic(file: name, position: start, ruleID: syntaxRuleID, message: "is a directory, not a YAML file: give a file path")
            }
            throw Diagnostic(file: name, position: start, ruleID: syntaxRuleID, message: "cannot read the file: check its permissions")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = data.prefix(while: { _ in true }).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
            throw Diagnostic(file: name, position: SourcePosition(line: line + 1, column: 1), ruleID: syntaxRuleID,
                             message: "the file is not valid UTF-8: save it as UTF-8")
        }
        return text
    }

    private static func convert(_ node: Node, budget: inout Int, file: String) throws(Diagnostic) -> YAMLNode {
        budget -= 1
        let position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? SourcePosition(line: 1, column: 1)
        if budget < 0 {
            throw Diagnostic(file: file, position: position, ruleID: syntaxRuleID,
                             message: "the document expands to more than \(defaultNodeBudget) nodes (an alias bomb?): remove the nested aliases")
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, style(scalar.style)), at: position)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                pairs.append(YAMLPair(key: try convert(key, budget: &budget, file: file),
                                      value: try convert(value, budget: &budget, file: file)))
            }
            return YAMLNode(.mapping(pairs), at: position)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, budget: &budget, file: file)) }
            return YAMLNode(.sequence(items), at: position)
        case .alias:
            throw Diagnostic(file: file, position: position, ruleID: syntaxRuleID, message: "unresolved alias")
        }
    }

    private static func style(_ style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        default: return .plain
        }
    }

    private static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(file: file, position: SourcePosition(line: max(mark.line, 1), column: max(mark.column, 1)),
                       ruleID: syntaxRuleID, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return at(mark, "invalid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let position = duplicatePosition(of: key, after: context.mark, in: text)
                ?? SourcePosition(line: context.mark.line, column: context.mark.column)
            return Diagnostic(file: file, position: position, ruleID: syntaxRuleID,
                              message: "key \"\(key)\" is repeated in this mapping (first at line \(context.mark.line)): remove or rename one")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { text.utf8.prefix($0).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } } ?? 1
            return Diagnostic(file: file, position: SourcePosition(line: line, column: 1), ruleID: syntaxRuleID,
                              message: "cannot read YAML: \(problem)")
        default:
            return Diagnostic(file: file, position: SourcePosition(line: 1, column: 1), ruleID: syntaxRuleID,
                              message: "cannot parse YAML: \(error)")
        }
    }

    /// Finds the second occurrence of `key:` at the first occurrence's column.
    private static func duplicatePosition(of key: String, after first: Mark, in text: String) -> SourcePosition? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > first.line else { continue }
            let scalars = Array(line.unicodeScalars)
            let indent = first.column - 1
            guard scalars.count > indent else { continue }
            let rest = String(String.UnicodeScalarView(scalars[indent...]))
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate + ":") {
                if scalars[..<indent].allSatisfy({ $0 == " " || $0 == "-" }) {
                    return SourcePosition(line: lineNumber, column: first.column)
                }
            }
        }
        return nil
    }

    private static func firstNUL(in text: String) -> SourcePosition? {
        guard text.utf8.contains(0) else { return nil }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\0" { return SourcePosition(line: line, column: column) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// Flow brackets or block indentation nested deeper than `maximumDepth`.
    static func excessiveNesting(in text: String) -> SourcePosition? {
        text.utf8.withContiguousStorageIfAvailable(excessiveNesting) ?? Array(text.utf8).withUnsafeBufferPointer(excessiveNesting)
    }

    private static func excessiveNesting(in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition? {
        var depth = 0, line = 1, column = 0
        var indentRun = 0, atLineStart = true
        for byte in bytes {
            column += 1
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1; column = 0; atLineStart = true; indentRun = 0
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return SourcePosition(line: line, column: column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default: break
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indentRun += 1
                    if indentRun > maximumDepth * 4 { return SourcePosition(line: line, column: column) }
                } else {
                    atLineStart = false
                }
            }
        }
        return nil
    }
}
