import GitKit
import WorkflowModel

/// One line git gives a pre-push hook on standard input:
/// `<local ref> <local id> <remote ref> <remote id>`.
public struct PushedRef: Equatable, Sendable {
    public var localRef: String
    public var localID: ObjectID
    public var remoteRef: String
    public var remoteID: ObjectID

    /// The push deletes the remote ref (the local id is all zeros).
    public var isDeletion: Bool { localID.isZero }
    /// The remote ref does not exist yet (the remote id is all zeros).
    public var isNewRemoteRef: Bool { remoteID.isZero }

    /// The branch name when the remote ref is a branch.
    public var remoteBranch: String? {
        remoteRef.hasPrefix("refs/heads/") ? String(remoteRef.dropFirst("refs/heads/".count)) : nil
    }

    /// Parses git's lines; blank lines are skipped, malformed ones are a usage error naming the line.
    public static func parse(_ text: String) throws -> [PushedRef] {
        var refs: [PushedRef] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if fields.isEmpty { continue }
            guard fields.count == 4, let local = ObjectID(hex: fields[1]), let remote = ObjectID(hex: fields[3]) else {
                throw UsageError("line \(number + 1) of the pre-push input is not '<local ref> <local id> <remote ref> <remote id>': \(line)",
                                 hint: "this command is run by git's pre-push hook; install it with `shipgate hook install`")
            }
            refs.append(PushedRef(localRef: fields[0], localID: local, remoteRef: fields[2], remoteID: remote))
        }
        return refs
    }
}
