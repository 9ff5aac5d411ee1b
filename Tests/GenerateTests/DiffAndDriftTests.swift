import Foundation
import Stacks
import Testing
import TestSupport
@testable import Generate

/// Applies `diff` to `old` with patch(1) and returns the result.
func patched(_ old: String, with diff: String) throws -> String {
    let directory = try TemporaryDirectory("diff")
    try directory.write("file", old)
    try directory.write("change.diff", diff)
    let output = try runProcess("/usr/bin/patch", ["-s", "file", "change.diff"], in: directory.path)
    #expect(output.status == 0, "patch: \(output.stdout)\(output.stderr)")
    return try String(contentsOfFile: directory.path + "/file", encoding: .utf8)
}

@Test("a fixed example reads like diff -u")
func diffExample() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
    let new = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n"
    #expect(UnifiedDiff.diff(old: old, new: new, oldName: "a/x", newName: "b/x") == """
        --- a/x
        +++ b/x
        @@ -1,10 +1,11 @@
         a
         b
         c
        -d
        +D
         e
         f
         g
         h
         i
         j
        +k

        """)
    #expect(UnifiedDiff.diff(old: old, new: old, oldName: "a", newName: "b") == "")
    #expect(UnifiedDiff.diff(old: nil, new: "x\n", oldName: "a/x", newName: "b/x") == "--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+x\n")
    #expect(UnifiedDiff.diff(old: "x", new: "x\n", oldName: "a", newName: "b") == "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n")
}

@Test("patch(1) turns the old text into the new one, for random edits", arguments: 0..<40)
func diffApplies(_ seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed) + 1)
    let old = (0..<Int.random(in: 0...40, using: &generator)).map { _ in "line \(Int.random(in: 0...6, using: &generator))" }
    var new = old
    for _ in 0..<Int.random(in: 1...6, using: &generator) {
        let position = Int.random(in: 0...new.count, using: &generator)
        switch Int.random(in: 0...2, using: &generator) {
        case 0: new.insert("new \(Int.random(in: 0...3, using: &generator))", at: position)
        case 1: if position < new.count { new.remove(at: position) }
        default: if position < new.count { new[position] = "changed" }
        }
    }
    let oldText = old.map { $0 + "\n" }.joined(), newText = new.map { $0 + "\n" }.joined()
    let diff = UnifiedDiff.diff(old: oldText, new: newText, oldName: "a/file", newName: "b/file")
    #expect(diff.isEmpty == (oldText == newText))
    if !diff.isEmpty { #expect(try patched(oldText, with: diff) == newText) }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }
}

@Test("check finds missing, changed and stale generated files; write fixes them and only them")
func driftAndWrite() throws {
    let directory = try TemporaryDirectory("drift")
    let files = [GeneratedFile(name: "ci.yml", text: Workflow.header(source: "x") + "a: 1\n"),
                 GeneratedFile(name: "promote.yml", text: Workflow.header(source: "x") + "b: 2\n")]
    try directory.write("ci.yml", Workflow.header(source: "x") + "a: 0\n")
    try directory.write("old.yml", Workflow.header(source: "x") + "c: 3\n")
    try directory.write("hand-written.yml", "name: mine\n")
    let drifts = Generator.check(files, in: directory.path, display: "wf")
    #expect(drifts.map(\.path) == ["wf/ci.yml", "wf/promote.yml", "wf/old.yml"])
    #expect(drifts.map(\.kind) == [.changed, .missing, .stale])
    #expect(drifts[0].diff.contains("-a: 0\n+a: 1\n"))
    #expect(drifts[1].diff.hasPrefix("--- /dev/null\n+++ b/wf/promote.yml\n"))
    #expect(try Generator.write(files, to: directory.path) == ["ci.yml", "promote.yml", "old.yml"])
    #expect(Generator.check(files, in: directory.path, display: "wf").isEmpty)
    #expect(FileManager.default.fileExists(atPath: directory.path + "/hand-written.yml"))
    #expect(try Generator.write(files, to: directory.path).isEmpty)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
}
