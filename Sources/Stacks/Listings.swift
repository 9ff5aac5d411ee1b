import Foundation
import GitKit
import Report
import WorkflowModel

extension ProjectConfig {
    /// `shipgate stacks`: each stack with its path, suites (and timeouts), dependencies and dependents.
    public func listing() -> String {
        let rows = stacks.map { stack in
            [stack.name, stack.path,
             stack.suites.map { "\($0.name) (\(DurationText.format($0.timeout)))" }.joined(separator: ", "),
             stack.dependsOn.joined(separator: ", "),
             dependents(of: stack.name).joined(separator: ", ")]
        }
        var text = TextTable(header: ["STACK", "PATH", "SUITES", "DEPENDS ON", "DEPENDENTS"], rows: rows).render() + "\n"
        if !sharedPaths.isEmpty { text += "shared paths (affect every stack): \(sharedPaths.joined(separator: ", "))\n" }
        return text
    }

    /// The same as JSON.
    public func listingJSON() -> String {
        StacksJSON.text([
            "stacks": stacks.map { stack -> [String: Any] in
                var object: [String: Any] = [
                    "name": stack.name, "path": stack.path, "directory": stack.directory, "depends_on": stack.dependsOn,
                    "dependents": dependents(of: stack.name),
                    "suites": stack.suites.map { suite -> [String: Any] in
                        var item: [String: Any] = ["name": suite.name, "run": suite.run, "timeout": suite.timeout]
                        item["junit"] = suite.junit
                        return item
                    },
                ]
                object["deploy"] = stack.deploy
                return object
            },
            "shared_paths": sharedPaths,
        ] as [String: Any])
    }
}

extension EvidenceStore {
    /// `shipgate evidence show`: the suite records of `build` as a table (or JSON lines' array).
    public static func show(build: ObjectID, in repository: Repository, json: Bool, key: String?) throws -> String {
        let records = try records(for: build, in: repository)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(records), as: UTF8.self) + "\n"
        }
        if records.isEmpty { return "no evidence recorded on \(build.short) (\(notesRef))\n" }
        let rows = records.map { record in
            [record.stack, record.suite, record.env ?? "-", record.result.rawValue,
             record.tests.map { "\($0 - (record.failures ?? 0))/\($0)" } ?? "-", String(format: "%.1fs", record.duration),
             record.time, record.runner,
             record.sig == nil ? "no" : key.map { record.hasValidSignature(key: $0) ? "valid" : "BAD" } ?? "yes"]
        }
        return "evidence for \(build.short):\n"
            + TextTable(header: ["STACK", "SUITE", "ENV", "RESULT", "TESTS", "TIME", "AT", "RUNNER", "SIGNED"], rows: rows).render() + "\n"
    }
}
