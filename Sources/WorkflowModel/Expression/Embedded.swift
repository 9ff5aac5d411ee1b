/// One `${{ … }}` found in a string.
public struct EmbeddedExpression: Sendable {
    /// UTF-8 offset of `${{` in the string.
    public var start: Int
    /// UTF-8 offset of the text after `${{` (where the expression's own offsets start).
    public var innerStart: Int
    /// The text between `${{` and `}}`.
    public var text: String
    /// False when the string ends before `}}`.
    public var isClosed: Bool
}

/// Finding `${{ }}` in strings.
public enum EmbeddedExpressions {
    /// Every `${{ … }}` of `text`, in order. `}}` inside a quoted string does not close one.
    public static func find(in text: String) -> [EmbeddedExpression] {
        let bytes = text.utf8
        guard bytes.count >= 3 else { return [] }
        var result: [EmbeddedExpression] = []
        var index = bytes.startIndex
        var offset = 0
        let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), quote = UInt8(ascii: "'")
        var array: [UInt8] = []
        while index != bytes.endIndex {
            if bytes[index] == dollar {
                if array.isEmpty { array = Array(bytes) }
                if offset + 2 < array.count, array[offset + 1] == open, array[offset + 2] == open {
                    let inner = offset + 3
                    var cursor = inner
                    var inString = false
                    var closed = false
                    while cursor < array.count {
                        let byte = array[cursor]
                        if byte == quote { inString.toggle() }
                        else if !inString, byte == close, cursor + 1 < array.count, array[cursor + 1] == close { closed = true; break }
                        cursor += 1
                    }
                    result.append(EmbeddedExpression(start: offset, innerStart: inner,
                                                     text: String(decoding: array[inner..<cursor], as: UTF8.self), isClosed: closed))
                    let next = closed ? cursor + 2 : array.count
                    index = bytes.index(index, offsetBy: next - offset)
                    offset = next
                    continue
                }
            }
            index = bytes.index(after: index)
            offset += 1
        }
        return result
    }

    /// Whether the string contains `${{` at all (fast path for the common case).
    public static func mayContain(_ text: String) -> Bool {
        text.containsExpression
    }
}
