/// Path patterns of `shipgate.yml`: a plain path is a prefix (a folder and everything under it, or
/// one file); a pattern with `*`, `?` or `[…]` is a glob where `*` stays inside one segment and
/// `**` spans any number of segments. A glob matches a path when it matches the path or one of its
/// parent folders.
public struct PathPattern: Sendable, Equatable {
    public let text: String
    private let segments: [Substring]
    private let isGlob: Bool

    public init(_ text: String) {
        var trimmed = text
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.text = trimmed
        segments = trimmed.split(separator: "/")
        isGlob = segments.contains { Glob.hasMagic($0) }
    }

    /// True when a change to `path` (relative to the repository root) falls under this pattern.
    public func matches(_ path: String) -> Bool {
        if text == "." || text.isEmpty { return true }
        if !isGlob {
            let prefix = text.utf8, full = path.utf8
            guard full.starts(with: prefix) else { return false }
            return full.count == prefix.count || full[full.index(full.startIndex, offsetBy: prefix.count)] == UInt8(ascii: "/")
        }
        let parts = path.split(separator: "/")
        return Glob.matchPrefix(segments[...], parts[...])
    }
}

enum Glob {
    static func hasMagic(_ segment: Substring) -> Bool {
        segment.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// True when `pattern` matches `parts` or a leading run of them (a parent folder).
    static func matchPrefix(_ pattern: ArraySlice<Substring>, _ parts: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return true }
        if first == "**" {
            let rest = pattern.dropFirst()
            var index = parts.startIndex
            while true {
                if matchPrefix(rest, parts[index...]) { return true }
                if index == parts.endIndex { return false }
                index += 1
            }
        }
        guard let part = parts.first, segment(Array(first.unicodeScalars)[...], Array(part.unicodeScalars)[...]) else { return false }
        return matchPrefix(pattern.dropFirst(), parts.dropFirst())
    }

    /// Matches one path segment against one pattern segment (`*`, `?`, `[abc]`, `[a-z]`, `[!x]`).
    static func segment(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var starP: Int?, starN = 0
        while n < name.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == "*" {
                    starP = p; starN = n; p += 1
                    continue
                }
                if c == "?" {
                    p += 1; n += 1
                    continue
                }
                if c == "[", let (matched, next) = bracket(pattern, at: p, name[n]) {
                    if matched { p = next; n += 1; continue }
                } else if c == name[n] {
                    p += 1; n += 1
                    continue
                }
            }
            guard let star = starP else { return false }
            p = star + 1; starN += 1; n = starN
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// Whether `scalar` is in the bracket class at `start`, and the index after the class; nil when
    /// the bracket is not closed (then it is a literal `[`).
    static func bracket(_ pattern: ArraySlice<Unicode.Scalar>, at start: Int, _ scalar: Unicode.Scalar) -> (Bool, Int)? {
        var index = start + 1
        let negated = index < pattern.endIndex && (pattern[index] == "!" || pattern[index] == "^")
        if negated { index += 1 }
        var matched = false, first = true
        while index < pattern.endIndex {
            let c = pattern[index]
            if c == "]" && !first { return (matched != negated, index + 1) }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                if (c...pattern[index + 2]).contains(scalar) { matched = true }
                index += 3
            } else {
                if c == scalar { matched = true }
                index += 1
            }
        }
        return nil
    }
}
