import Crypto
import Foundation
import GitKit

/// One suite run recorded for a commit: a JSON line in the commit's note under `refs/notes/shipgate`.
///
/// Lines of other kinds (`approval`, `bad`) share the note; readers skip kinds they do not know.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    public enum Result: String, Codable, Sendable {
        case passed, failed, timedOut = "timed-out", error
    }

    public var kind: String = "suite"
    public var stack: String
    public var suite: String
    /// The environment the suite ran against (`SHIPGATE_ENV`), nil when none.
    public var env: String?
    public var result: Result
    public var tests: Int?
    public var failures: Int?
    /// Seconds.
    public var duration: Double
    /// Host that ran the suite.
    public var runner: String
    /// ISO 8601 UTC time the run finished.
    public var time: String
    /// Full id of the tested commit.
    public var build: String
    /// HMAC-SHA256 (hex) of the line without this field, present when `SHIPGATE_EVIDENCE_KEY` was set.
    public var sig: String?

    public init(stack: String, suite: String, env: String?, result: Result, tests: Int? = nil, failures: Int? = nil,
                duration: Double, runner: String, time: String, build: String, sig: String? = nil) {
        self.stack = stack
        self.suite = suite
        self.env = env
        self.result = result
        self.tests = tests
        self.failures = failures
        self.duration = duration
        self.runner = runner
        self.time = time
        self.build = build
        self.sig = sig
    }

    /// The canonical JSON line (sorted keys), without the signature.
    public func unsignedLine() -> String {
        var copy = self
        copy.sig = nil
        return EvidenceRecord.encode(copy)
    }

    /// The JSON line as stored: signed with `key` when one is given.
    public func line(signingKey key: String?) -> String {
        var copy = self
        copy.sig = key.map { EvidenceRecord.signature(of: unsignedLine(), key: $0) }
        return EvidenceRecord.encode(copy)
    }

    /// Whether the stored signature matches the line under `key`.
    public func hasValidSignature(key: String) -> Bool {
        guard let sig else { return false }
        return EvidenceRecord.signature(of: unsignedLine(), key: key) == sig
    }

    static func encode(_ record: EvidenceRecord) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self)
    }

    /// HMAC-SHA256 of `line` under `key`, as lowercase hex.
    public static func signature(of line: String, key: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(line.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Parses one note line; nil for lines of other kinds or that are not JSON.
    public static func parse(line: String) -> EvidenceRecord? {
        guard line.contains("\"kind\":\"suite\""), let record = try? JSONDecoder().decode(EvidenceRecord.self, from: Data(line.utf8)) else {
            return nil
        }
        return record.kind == "suite" ? record : nil
    }
}

/// The notes ref shipgate keeps its records under, and reading and appending its lines.
public enum EvidenceStore {
    public static let notesRef = "refs/notes/shipgate"

    /// Every suite record in the note of `build`.
    public static func records(for build: ObjectID, in repository: Repository) throws -> [EvidenceRecord] {
        guard let text = try repository.note(on: build, notesRef: notesRef) else { return [] }
        return text.split(separator: "\n").compactMap { EvidenceRecord.parse(line: String($0)) }
    }

    /// Appends `lines` to the note of `build`, merging with lines already there (concurrent-safe).
    public static func append(lines: [String], to build: ObjectID, in repository: Repository, author: String? = nil) throws {
        try repository.appendNote(on: build, notesRef: notesRef, lines: lines, author: author)
    }
}
