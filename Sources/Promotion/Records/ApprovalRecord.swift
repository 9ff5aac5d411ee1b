import Foundation
import GitKit

/// One approval of a build for an environment: a JSON line of kind `approval` in the build's note
/// under `refs/notes/shipgate`, next to the suite evidence.
public struct ApprovalRecord: Codable, Sendable, Equatable {
    public var kind: String = "approval"
    /// Who approved.
    public var by: String
    /// The environment the build is approved into.
    public var env: String
    /// ISO 8601 UTC time of the approval.
    public var time: String
    public var build: String

    public init(by: String, env: String, time: Date, build: ObjectID) {
        self.by = by
        self.env = env
        self.time = Timestamp.format(time)
        self.build = build.hex
    }

    public var line: String { NoteLine.encode(self) }

    /// Parses one note line; nil for lines of other kinds.
    public static func parse(line: String) -> ApprovalRecord? {
        NoteLine.decode(ApprovalRecord.self, line: line, kind: "approval")
    }
}

/// A build marked bad (kind `bad`, written when an environment is rolled back from it) or the mark
/// cleared (kind `bad-cleared`). The last such line in the note decides.
public struct BadMark: Codable, Sendable, Equatable {
    public static let markKind = "bad"
    public static let clearKind = "bad-cleared"

    public var kind: String
    public var by: String
    public var env: String
    public var time: String
    public var build: String
    public var reason: String?

    public init(cleared: Bool, by: String, env: String, time: Date, build: ObjectID, reason: String?) {
        kind = cleared ? BadMark.clearKind : BadMark.markKind
        self.by = by
        self.env = env
        self.time = Timestamp.format(time)
        self.build = build.hex
        self.reason = reason
    }

    public var isCleared: Bool { kind == BadMark.clearKind }
    public var line: String { NoteLine.encode(self) }

    public static func parse(line: String) -> BadMark? {
        NoteLine.decode(BadMark.self, line: line, kind: markKind) ?? NoteLine.decode(BadMark.self, line: line, kind: clearKind)
    }
}

/// JSON note lines with sorted keys, read by kind.
enum NoteLine {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, line: String, kind: String) -> T? {
        guard line.contains("\"kind\":\"\(kind)\"") else { return nil }
        return try? JSONDecoder().decode(type, from: Data(line.utf8))
    }
}
