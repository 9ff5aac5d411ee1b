import Foundation

/// Options every verb accepts, written before the verb: `shipgate --chdir DIR --quiet lint`.
///
/// They are applied to the process before the verb is parsed: `--chdir` changes directory,
/// `--config` and `--color` are handed on through `SHIPGATE_CONFIG` / `SHIPGATE_COLOR` (which may
/// also be set directly), `--quiet` silences standard output (errors still go to standard error and
/// the exit code says the result), `--verbose` sets `SHIPGATE_VERBOSE=1` for more detail.
struct GlobalOptions {
    static let help = """
    Global options (before the verb): --chdir DIR, --config FILE, --quiet, --verbose, --color auto|always|never.
    Environment: NO_COLOR, SHIPGATE_COLOR, SHIPGATE_CONFIG, SHIPGATE_SKIP=1 (skip the pre-push hook), SHIPGATE_EVIDENCE_KEY.
    Completions: shipgate --generate-completion-script bash|zsh|fish.
    """

    /// Removes the global options in front of the verb from `arguments` and applies them.
    /// Throws a message for a missing value or an unknown color.
    static func apply(_ arguments: [String]) throws(GlobalOptionError) -> [String] {
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("-") {
            let (name, inline) = split(first)
            guard ["--chdir", "-C", "--config", "--quiet", "-q", "--verbose", "--color"].contains(name) else { break }
            rest = rest.dropFirst()
            func value() throws(GlobalOptionError) -> String {
                if let inline { return inline }
                guard let next = rest.first else { throw GlobalOptionError(message: "\(name) needs a value") }
                rest = rest.dropFirst()
                return next
            }
            switch name {
            case "--chdir", "-C":
                let directory = try value()
                guard FileManager.default.changeCurrentDirectoryPath(directory) else {
                    throw GlobalOptionError(message: "cannot change to directory \(directory): check the path")
                }
            case "--config":
                let file = try value()
                setenv("SHIPGATE_CONFIG", URL(fileURLWithPath: file).standardizedFileURL.path, 1)
            case "--color":
                let choice = try value()
                guard ["auto", "always", "never"].contains(choice) else {
                    throw GlobalOptionError(message: "--color takes auto, always or never, not \(choice)")
                }
                setenv("SHIPGATE_COLOR", choice, 1)
            case "--verbose":
                setenv("SHIPGATE_VERBOSE", "1", 1)
            default:
                let null = open("/dev/null", O_WRONLY)
                guard null >= 0, dup2(null, STDOUT_FILENO) >= 0 else {
                    throw GlobalOptionError(message: "cannot silence standard output")
                }
                close(null)
            }
        }
        return Array(rest)
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}

struct GlobalOptionError: Error {
    var message: String
}
