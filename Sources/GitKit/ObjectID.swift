import CLibgit2

/// A full git object id (SHA-1, 40 hex digits).
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let hex: String

    /// Accepts exactly 40 hexadecimal digits (any case); anything else is nil.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ ObjectID.isHexDigit($0) }) else { return nil }
        self.hex = hex.lowercased()
    }

    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [UInt8](repeating: 0, count: 40)
        buffer.withUnsafeMutableBufferPointer { raw in
            raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 40) { _ = git_oid_fmt($0, &copy) }
        }
        self.hex = String(decoding: buffer, as: UTF8.self)
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    var oid: git_oid {
        var out = git_oid()
        git_oid_fromstr(&out, hex)
        return out
    }

    /// The first seven digits, as git abbreviates by default.
    public var short: String { String(hex.prefix(7)) }
    public var isZero: Bool { hex.utf8.allSatisfy { $0 == UInt8(ascii: "0") } }
    public var description: String { hex }
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102) || (byte >= 65 && byte <= 70)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a 40-digit object id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
