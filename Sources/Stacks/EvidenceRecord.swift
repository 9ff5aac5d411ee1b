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

extension EvidenceStore {
    /// The evidence lines for the suites of `report` that ran to an end (passed, failed, timed out,
    /// or could not start); interrupted and not-run suites prove nothing and are left out.
    public static func lines(for report: RunReport, build: ObjectID, environment: String?, runner: String, time: Date,
                             signingKey key: String?) -> [String] {
        let stamp = ISO8601DateFormatter().string(from: time)
        return report.results.compactMap { result in
            let status: EvidenceRecord.Result
            switch result.status {
            case .passed: status = .passed
            case .failed: status = .failed
            case .timedOut: status = .timedOut
            case .error: status = .error
            case .interrupted, .notRun: return nil
            }
            let record = EvidenceRecord(stack: result.stack, suite: result.suite, env: environment, result: status,
                                        tests: result.junit?.tests, failures: result.junit?.failures,
                                        duration: (result.duration * 1000).rounded() / 1000, runner: runner, time: stamp, build: build.hex)
            return record.line(signingKey: key)
        }
    }

    /// One line of a note that does not pass verification.
    public struct Problem: Sendable, Equatable {
        /// 1-based line number in the note.
        public var line: Int
        public var text: String
        public var reason: String
    }

    /// Checks every suite line in the note of `build` against `key`: lines without a signature, with
    /// one that does not match, or that look like evidence but cannot be read.
    public static func verify(build: ObjectID, in repository: Repository, key: String) throws -> (checked: Int, problems: [Problem]) {
        guard let text = try repository.note(on: build, notesRef: notesRef) else { return (0, []) }
        var checked = 0
        var problems: [Problem] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let line = String(line)
            guard let record = EvidenceRecord.parse(line: line) else {
                if line.contains("\"suite\"") || (try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil {
                    problems.append(Problem(line: index + 1, text: line, reason: "not a readable evidence record"))
                }
                continue
            }
            checked += 1
            if record.sig == nil {
                problems.append(Problem(line: index + 1, text: line, reason: "missing signature"))
            } else if !record.hasValidSignature(key: key) {
                problems.append(Problem(line: index + 1, text: line, reason: "bad signature (the line was changed or signed with another key)"))
            }
        }
        return (checked, problems)
    }
}
