import Foundation
import WorkflowModel

/// Finds the repository root and the files `shipgate lint` checks by default, without libgit2.
enum RepositoryFiles {
    /// The nearest directory at or above `directory` holding `.git` (a directory or a worktree file).
    static func root(containing directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL.path
        while true {
            if FileManager.default.fileExists(atPath: current + "/.git") { return current }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }

    /// `root(containing:)`, remembering the answer for `directory` and each ancestor it visits, so
    /// sibling directories (files given from many repositories) cost one lookup each.
    static func root(containing directory: String, known: inout [String: String?]) -> String? {
        if let answer = known[directory] { return answer }
        let current = URL(fileURLWithPath: directory).standardizedFileURL.path
        let answer: String?
        var status = stat()
        if lstat(current + "/.git", &status) == 0 {
            answer = current
        } else {
            let parent = (current as NSString).deletingLastPathComponent
            answer = parent == current || parent.isEmpty ? nil : root(containing: parent, known: &known)
        }
        known[directory] = answer
        return answer
    }

    /// Workflows under `.github/workflows/`, actions under `.github/actions/`, the root action,
    /// and local actions the workflows reference with `uses: ./…`.
    static func targets(root: String, currentDirectory: String) -> [LintTarget] {
        let manager = FileManager.default
        var relative: [String] = []
        let workflows = (try? manager.contentsOfDirectory(atPath: root + "/.github/workflows")) ?? []
        relative += workflows.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.map { ".github/workflows/" + $0 }
        if let walker = manager.enumerator(atPath: root + "/.github/actions") {
            for case let path as String in walker where ActionMetadata.isMetadataFile(path) {
                relative.append(".github/actions/" + path)
            }
        }
        for name in ["action.yml", "action.yaml"] where manager.fileExists(atPath: root + "/" + name) { relative.append(name) }
        for workflow in relative where workflow.hasPrefix(".github/workflows/") {
            guard let data = manager.contents(atPath: root + "/" + workflow) else { continue }
            for directory in localActionReferences(in: String(decoding: data, as: UTF8.self)) {
                for name in ["action.yml", "action.yaml"] {
                    let path = directory.isEmpty ? name : directory + "/" + name
                    if manager.fileExists(atPath: root + "/" + path) { relative.append(path) }
                }
            }
        }
        var seen: Set<String> = []
        return relative.filter { seen.insert($0).inserted }.sorted().map { path in
            LintTarget(path: root + "/" + path, displayPath: display(root + "/" + path, from: currentDirectory),
                       repositoryRoot: root, relativePath: path)
        }
    }

    /// Targets for the paths given on the command line, sharing one repository lookup per directory;
    /// the first missing path or directory, in argument order, is the error.
    static func targets(for paths: [String], currentDirectory: String) throws(UsageError) -> [LintTarget] {
        // Plain concatenation: `normalized` below removes any doubled slash it leaves.
        let absolutes = paths.map { $0.hasPrefix("/") ? $0 : currentDirectory.hasSuffix("/") ? currentDirectory + $0 : currentDirectory + "/" + $0 }
        let modes = fileModes(absolutes)
        var roots: [String: String?] = [:]
        var result: [LintTarget] = []
        result.reserveCapacity(paths.count)
        for index in paths.indices {
            result.append(try target(for: paths[index], absolute: absolutes[index], mode: modes[index], roots: &roots))
        }
        return result
    }

    /// The `st_mode` of each path (nil when absent), one stat(2) each spread over the cores: with
    /// hundreds of files the checks would otherwise run alone before the parallel linting.
    private static func fileModes(_ paths: [String]) -> [mode_t?] {
        var modes = [mode_t?](repeating: nil, count: paths.count)
        modes.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                var status = stat()
                if stat(paths[index], &status) == 0 { slots[index] = status.st_mode }
            }
        }
        return modes
    }

    /// The target for a path given on the command line; a missing path or a directory is a usage error.
    private static func target(for path: String, absolute: String, mode: mode_t?, roots: inout [String: String?]) throws(UsageError) -> LintTarget {
        guard let mode else {
            throw UsageError("\(path): no such file", hint: "check the path; with no path, shipgate lints the repository's workflows")
        }
        if mode & S_IFMT == S_IFDIR {
            throw UsageError("\(path): is a directory, not a workflow file", hint: "give the files (\(path)/*.yml), or run with no path inside the repository")
        }
        let standardized = normalized(absolute)
        // A normalized path starts with `/` and has no trailing one: the directory ends at its last `/`.
        let slash = standardized.lastIndex(ofASCII: UInt8(ascii: "/")) ?? standardized.startIndex
        let directory = slash == standardized.startIndex ? "/" : String(standardized[..<slash])
        let root = Self.root(containing: directory, known: &roots)
        let relative = root.map { String(standardized.dropFirst($0.count + 1)) }
        return LintTarget(path: absolute, displayPath: path, repositoryRoot: root, relativePath: relative)
    }

    /// An absolute path without `.`, `..` or repeated slashes (no file system access).
    static func normalized(_ absolute: String) -> String {
        if isNormalized(absolute) { return absolute }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `normalized` would return `path` unchanged: it starts with `/`, has no empty, `.`
    /// or `..` component and no trailing `/` (the usual case: paths need no rebuilding).
    static func isNormalized(_ path: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0, componentLength = 0, count = 0
        for byte in path.utf8 {
            if count == 0, byte != UInt8(ascii: "/") { return false }
            if byte == UInt8(ascii: "/") {
                if count > 0, componentLength == 0 { return false }
                if componentLength == 1, previous == UInt8(ascii: ".") { return false }
                if componentLength == 2, previous == UInt8(ascii: "."), beforePrevious == UInt8(ascii: ".") { return false }
                componentLength = 0
            } else {
                componentLength += 1
            }
            beforePrevious = previous
            previous = byte
            count += 1
        }
        if count <= 1 { return count == 1 }
        if componentLength == 0 { return false }
        if componentLength == 1, previous == UInt8(ascii: ".") { return false }
        return !(componentLength == 2 && previous == UInt8(ascii: ".") && beforePrevious == UInt8(ascii: "."))
    }

    /// `./dir` of every `uses: ./dir` in a workflow's text (a cheap scan, no second parse).
    static func localActionReferences(in text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: "uses:") else { continue }
            var value = line[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            guard value.hasPrefix("./"), !value.hasPrefix("./.github/workflows/") else { continue }
            value = value.prefix { $0 != " " && $0 != "\"" && $0 != "'" && $0 != "#" }
            var path = value.dropFirst(2)
            while path.hasSuffix("/") { path = path.dropLast() }
            result.append(String(path))
        }
        return result
    }

    private static func display(_ path: String, from directory: String) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
