import ArgumentParser
import Promotion

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a build for an environment (a line in the build's git note).")

    @Option(help: "The environment the build is approved into.") var env: String
    @Option(help: "The build (default: what would be promoted into the environment next).") var build: String?
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            let by = try actor.actor(repository)
            do {
                switch try Approver(repository: repository, project: project).approve(environment: env, build: build, by: by, now: try actor.time()) {
                case .recorded(let record): print("\(record.by) approved \(record.build.prefix(7)) for \(record.env)")
                case .alreadyApproved(let record): print("\(record.by) already approved \(record.build.prefix(7)) for \(record.env) at \(record.time)")
                }
            } catch let refusal as PolicyRefusal {
                printError("refused: \(refusal.message)")
                if let hint = refusal.hint { printError("hint: \(hint)") }
                throw Exit.findings
            }
        }
    }
}
