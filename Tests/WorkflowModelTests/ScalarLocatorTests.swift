import Testing
@testable import WorkflowModel

@Suite struct ScalarLocatorTests {
    /// YAML → (the substring to locate in the value of key `k`, expected line, column).
    @Test(arguments: [
        ("k: echo ${{ x }}\n", "x }}", 1, 13),
        ("k: 'it''s ${{ x }}'\n", "x }}", 1, 15),
        ("k: \"a\\\"b ${{ x }}\"\n", "x }}", 1, 14),
        ("k: |\n  echo one\n  echo ${{ x }}\n", "x }}", 3, 12),
        ("k: |\n    first\n\n    echo ${{ x }}\n", "x }}", 4, 14),
        ("k: >\n  one\n  two ${{ x }}\n", "x }}", 3, 11),
        ("k: plain\n  continued ${{ x }}\n", "x }}", 2, 17),
        ("k: 'quoted\n  next ${{ x }}'\n", "x }}", 2, 12),
        ("k: é ${{ x }}\n", "x }}", 1, 10),
    ])
    func locate(yaml: String, needle: String, line: Int, column: Int) throws {
        let root = try #require(try YAMLDocument.parse(yaml, file: "t.yml"))
        let node = try #require(root["k"])
        let value = try #require(node.scalar)
        let range = try #require(value.range(of: needle))
        let offset = value.utf8.distance(from: value.startIndex, to: range.lowerBound)
        let position = ScalarLocator(text: yaml).position(ofUTF8Offset: offset, in: node)
        #expect(position == SourcePosition(line: line, column: column))
    }
}
