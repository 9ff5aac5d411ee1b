import Foundation

/// What the output stream can show: colors only on a terminal and never under `NO_COLOR`.
public struct Terminal: Sendable {
    public enum ColorChoice: String, Sendable, CaseIterable {
        case auto, always, never
    }

    public var useColor: Bool

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    /// Decides from the choice (`auto` defers to `SHIPGATE_COLOR`, set by `--color`), the
    /// environment (`NO_COLOR`) and whether stdout is a tty.
    public static func detect(choice: ColorChoice = .auto,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              isTTY: Bool = isatty(STDOUT_FILENO) == 1) -> Terminal {
        var choice = choice
        if choice == .auto, let configured = environment["SHIPGATE_COLOR"].flatMap(ColorChoice.init(rawValue:)) {
            choice = configured
        }
        switch choice {
        case .always: return Terminal(useColor: true)
        case .never: return Terminal(useColor: false)
        case .auto:
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return Terminal(useColor: isTTY && !noColor && environment["TERM"] != "dumb")
        }
    }

    public enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    /// `text` wrapped in the style's escape codes when colors are on.
    public func paint(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// The output formats of commands that report findings or results.
public enum OutputFormat: String, Sendable, CaseIterable {
    case human, json, github, sarif

    /// `github` under GitHub Actions, `human` elsewhere.
    public static func defaultFormat(environment: [String: String] = ProcessInfo.processInfo.environment) -> OutputFormat {
        environment["GITHUB_ACTIONS"] == "true" ? .github : .human
    }
}
