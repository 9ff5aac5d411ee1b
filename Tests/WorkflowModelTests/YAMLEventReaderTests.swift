import Foundation
import Testing
@testable import WorkflowModel

/// The libyaml event fast path must build exactly the tree the Yams path builds, and defer to it
/// for every problem so diagnostics stay the same.
@Suite struct YAMLEventReaderTests {
    static let documents: [String] = [
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
        "a: 'single'\nb: \"double \\u00e9\"\nc: |\n  line 1\n  line 2\nd: >-\n  folded\n  text\ne: plain text\n",
        "x: &anchor {k: [1, 2, {z: y}]}\ny: *anchor\nz: [*anchor, *anchor]\n",
        "# only a comment\n",
        "---\n",
        "key:\nother: ~\nlist: []\nmap: {}\n",
        "unicode: \"日本語 ✓\"\n  # indented comment\nnext: [a, 'b', \"c\"]\n",
        "crlf: yes\r\nsecond: line\r\n",
        "? complex key\n: value\n!!str tagged: !custom value\n",
        "- top\n- level\n- list\n",
        "plain scalar at top",
    ]

    static let problems: [String] = [
        "a: 1\na: 2\n", "a: [unclosed\n", "a: *missing\n", "---\na: 1\n---\nb: 2\n", "a: b: c\n", "x: \"bad \\q escape\"\n",
    ]

    @Test(arguments: documents)
    func fastPathBuildsTheSameTree(text: String) throws {
        guard case .document(let fast) = YAMLEventReader.read(text) else {
            Issue.record("the fast path refused a valid document")
            return
        }
        let reference = try YAMLDocument.parseWithYams(text, file: "t.yml")
        #expect(Self.dump(fast) == Self.dump(reference))
    }

    @Test(arguments: problems)
    func problemsGetTheYamsDiagnostic(text: String) {
        if case .document = YAMLEventReader.read(text) { Issue.record("the fast path accepted \(text.debugDescription)") }
        var fast: Diagnostic?, reference: Diagnostic?
        do { _ = try YAMLDocument.parse(text, file: "t.yml") } catch { fast = error }
        do { _ = try YAMLDocument.parseWithYams(text, file: "t.yml") } catch { reference = error }
        #expect(fast != nil)
        #expect(fast == reference)
    }

    @Test func aliasBombIsRefusedByBothPaths() {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for index in 1..<8 { lines.append("n\(index): &n\(index) [" + Array(repeating: index == 1 ? "*a" : "*n\(index - 1)", count: 10).joined(separator: ", ") + "]") }
        let text = lines.joined(separator: "\n")
        #expect(throws: Diagnostic.self) { try YAMLDocument.parse(text, file: "bomb.yml") }
    }

    /// Set SHIPGATE_YAML_CORPUS to a directory of YAML files to compare both paths on all of them.
    @Test func corpusFromEnvironmentParsesIdentically() throws {
        guard let directory = ProcessInfo.processInfo.environment["SHIPGATE_YAML_CORPUS"] else { return }
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var compared = 0
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".yml") || path.hasSuffix(".yaml"),
                  let text = try? YAMLDocument.readText(path: directory + "/" + path) else { continue }
            let reference = Result { () throws(Diagnostic) in try YAMLDocument.parseWithYams(text, file: path) }
            let fast = Result { () throws(Diagnostic) in try YAMLDocument.parse(text, file: path) }
            switch (fast, reference) {
            case (.success(let a), .success(let b)): #expect(Self.dump(a) == Self.dump(b), "\(path)")
            case (.failure(let a), .failure(let b)): #expect(a == b, "\(path)")
            default: Issue.record("\(path): one path failed, the other did not")
            }
            compared += 1
        }
        print("compared \(compared) files")
    }

    /// A text form of a tree with every position and scalar style.
    static func dump(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.position.line):\(node.position.column)"
        switch node.value {
        case .scalar(let text, let style): return "\(text.debugDescription)(\(style))\(at)"
        case .sequence(let items): return "[" + items.map { dump($0) }.joined(separator: ",") + "]\(at)"
        case .mapping(let pairs): return "{" + pairs.map { dump($0.key) + ":" + dump($0.value) }.joined(separator: ",") + "}\(at)"
        }
    }
}

@Suite struct ByteOrderMarkTests {
    @Test func aLeadingByteOrderMarkIsSkipped() throws {
        let root = try #require(try YAMLDocument.parse("\u{FEFF}on: push\njobs: {}\n", file: "bom.yml"))
        #expect(root["on"]?.scalar == "push")
        #expect(root["jobs"]?.pairs?.isEmpty == true)
    }
}
