import Testing
import WorkflowModel

/// The byte-level string helpers must answer exactly as the character-level ones they replace.
@Suite struct ByteSearchTests {
    static let samples = [
        "", "@", "actions/checkout@v4", "a@b@c", "no-at", "docker://x@sha256:1", "owner/repo@",
        "é@v1", "@é", "x@\u{301}v1", "x\u{600}@v1", "a@b@\u{301}", "👍🏽@main", "\r@\n", "@@",
    ]

    @Test(arguments: samples)
    func lastIndexOfASCIIMatchesCharacterSearch(text: String) {
        #expect(text.lastIndex(ofASCII: UInt8(ascii: "@")) == text.lastIndex(of: "@"))
    }

    @Test(arguments: samples + ["${{", "x ${{ a }}", "$ {{", "${", "é${{é", "$${{{"])
    func containsExpressionMatchesSubstringSearch(text: String) {
        let expected = text.utf8.count >= 3 && (0...(text.utf8.count - 3)).contains { Array(text.utf8)[$0..<($0 + 3)] == Array("${{".utf8)[...] }
        #expect(text.containsExpression == expected)
    }
}
