#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the text contains `${{` (a byte scan over the UTF-8 storage, no Foundation).
    public var containsExpression: Bool { containsBytes(of: "${{") }

    /// Whether `needle` occurs in the text, comparing UTF-8 bytes (no Foundation, no locale).
    public func containsBytes(of needle: String) -> Bool {
        var text = self, needle = needle
        return needle.withUTF8 { pattern in
            text.withUTF8 { bytes in Self.find(pattern, in: bytes) != nil }
        }
    }

    /// The offset of the first occurrence of `pattern` in `bytes` (`memchr` for its first byte,
    /// then a compare), nil when absent.
    public static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let patternStart = pattern.baseAddress, !pattern.isEmpty else { return 0 }
        guard let start = bytes.baseAddress, bytes.count >= pattern.count else { return nil }
        let last = bytes.count - pattern.count
        var offset = 0
        while offset <= last, let hit = memchr(start + offset, Int32(pattern[0]), last - offset + 1) {
            let at = UnsafeRawPointer(start).distance(to: UnsafeRawPointer(hit))
            if memcmp(start + at, patternStart, pattern.count) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}

extension Substring {
    /// Whether the text contains `${{`.
    public var containsExpression: Bool { String(self).containsExpression }
}
