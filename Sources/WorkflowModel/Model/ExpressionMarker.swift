extension String {
    /// Whether the text contains `${{` (a byte scan over the UTF-8 storage, no Foundation).
    public var containsExpression: Bool {
        if let found = utf8.withContiguousStorageIfAvailable(Self.scan) { return found }
        return Self.scan(Array(utf8).withUnsafeBufferPointer { $0 })
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        var index = 0
        while index < bytes.count - 2 {
            if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{"), bytes[index + 2] == UInt8(ascii: "{") { return true }
            index += 1
        }
        return false
    }
}

extension Substring {
    /// Whether the text contains `${{`.
    public var containsExpression: Bool { String(self).containsExpression }
}
