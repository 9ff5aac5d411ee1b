/// Maps an offset inside a YAML scalar's value back to the line and column of the source, so a
/// problem inside a string (an expression in a `run:` script, a quoted value, a folded block)
/// points at the exact character.
public struct ScalarLocator: Sendable {
    private let lines: [[Unicode.Scalar]]

    public init(text: String) {
        var lines: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lines.append([]) } else { lines[lines.count - 1].append(scalar) }
        }
        self.lines = lines
    }

    /// The source position of the character at UTF-8 `offset` of `node`'s value.
    public func position(ofUTF8Offset offset: Int, in node: YAMLNode) -> SourcePosition {
        guard case .scalar(let value, let style) = node.value else { return node.position }
        let target = value.utf8.prefix(max(0, offset)).reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        switch style {
        case .literal, .folded: return block(target: target, node: node, value: value, folded: style == .folded)
        case .plain, .singleQuoted, .doubleQuoted: return flow(target: target, node: node, style: style)
        }
    }

    private func line(_ number: Int) -> [Unicode.Scalar]? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    private func block(target: Int, node: YAMLNode, value: String, folded: Bool) -> SourcePosition {
        let header = node.position.line
        var indent: Int?
        var number = header + 1
        while indent == nil, let text = line(number) {
            if text.contains(where: { $0 != " " }) { indent = text.prefix(while: { $0 == " " }).count }
            number += 1
        }
        guard let indent else { return node.position }
        var consumed = 0
        number = header + 1
        var previousBlank = false
        while let text = line(number) {
            let blank = !text.contains(where: { $0 != " " })
            let length = blank ? 0 : text.count - indent
            if !blank, target < consumed + length || line(number + 1) == nil {
                return SourcePosition(line: number, column: indent + 1 + min(target - consumed, max(length, 0)))
            }
            if folded {
                consumed += blank ? 1 : length + (previousBlank ? 0 : 1)
                if blank && !previousBlank { consumed -= 1 }
            } else {
                consumed += length + 1
            }
            previousBlank = blank
            number += 1
        }
        return node.position
    }

    private func flow(target: Int, node: YAMLNode, style: YAMLNode.ScalarStyle) -> SourcePosition {
        var number = node.position.line
        var column = node.position.column - 1
        guard var text = line(number) else { return node.position }
        if style != .plain { column += 1 }
        var consumed = 0
        while true {
            if column >= text.count {
                guard let next = line(number + 1) else { return SourcePosition(line: number, column: column + 1) }
                number += 1
                text = next
                column = text.prefix(while: { $0 == " " || $0 == "\t" }).count
                consumed += 1
                continue
            }
            if consumed >= target { return SourcePosition(line: number, column: column + 1) }
            let scalar = text[column]
            if style == .singleQuoted, scalar == "'" {
                column += 2
            } else if style == .doubleQuoted, scalar == "\\", column + 1 < text.count {
                switch text[column + 1] {
                case "x": column += 4
                case "u": column += 6
                case "U": column += 10
                default: column += 2
                }
            } else {
                column += 1
            }
            consumed += 1
        }
    }
}
