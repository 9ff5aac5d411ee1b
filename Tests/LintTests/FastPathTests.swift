import Testing
import WorkflowModel
@testable import Lint

/// Shortcuts taken for speed must answer exactly as the general code they skip.
@Suite struct FastPathTests {
    static let paths = [
        "/", "//", "/a", "/a/", "/a//b", "/a/./b", "/a/../b", "/a/.", "/a/..", "/.", "/..", "/a/.b", "/a/..b",
        "/a/b..", "/a/b.", "/.a/b", "/work/repo/.github/workflows/ci.yml", "/é/ü.yml", "a/b", "", "/a/b/c/../../d",
    ]

    @Test(arguments: paths)
    func isNormalizedMatchesRebuilding(path: String) {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        let rebuilt = "/" + parts.joined(separator: "/")
        #expect(RepositoryFiles.normalized(path) == rebuilt)
        if RepositoryFiles.isNormalized(path) { #expect(path == rebuilt) }
    }

    @Test(arguments: ["matrix", "Matrix", "steps", "GITHUB", "é", "É", "runner_os", "a-b", ""])
    func lowercaseASCIICheckMatchesLowercasing(name: String) {
        let shape = ObjectShape([name: .string], others: nil)
        #expect(shape.properties.keys.first == name.lowercased())
        #expect(shape.property(name.uppercased()) == .string)
    }
}
