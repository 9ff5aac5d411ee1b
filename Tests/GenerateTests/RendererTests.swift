import Testing
import WorkflowModel
@testable import Generate

/// Reads a parsed node back as the `YAMLValue` it stands for: plain `true`/`false` are booleans,
/// plain whole numbers are integers, every other scalar is a string.
func value(of node: YAMLNode) -> YAMLValue {
    switch node.value {
    case .mapping(let pairs): return .mapping(pairs.map { YAMLEntry($0.name, value(of: $0.value)) })
    case .sequence(let items): return .sequence(items.map(value(of:)))
    case .scalar(let text, let style):
        if style == .plain, let flag = node.bool { return .bool(flag) }
        if style == .plain, let number = Int(text) { return .int(number) }
        return .string(text)
    }
}

/// Drops comments from entries (they are not part of the parsed value).
func withoutComments(_ value: YAMLValue) -> YAMLValue {
    switch value {
    case .mapping(let entries): return .mapping(entries.map { YAMLEntry($0.key, withoutComments($0.value)) })
    case .sequence(let items): return .sequence(items.map(withoutComments))
    default: return value
    }
}

func roundTrip(_ original: YAMLValue) throws -> YAMLValue? {
    let text = YAMLRenderer.render(original)
    return try YAMLDocument.parse(text, file: "rendered.yml").map(value(of:))
}

/// Strings that plain YAML would read as something else, or that need escapes or blocks.
let trickyStrings = [
    "true", "False", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "", " ", " leading", "trailing ",
    "1", "-1", "+1", "1.5", ".5", "-.5", "1e3", "0x1F", "0o17", "1_000", "1:30", "2026-01-01", ".inf", "-.Inf", ".NaN",
    "a: b", "a:b", "key:", "a #b", "a#b", "#comment", "- item", "-", "--stack unit", "? q", ": c", "[a]", "{a}", "a, b",
    "&anchor", "*alias", "!tag", "|", ">", "'single'", "\"double\"", "%directive", "@at", "`tick", "<<", "=",
    "it's", "say \"hi\"", "back\\slash", "tab\there", "bell\u{7}", "nul\u{0}", "del\u{7F}", "next\u{85}line", "ls\u{2028}ps\u{2029}",
    "bom\u{FEFF}", "ünïcödé ✓", "emoji 🚀", "${{ github.sha }}", "${{ a == 'b' }}", "${{ !cancelled() }}",
    "multi\nline", "multi\nline\n", "keep\n\n\n", "\nleading newline", " indented\nfirst", "blank\n\nmiddle\n",
    "trailing space \nnext", "spaces only\n   \nend", "cr\r\nlf", "# not a comment\n- not an item\n", "---\n...\n",
]

@Test("every string reads back as the same string, as a value, a key and a sequence item", arguments: trickyStrings)
func scalarRoundTrip(_ text: String) throws {
    let document = YAMLValue.mapping([
        YAMLEntry("value", .string(text)),
        YAMLEntry(text.isEmpty ? "empty" : text, .string("as key")),
        YAMLEntry("items", .sequence([.string(text), .string("after")])),
        YAMLEntry("nested", .mapping([YAMLEntry("deeper", .sequence([.mapping([YAMLEntry("x", .string(text))])]))])),
    ])
    #expect(try roundTrip(document) == document, "rendered:\n\(YAMLRenderer.render(document))")
}

@Test("booleans, integers, empty collections and flow sequences keep their types")
func typedValues() throws {
    let document = YAMLValue.mapping([
        YAMLEntry("flag", .bool(false)), YAMLEntry("count", .int(-42)), YAMLEntry("empty", .emptyMapping),
        YAMLEntry("none", .sequence([])), YAMLEntry("flow", .sequence([.string("main"), .string("release/*"), .int(3), .bool(true)])),
        YAMLEntry("unsafe flow", .sequence([.string("a, b"), .string("true")])),
        YAMLEntry("lists", .sequence([.sequence([.string("x"), .string("y")]), .sequence([])])),
    ])
    #expect(try roundTrip(document) == document)
    let text = YAMLRenderer.render(document)
    #expect(text.contains("flow: [main, release/*, 3, true]\n"))
    #expect(text.contains("empty: {}\n"))
    #expect(text.contains("  - a, b\n  - 'true'\n"))
}

@Test("plain where plain is safe, so generated files read naturally")
func plainWhenSafe() {
    #expect(Scalar.quoted("ubuntu-24.04", flow: false) == "ubuntu-24.04")
    #expect(Scalar.quoted("${{ matrix.stack }}", flow: false) == "${{ matrix.stack }}")
    #expect(Scalar.quoted("--suite unit --record", flow: false) == "--suite unit --record")
    #expect(Scalar.quoted("true", flow: false) == "'true'")
    #expect(Scalar.quoted("it's: here", flow: false) == "'it''s: here'")
    #expect(Scalar.quoted("a\u{1}", flow: false) == "\"a\\x01\"")
    #expect(Scalar.key("on") == "on")
    #expect(Scalar.key("timeout-minutes") == "timeout-minutes")
    #expect(Scalar.key("has space") == "has space")
    #expect(Scalar.key("1abc") == "'1abc'")
}

@Test("multi-line strings become literal blocks with the right chomping")
func literalBlocks() throws {
    let document = YAMLValue.mapping([
        YAMLEntry("clip", .string("echo a\necho b\n")), YAMLEntry("strip", .string("echo a\necho b")),
        YAMLEntry("keep", .string("echo a\n\n")),
    ])
    let text = YAMLRenderer.render(document)
    #expect(text == "clip: |\n  echo a\n  echo b\nstrip: |-\n  echo a\n  echo b\nkeep: |+\n  echo a\n\n")
    #expect(try roundTrip(document) == document)
}

@Test("rendering is deterministic and keeps the given key order")
func deterministic() {
    let entries = (0..<50).map { YAMLEntry("key\(($0 * 37) % 50)", .int($0)) }
    let first = YAMLRenderer.render(.mapping(entries))
    #expect(first == YAMLRenderer.render(.mapping(entries)))
    let keys = first.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
    #expect(keys == entries.map(\.key))
}
