import Foundation
import GitKit
import WorkflowModel

/// Installs and removes shipgate's pre-push hook without ever losing a hook that was there before:
/// the previous hook is kept beside ours, run first, and restored byte for byte on uninstall.
public struct HookInstaller {
    /// The first lines of the hook file; how an installed hook is recognised.
    public static let marker = "# installed by shipgate: `shipgate hook uninstall` restores the previous hook"
    public static let hookName = "pre-push"
    public static let previousSuffix = ".shipgate-previous"

    /// What `install` or `uninstall` did, for the message printed to the user.
    public enum Outcome: Equatable, Sendable {
        case installed(path: String, keptPrevious: Bool)
        case alreadyInstalled(path: String)
        case removed(path: String, restoredPrevious: Bool)
        case notInstalled(path: String)
    }

    public let hooksDirectory: String
    /// The shipgate executable the hook calls (absolute path); `shipgate` on PATH when it moves.
    public let executable: String

    public init(hooksDirectory: String, executable: String) {
        self.hooksDirectory = hooksDirectory
        self.executable = executable
    }

    /// The hooks folder of `repository`: `core.hooksPath` (relative to the work tree) or `.git/hooks`.
    public static func hooksDirectory(of repository: Repository) -> String {
        if let configured = repository.configString("core.hooksPath"), !configured.isEmpty {
            let expanded = configured.hasPrefix("~/") ? NSHomeDirectory() + configured.dropFirst(1) : configured
            if expanded.hasPrefix("/") { return expanded }
            return (repository.workTree ?? repository.gitDirectory) + "/" + expanded
        }
        return repository.gitDirectory + "/hooks"
    }

    var hookPath: String { hooksDirectory + "/" + Self.hookName }
    var previousPath: String { hookPath + Self.previousSuffix }

    /// The hook script: runs the previous hook (if any) with the same arguments and input, then
    /// `shipgate hook pre-push`. `SHIPGATE_SKIP=1` skips both.
    public func script() -> String {
        """
        #!/bin/sh
        \(Self.marker)
        # SHIPGATE_SKIP=1 git push (or git push --no-verify) skips this hook.
        if [ "${SHIPGATE_SKIP:-}" = "1" ]; then cat >/dev/null; exit 0; fi
        input=$(cat)
        previous="$(dirname "$0")/\(Self.hookName)\(Self.previousSuffix)"
        if [ -x "$previous" ]; then
            printf '%s\\n' "$input" | "$previous" "$@" || exit $?
        fi
        shipgate='\(executable.replacingOccurrences(of: "'", with: "'\\''"))'
        if [ ! -x "$shipgate" ]; then shipgate=$(command -v shipgate) || { echo "shipgate pre-push: shipgate not found; reinstall with 'shipgate hook install'" >&2; exit 1; }; fi
        printf '%s\\n' "$input" | "$shipgate" hook pre-push "$@"

        """
    }

    /// Writes the hook; a foreign hook already there is kept and chained. Installing again changes
    /// nothing unless `force` rewrites our script (e.g. after shipgate moved).
    public func install(force: Bool = false) throws -> Outcome {
        let manager = FileManager.default
        try manager.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        let wanted = script()
        if let existing = manager.contents(atPath: hookPath).map({ String(decoding: $0, as: UTF8.self) }) {
            if existing.contains(Self.marker) {
                if existing == wanted || !force { return .alreadyInstalled(path: hookPath) }
            } else {
                if manager.fileExists(atPath: previousPath) {
                    throw UsageError("both \(hookPath) and \(previousPath) exist and neither is shipgate's",
                                     hint: "merge them into one hook by hand, then run `shipgate hook install` again")
                }
                try manager.moveItem(atPath: hookPath, toPath: previousPath)
            }
        }
        try writeExecutable(wanted, to: hookPath)
        return .installed(path: hookPath, keptPrevious: manager.fileExists(atPath: previousPath))
    }

    /// Removes shipgate's hook and puts the previous hook back exactly as it was.
    public func uninstall() throws -> Outcome {
        let manager = FileManager.default
        guard let existing = manager.contents(atPath: hookPath), String(decoding: existing, as: UTF8.self).contains(Self.marker) else {
            return .notInstalled(path: hookPath)
        }
        try manager.removeItem(atPath: hookPath)
        if manager.fileExists(atPath: previousPath) {
            try manager.moveItem(atPath: previousPath, toPath: hookPath)
            return .removed(path: hookPath, restoredPrevious: true)
        }
        return .removed(path: hookPath, restoredPrevious: false)
    }

    private func writeExecutable(_ text: String, to path: String) throws {
        let temporary = path + ".shipgate-tmp-\(getpid())"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))", hint: "check the permissions of \(hooksDirectory)")
        }
    }
}
