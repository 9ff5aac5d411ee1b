import Foundation

/// How `shipgate deploy` shows each finished stack: a result line, then the stack's log (folded in
/// a `::group::` under GitHub Actions; on a terminal only when the stack failed).
public enum DeployText {
    /// Most log bytes shown for one stack (the end of the log).
    static let logLimit = 200_000

    public static func line(_ result: DeployResult, root: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let mark = result.status == .deployed ? "✔" : result.status == .notRun ? "-" : "✘"
        let head = "\(mark) \(result.stack)  \(result.status.rawValue)\(result.detail.map { " (\($0))" } ?? "")  \(String(format: "%.1fs", result.duration))"
        let github = environment["GITHUB_ACTIONS"] == "true"
        guard result.status != .notRun, github || result.status == .failed else { return head + "\n" }
        let log = tail(of: (root as NSString).appendingPathComponent(result.logPath))
        if github { return "::group::\(head)\n\(log)\(log.hasSuffix("\n") || log.isEmpty ? "" : "\n")::endgroup::\n" }
        return head + "\n" + log.split(separator: "\n", omittingEmptySubsequences: false).map { "  | \($0)" }.joined(separator: "\n")
            + "\n  log: \(result.logPath)\n"
    }

    static func tail(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > UInt64(logLimit) ? size - UInt64(logLimit) : 0)
        var text = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
