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
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> [Int] in
            var starts = [0]
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
            return starts
        }
        lineStarts = text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
        let marker = Array("shipgate-disable-line".utf8)
        let find = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.count >= marker.count else { return false }
            for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
                if marker.indices.allSatisfy({ bytes[start + $0] == marker[$0] }) { return true }
            }
            return false
        }
        mentionsSuppression = text.utf8.withContiguousStorageIfAvailable(find) ?? Array(text.utf8).withUnsafeBufferPointer(find)
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
