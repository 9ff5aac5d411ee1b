import ArgumentParser
import Foundation
import GitKit
import Hooks

struct Hook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install, remove or run the pre-push hook.",
        discussion: """
        Examples:
          shipgate hook install          # keeps an existing pre-push hook and runs it first
          shipgate hook uninstall        # restores the previous hook exactly
          SHIPGATE_SKIP=1 git push       # skip the hook once (as does git push --no-verify)
        """,
        subcommands: [Install.self, Uninstall.self, PrePush.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "install", abstract: "Write the repository's pre-push hook (honours core.hooksPath).")
        @Flag(help: "Rewrite shipgate's hook even if it is already installed.") var force = false

        func run() throws {
            try runReporting {
                let installer = try HookCommandSupport.installer()
                print(HookCommandSupport.describe(try installer.install(force: force)))
            }
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "uninstall", abstract: "Remove shipgate's pre-push hook and restore the previous one.")

        func run() throws {
            try runReporting {
                print(HookCommandSupport.describe(try HookCommandSupport.installer().uninstall()))
            }
        }
    }

    struct PrePush: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-push",
            abstract: "Run by git before a push: reads '<local ref> <local id> <remote ref> <remote id>' lines on stdin."
        )
        @Argument(help: "The remote's name, as git passes it.") var remote: String = "origin"
        @Argument(help: "The remote's URL, as git passes it.") var url: String?
        @Flag(name: .shortAndLong, help: "Say what was compared.") var verbose = false

        func run() async throws {
            try await runReportingAsync {
                let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                if try await !PrePushCheck(remote: remote, verbose: verbose).run(input: input) { throw Exit.findings }
            }
        }
    }
}

enum HookCommandSupport {
    static func installer() throws -> HookInstaller {
        let repository = try Repository.discover()
        return HookInstaller(hooksDirectory: HookInstaller.hooksDirectory(of: repository), executable: executablePath())
    }

    static func describe(_ outcome: HookInstaller.Outcome) -> String {
        switch outcome {
        case .installed(let path, let kept): return "installed \(path)" + (kept ? " (the previous hook is kept and runs first)" : "")
        case .alreadyInstalled(let path): return "already installed: \(path)"
        case .removed(let path, let restored): return "removed \(path)" + (restored ? " and restored the previous hook" : "")
        case .notInstalled(let path): return "shipgate's hook is not installed at \(path): nothing to do"
        }
    }

    /// The absolute path of the running executable (via /proc on Linux), for the hook to call.
    static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
