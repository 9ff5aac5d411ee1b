import ArgumentParser
import GitKit
import Report

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the repository's git state: branch, upstream, dirty paths, nearest tag, shallow flag.",
        discussion: """
        Examples:
          shipgate status
          shipgate status --base origin/main --format json
        """
    )

    @Option(help: "Also list the paths changed since the merge-base of this revision and HEAD.")
    var base: String?

    @Option(help: "Output format: human or json.")
    var format: StatusFormat = .human

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable { case human, json }

    func run() throws {
        try runReporting {
            let report = try WorkingCopyReport.gather(from: try Repository.discover(), base: base)
            print(format == .json ? StatusRenderer.json(report) : StatusRenderer.human(report, terminal: .detect()))
        }
    }
}
