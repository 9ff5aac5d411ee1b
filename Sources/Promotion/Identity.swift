import Foundation
import GitKit
import WorkflowModel

/// Who is acting: `--by`, else `SHIPGATE_ACTOR`, else `GITHUB_ACTOR`, else git's `user.name`.
public enum Identity {
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               repository: Repository) throws -> String {
        let candidates = [flag, environment["SHIPGATE_ACTOR"], environment["GITHUB_ACTOR"], repository.configString("user.name")]
        for candidate in candidates {
            if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        throw UsageError("cannot tell who is acting", hint: "pass --by NAME, or set SHIPGATE_ACTOR, or git config user.name")
    }

    /// Whether `name` is the author of `commit`: their name, email or email's local part, ignoring case.
    public static func isAuthor(_ name: String, of commit: Commit) -> Bool {
        let local = commit.authorEmail.split(separator: "@").first.map(String.init) ?? ""
        return [commit.authorName, commit.authorEmail, local].contains { !$0.isEmpty && $0.caseInsensitiveCompare(name) == .orderedSame }
    }
}
