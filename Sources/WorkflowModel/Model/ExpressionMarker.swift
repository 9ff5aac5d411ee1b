extension String {
    /// Whether the text contains `${{` (a byte scan over the UTF-8 storage, no Foundation).
    public var containsExpression: Bool { containsBytes(of: "${{") }

    /// Whether `needle` occurs in the text, comparing UTF-8 bytes (no Foundation, no locale).
    public func containsBytes(of needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var offset = 1
                    while offset < pattern.count && bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(scan) { return found }
        return Array(utf8).withUnsafeBufferPointer(scan)
    }
}

extension Substring {
    /// Whether the text contains `${{`.
    public var containsExpression: Bool { String(self).containsExpression }
}
