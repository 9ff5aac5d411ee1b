import CLibgit2

/// An error from a git operation: what went wrong, in words a user can act on.
public struct GitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The broad category of a failure; callers branch on this, not on messages.
    public enum Kind: Equatable, Sendable {
        case notARepository
        case notFound
        case ambiguous
        case invalidSpec
        /// A compare-and-swap ref update lost: the ref moved since it was read.
        case refMoved
        case shallowHistory
        case corrupt
        case unbornBranch
        case other
    }

    public var kind: Kind
    public var message: String
    /// libgit2's numeric error code, when the failure came from libgit2.
    public var code: Int32

    public init(_ kind: Kind, _ message: String, code: Int32 = 0) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    public var description: String { message }
}

/// Initialises libgit2 once per process, on first use: `--help` and pure lint never pay for it.
enum LibGit2 {
    static let initialised: Bool = {
        git_libgit2_init()
        return true
    }()

    static func ensure() { _ = initialised }

    /// The message libgit2 left for the calling thread, read right after the failing call.
    static func lastMessage() -> String {
        guard let error = git_error_last(), let text = error.pointee.message else { return "unknown libgit2 error" }
        return String(cString: text).trimmingTrailingNewlines()
    }

    static func kind(for code: Int32) -> GitError.Kind {
        switch code {
        case GIT_ENOTFOUND.rawValue: return .notFound
        case GIT_EAMBIGUOUS.rawValue: return .ambiguous
        case GIT_EINVALIDSPEC.rawValue: return .invalidSpec
        case GIT_EMODIFIED.rawValue, GIT_ELOCKED.rawValue: return .refMoved
        case GIT_EUNBORNBRANCH.rawValue: return .unbornBranch
        default: return .other
        }
    }
}

/// Turns a libgit2 return code into a thrown `GitError`, with `context` naming what was attempted.
@discardableResult
func check(_ code: Int32, _ context: @autoclosure () -> String) throws -> Int32 {
    guard code < 0 else { return code }
    let detail = LibGit2.lastMessage()
    var kind = LibGit2.kind(for: code)
    let lowered = detail.lowercased()
    if kind == .other, lowered.contains("corrupt") || lowered.contains("failed to parse") || lowered.contains("invalid object") || lowered.contains("zlib") {
        kind = .corrupt
    }
    throw GitError(kind, "\(context()): \(detail)", code: code)
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
