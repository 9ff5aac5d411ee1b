import Stacks

/// Every action the generated workflows use, pinned to a full commit id with the release it is:
/// the one table to update when a new release is adopted.
public struct PinnedAction: Sendable, Equatable {
    /// `owner/repo` (or `./` for the repository's own composite action).
    public var repository: String
    /// The full 40-hex commit id; nil for a local action.
    public var commit: String?
    /// The release the commit is, written as a comment beside the pin.
    public var version: String?

    /// `actions/checkout` v5.0.0 (Node 24): the commit its CHANGELOG.md tops with "V5.0.0".
    public static let checkout = PinnedAction(repository: "actions/checkout", commit: "08c6903cd8c0fde910a37f88322edcfb5dd907a8", version: "v5.0.0")

    /// The repository's own composite action (`action.yml` at its root): installs shipgate and runs
    /// `shipgate <command> <args>`.
    public static let shipgate = PinnedAction(repository: "./", commit: nil, version: nil)

    public static let all: [PinnedAction] = [checkout, shipgate]

    /// The action that runs shipgate for `project`: `generate.action` of shipgate.yml, else `./`.
    public static func shipgate(for project: ProjectConfig) -> PinnedAction {
        guard let configured = project.generateAction, !configured.hasPrefix("./") else {
            return project.generateAction.map { PinnedAction(repository: $0, commit: nil, version: nil) } ?? shipgate
        }
        let parts = configured.split(separator: "@", maxSplits: 1).map(String.init)
        return PinnedAction(repository: parts[0], commit: parts.count == 2 ? parts[1] : nil, version: project.generateActionVersion)
    }

    /// The `uses:` value.
    public var reference: String {
        commit.map { "\(repository)@\($0)" } ?? repository
    }
}
