import Foundation
import GitKit

/// Renders `shipgate status`: a short colored summary for people, a stable JSON object for tools.
public enum StatusRenderer {
    /// A few lines: where HEAD is, the upstream, the tag, the dirty paths, and changes since a base.
    public static func human(_ report: WorkingCopyReport, terminal: Terminal) -> String {
        var lines: [String] = []
        switch report.head {
        case .branch(let name, let id):
            lines.append("\(terminal.paint("on", .dim)) \(terminal.paint(name, .bold)) \(terminal.paint(id.short, .yellow)) \(report.subject ?? "")")
        case .detached(let id):
            lines.append("\(terminal.paint("detached at", .dim)) \(terminal.paint(id.short, .yellow)) \(report.subject ?? "")")
        case .unborn(let name):
            lines.append("\(terminal.paint("on", .dim)) \(terminal.paint(name, .bold)) (no commits yet)")
        }
        if let upstream = report.upstream {
            var state = "up to date"
            if upstream.id == nil { state = "gone" }
            else if upstream.ahead > 0 || upstream.behind > 0 {
                state = [upstream.ahead > 0 ? "ahead \(upstream.ahead)" : nil, upstream.behind > 0 ? "behind \(upstream.behind)" : nil]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            lines.append("\(terminal.paint("upstream", .dim)) \(upstream.name): \(state)")
        }
        if let description = report.description {
            let distance = description.distance == 0 ? "exactly" : "\(description.distance) commit\(description.distance == 1 ? "" : "s") after"
            lines.append("\(terminal.paint("tag", .dim)) \(distance) \(description.tag)")
        }
        if report.isShallow {
            lines.append(terminal.paint("shallow clone: history is cut off (git fetch --unshallow for all of it)", .yellow))
        }
        let status = report.status
        if status.isClean {
            lines.append(terminal.paint("clean", .green))
        } else {
            let groups: [(String, [StatusEntry], Terminal.Style, (StatusEntry) -> String)] = [
                ("conflicted", status.conflicted, .red, { _ in "conflict" }),
                ("staged", status.staged, .green, { $0.staged?.rawValue ?? "" }),
                ("unstaged", status.unstaged, .red, { $0.unstaged?.rawValue ?? "" }),
                ("untracked", status.untracked, .dim, { _ in "new" }),
            ]
            for (title, entries, style, kind) in groups where !entries.isEmpty {
                lines.append("\(terminal.paint(title, .bold)) (\(entries.count))")
                for entry in entries {
                    let path = entry.originalPath.map { "\($0) -> \(entry.path)" } ?? entry.path
                    lines.append("  \(terminal.paint(kind(entry).padding(toLength: 10, withPad: " ", startingAt: 0), style)) \(path)")
                }
            }
        }
        if let base = report.base {
            lines.append("\(terminal.paint("since", .dim)) \(base.spec) (merge-base \(base.mergeBase.short)): \(base.changes.count) changed path\(base.changes.count == 1 ? "" : "s")")
            for change in base.changes {
                let path = change.oldPath.map { "\($0) -> \(change.path)" } ?? change.path
                lines.append("  \(change.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(path)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON document described in the README (keys sorted, stable across runs).
    public static func json(_ report: WorkingCopyReport) -> String {
        var head: [String: Any] = ["id": report.head.id?.hex ?? NSNull(), "branch": report.head.branchName ?? NSNull(),
                                   "subject": report.subject ?? NSNull()]
        switch report.head {
        case .branch: head["state"] = "branch"
        case .detached: head["state"] = "detached"
        case .unborn: head["state"] = "unborn"
        }
        let upstream: Any = report.upstream.map { upstream -> [String: Any] in
            ["name": upstream.name, "id": upstream.id?.hex ?? NSNull(), "ahead": upstream.ahead, "behind": upstream.behind,
             "gone": upstream.id == nil]
        } ?? NSNull()
        func entries(_ list: [StatusEntry], _ change: (StatusEntry) -> String?) -> [[String: Any]] {
            list.map { entry in
                var item: [String: Any] = ["path": entry.path]
                if let kind = change(entry) { item["change"] = kind }
                if let from = entry.originalPath { item["from"] = from }
                return item
            }
        }
        let status = report.status
        var object: [String: Any] = [
            "root": report.root,
            "bare": report.isBare,
            "head": head,
            "upstream": upstream,
            "clean": status.isClean,
            "dirty": [
                "staged": entries(status.staged) { $0.staged?.rawValue },
                "unstaged": entries(status.unstaged) { $0.unstaged?.rawValue },
                "untracked": entries(status.untracked) { _ in nil },
                "conflicted": entries(status.conflicted) { _ in nil },
            ],
            "describe": report.description.map { ["tag": $0.tag, "distance": $0.distance] as [String: Any] } ?? NSNull(),
            "shallow": report.isShallow,
        ]
        if let base = report.base {
            object["base"] = [
                "spec": base.spec, "id": base.id.hex, "merge_base": base.mergeBase.hex,
                "changed": base.changes.map { change -> [String: Any] in
                    var item: [String: Any] = ["path": change.path, "change": change.kind.rawValue]
                    if let from = change.oldPath { item["from"] = from }
                    return item
                },
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
