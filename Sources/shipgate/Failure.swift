import ArgumentParser
import Foundation
import GitKit
import WorkflowModel

/// Exit codes: 0 ok · 1 findings, gate failed or suite failed · 2 usage or configuration error · 3 internal.
enum Exit {
    static let findings = ExitCode(1)
    static let usage = ExitCode(2)
    static let internalError = ExitCode(3)
}

/// Runs a command body, turning every typed error into one clear line on stderr and the
/// documented exit code: never a stack trace.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ValidationError {
        throw error
    } catch let diagnostic as Diagnostic {
        printError(diagnostic.description)
        throw Exit.usage
    } catch let error as GitError {
        printError("error: \(error.message)")
        if verbose { printError("detail: git error kind \(error.kind), libgit2 code \(error.code)") }
        throw Exit.usage
    } catch let error as any UserFacingError {
        printError("error: \(error.message)")
        if let hint = error.hint { printError("hint: \(hint)") }
        throw Exit.usage
    } catch {
        printError("internal error: \(error)")
        printError(verbose ? "detail: \(String(reflecting: error))" : "hint: run again with --verbose for detail, and report it")
        throw Exit.internalError
    }
}

/// `--verbose` (a global option) asks for detail after the one-line error.
private var verbose: Bool { ProcessInfo.processInfo.environment["SHIPGATE_VERBOSE"] == "1" }

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
