/// A scalar of the workflow with its position, its quoting and a way to locate any character of it
/// in the file (expressions inside `run:` scripts and quoted strings are reported where they are).
public struct StringValue: Sendable, CustomStringConvertible {
    public let text: String
    public let position: SourcePosition
    public let style: YAMLNode.ScalarStyle
    public let source: SourceText

    public init(text: String, position: SourcePosition, style: YAMLNode.ScalarStyle, source: SourceText) {
        self.text = text
        self.position = position
        self.style = style
        self.source = source
    }

    /// The scalar value of `node`, nil for mappings and sequences.
    public init?(_ node: YAMLNode, source: SourceText) {
        guard case .scalar(let text, let style) = node.value else { return nil }
        self.init(text: text, position: node.position, style: style, source: source)
    }

    public var description: String { text }

    /// Whether the value contains a `${{ }}` expression.
    public var hasExpression: Bool { text.containsExpression }

    /// Every `${{` in the text with its index in `text` and its position in the file.
    public var expressionOpenings: [(index: String.Index, position: SourcePosition)] {
        var result: [(String.Index, SourcePosition)] = []
        var searchFrom = text.startIndex
        while let range = text[searchFrom...].range(of: "${{") {
            result.append((range.lowerBound, position(of: range.lowerBound)))
            searchFrom = range.upperBound
        }
        return result
    }

    /// The file position of the character at `index` of `text`.
    ///
    /// Literal block scalars (`run: |`) map line for line after the indicator; single-line plain
    /// and quoted scalars map column for column; other multi-line forms are located by searching
    /// the source for the text at `index`.
    public func position(of index: String.Index) -> SourcePosition {
        let (lineInText, column) = lineAndColumn(before: index)
        switch style {
        case .literal:
            let first = position.line + 1
            let indent = blockIndent(startingAt: first)
            return SourcePosition(line: first + lineInText, column: indent + 1 + column)
        case .plain, .singleQuoted, .doubleQuoted:
            if !text.contains("\n"), isOnOneLine {
                return SourcePosition(line: position.line, column: position.column + (style == .plain ? 0 : 1) + column)
            }
            return searchedPosition(of: index) ?? position
        case .folded:
            return searchedPosition(of: index) ?? position
        }
    }

    /// Newlines before `index`, and Unicode scalars between the last of them and `index`.
    private func lineAndColumn(before index: String.Index) -> (line: Int, column: Int) {
        var line = 0, column = 0
        let utf8 = text.utf8
        guard index == utf8.endIndex || utf8[index] & 0xC0 != 0x80 else {
            for scalar in text.unicodeScalars[text.startIndex..<index] {
                if scalar == "\n" { line += 1; column = 0 } else { column += 1 }
            }
            return (line, column)
        }
        // Counted on the bytes: each scalar has exactly one byte that is not a continuation byte.
        for byte in utf8[utf8.startIndex..<index] {
            if byte == 0x0A { line += 1; column = 0 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private var isOnOneLine: Bool {
        guard let line = source.line(position.line) else { return false }
        let rest = line.unicodeScalars.dropFirst(position.column - 1)
        return String(String.UnicodeScalarView(rest)).contains(text.prefix(40))
    }

    private func blockIndent(startingAt line: Int) -> Int {
        var number = line
        while let text = source.line(number) {
            let indent = text.prefix { $0 == " " }.count
            if indent < text.count { return indent }
            number += 1
        }
        return position.column
    }

    /// Finds the text at `index` in the source: the n-th occurrence (n as in `text`) of the rest
    /// of its line, else of the fragment up to the first `}}`, else of its first three characters
    /// (folding joins lines, so a long fragment may not exist as such in the file).
    private func searchedPosition(of index: String.Index) -> SourcePosition? {
        let line = text[index...].prefix { $0 != "\n" }
        var fragments = [String(line.prefix(30))]
        if let close = line.range(of: "}}") { fragments.append(String(line[..<close.upperBound])) }
        fragments.append(String(line.prefix(3)))
        for fragment in fragments where !fragment.isEmpty {
            if let found = search(fragment, before: index) { return found }
        }
        return nil
    }

    private func search(_ fragment: String, before index: String.Index) -> SourcePosition? {
        var occurrence = 0, from = text.startIndex
        while let range = text[from...].range(of: fragment), range.lowerBound < index {
            occurrence += 1
            from = range.upperBound
        }
        var number = position.line
        while let line = source.line(number) {
            var start = line.startIndex
            if number == position.line { start = line.unicodeScalars.index(line.startIndex, offsetBy: min(position.column - 1, line.unicodeScalars.count)) }
            while let range = line[start...].range(of: fragment) {
                if occurrence == 0 {
                    return SourcePosition(line: number, column: line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1)
                }
                occurrence -= 1
                start = range.upperBound
            }
            number += 1
        }
        return nil
    }
}

/// A mapping entry whose key is a string: `env`, `with`, `outputs`, `services`, matrix axes.
public struct KeyValue: Sendable {
    public let key: StringValue
    public let value: YAMLNode
    /// The value when it is a scalar.
    public let string: StringValue?

    public init(key: StringValue, value: YAMLNode, source: SourceText) {
        self.key = key
        self.value = value
        self.string = StringValue(value, source: source)
    }
}
