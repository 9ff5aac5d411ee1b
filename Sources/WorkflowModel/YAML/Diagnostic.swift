/// A 1-based line and column in a source file (columns count Unicode scalars, as libyaml does).
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// How much a finding matters: errors fail the command, warnings and notes do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding at a position in a file: a lint result, a YAML problem, or a configuration error.
///
/// It is also the error type of configuration parsing, so a bad `shipgate.yml` or environment
/// manifest reports `file:line:col: message` like any lint finding.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition
    public var ruleID: String
    public var severity: Severity
    public var message: String

    public init(file: String, position: SourcePosition, ruleID: String, severity: Severity = .error, message: String) {
        self.file = file
        self.position = position
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    /// `file:line:col: message [rule-id]`, the one-line form every format starts from.
    public var description: String { "\(file):\(line):\(column): \(message) [\(ruleID)]" }
}

extension Diagnostic: Comparable {
    /// Sorted by file, position, rule and message: output order never depends on scheduling.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.position.line, lhs.position.column, lhs.ruleID, lhs.message)
            < (rhs.file, rhs.position.line, rhs.position.column, rhs.ruleID, rhs.message)
    }
}

/// An error a user can act on: one line saying what is wrong and, optionally, what to do.
/// Library modules throw these (or `Diagnostic`s); the command line prints them and exits 2.
public protocol UserFacingError: Error {
    var message: String { get }
    var hint: String? { get }
}

/// A plain `UserFacingError` for problems that have no richer type.
public struct UsageError: UserFacingError, Equatable {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
