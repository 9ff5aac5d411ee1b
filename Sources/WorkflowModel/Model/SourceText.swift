/// The text of a parsed file split into lines, shared by every value of the model so a position
/// inside a string (an expression in a `run:` script) can be mapped back to the file.
public final class SourceText: Sendable {
    public let file: String
    /// Lines without their terminators; `lines[0]` is line 1.
    public let lines: [Substring]

    public init(file: String, text: String) {
        self.file = file
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].last == "\r" { lines[index].removeLast() }
        self.lines = lines
    }

    /// The text of a 1-based line, nil outside the file.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// Whether `line` carries `# shipgate-disable-line` naming `ruleID` (or no rule at all).
    public func isSuppressed(line number: Int, ruleID: String) -> Bool {
        guard let line = line(number), let marker = line.range(of: "# shipgate-disable-line") else { return false }
        let names = line[marker.upperBound...].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        return names.isEmpty || names.contains { $0 == ruleID }
    }
}
