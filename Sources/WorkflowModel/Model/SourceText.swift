#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a parsed file split into lines, shared by every value of the model so a position
/// inside a string (an expression in a `run:` script) can be mapped back to the file.
public final class SourceText: Sendable {
    public let file: String
    public let text: String
    /// UTF-8 offset where each line starts; `lineStarts[0]` is line 1.
    private let lineStarts: [Int]
    /// Whether `shipgate-disable-line` occurs anywhere (most files have no suppression at all).
    private let mentionsSuppression: Bool

    public init(file: String, text: String) {
        self.file = file
        self.text = text
        var text = text
        var marker = "shipgate-disable-line"
        (lineStarts, mentionsSuppression) = text.withUTF8 { bytes in
            var starts = [0]
            if let base = bytes.baseAddress {
                var offset = 0
                while offset < bytes.count, let newline = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
                    offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline)) + 1
                    starts.append(offset)
                }
            }
            return (starts, marker.withUTF8 { String.find($0, in: bytes) != nil })
        }
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its terminator, nil outside the file.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1 && number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// Whether `line` carries `# shipgate-disable-line` naming `ruleID` (or no rule at all).
    public func isSuppressed(line number: Int, ruleID: String) -> Bool {
        guard mentionsSuppression, let line = line(number), let marker = line.range(of: "# shipgate-disable-line") else { return false }
        let names = line[marker.upperBound...].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        return names.isEmpty || names.contains { $0 == ruleID }
    }
}
