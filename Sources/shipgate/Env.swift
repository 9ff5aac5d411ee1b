import ArgumentParser
import Foundation
import Promotion

struct Env: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Inspect and hold environments.",
        subcommands: [EnvList.self, EnvShow.self, EnvDiff.self, EnvHistory.self, EnvHold.self, EnvRelease.self])
}

struct EnvList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The chain with each deployed build, its age, and whether the next promotion would pass.")
    @Option(help: "Evaluate at this ISO 8601 time instead of now.") var now: String?
    @Option(help: "human or json.") var format: PromotionFormat = .human

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            let time = try parseNow(now)
            let summaries = try EnvironmentQueries(repository: repository, project: project).list(now: time)
            print(format == .json ? PromotionText.json(summaries) : PromotionText.list(summaries, now: time))
        }
    }
}

struct EnvShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "An environment's policy, hold and deployment.")
    @Argument(help: "The environment.") var name: String

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            print(PromotionText.show(try EnvironmentQueries(repository: repository, project: project).show(name)))
        }
    }
}

struct EnvDiff: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Commits between two environments' builds and the stacks that differ.")
    @Argument(help: "The first environment (usually the source).") var a: String
    @Argument(help: "The second environment (usually the target).") var b: String

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            print(PromotionText.diff(try EnvironmentQueries(repository: repository, project: project).diff(a, b)))
        }
    }
}

struct EnvHistory: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Every promotion into an environment: when, who, from, build.")
    @Argument(help: "The environment.") var name: String
    @Option(help: "human or json.") var format: PromotionFormat = .human

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            let entries = try EnvironmentQueries(repository: repository, project: project).history(name)
            print(format == .json ? PromotionText.json(entries) : PromotionText.history(entries, environment: name))
        }
    }
}

struct EnvHold: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Stop the line: refuse every promotion into an environment until released.")
    @Argument(help: "The environment.") var name: String
    @Option(help: "Why (shown by every refused promotion).") var reason: String
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            let change = try Holds(repository: repository, project: project).hold(name, reason: reason, by: try actor.actor(repository), now: try actor.time())
            if case .held(let commit) = change { print("\(name) is on hold (commit \(commit.short)); release it with `shipgate env release \(name)`") }
        }
    }
}

struct EnvRelease: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a hold, or with --build clear a build's bad mark.")
    @Argument(help: "The environment.") var name: String
    @Option(help: "Clear the bad mark of this build instead of releasing the hold.") var build: String?
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            let holds = Holds(repository: repository, project: project)
            let by = try actor.actor(repository)
            let change = try build.map { try holds.clearBadMark($0, environment: name, by: by, now: try actor.time()) }
                ?? holds.release(name, by: by)
            switch change {
            case .released(let commit): print("\(name) released (commit \(commit.short))")
            case .notHeld: print("\(name) is not on hold: nothing to do")
            case .markCleared(let id): print("cleared the bad mark of \(id.short)")
            case .notMarked(let id): print("\(id.short) is not marked bad: nothing to do")
            case .held: break
            }
        }
    }
}
