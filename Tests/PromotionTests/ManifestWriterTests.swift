import Foundation
import GitKit
import Testing
@testable import Promotion

@Suite struct ManifestWriterTests {
    let build = ObjectID(hex: String(repeating: "ab", count: 20))!
    let other = ObjectID(hex: String(repeating: "cd", count: 20))!

    func deployment(_ id: ObjectID, stacks: [String: ObjectID] = [:]) -> Deployment {
        Deployment(build: id, at: Timestamp.parse("2026-11-20T10:00:00Z")!, by: "Ann O'Neil: ops", stacks: stacks)
    }

    @Test func replacesOnlyTheDeployedBlock() throws {
        let human = "# people wrote this\nbranch:   main   # odd spacing kept\ngates: { soak: 24h }\n"
        let tail = "\n# trailing comment stays\nsecrets: [A]\n"
        let first = try ManifestWriter.replacingBlock("deployed", in: human + tail, with: ManifestWriter.deployedBlock(deployment(build)),
                                                      file: "environments/x.yml")
        #expect(first.hasPrefix(human + tail))
        let second = try ManifestWriter.replacingBlock("deployed", in: first,
                                                       with: ManifestWriter.deployedBlock(deployment(other, stacks: ["b": other, "a": build])),
                                                       file: "environments/x.yml")
        #expect(second.hasPrefix(human + tail))
        #expect(!second.contains(build.hex + "\n  at") && second.contains("    a: \(build.hex)\n    b: \(other.hex)"))
        let parsed = try ManifestParser.parse(second, path: "environments/x.yml", project: nil)
        #expect(parsed.deployed == deployment(other, stacks: ["b": other, "a": build]))
        #expect(parsed.deployed?.by == "Ann O'Neil: ops")
    }

    @Test func blockInTheMiddleKeepsWhatFollowsByteForByte() throws {
        let before = "branch: main\r\n"
        let after = "\r\n# comment at column 1\r\nsecrets: [A]\r\n"
        let text = before + "deployed:\r\n  build: \(build.hex)\r\n\r\n  at: 2026-01-01T00:00:00Z\r\n  by: x\r\n" + after
        let result = try ManifestWriter.replacingBlock("deployed", in: text, with: ManifestWriter.deployedBlock(deployment(other)), file: "x.yml")
        #expect(result.hasPrefix(before))
        #expect(result.hasSuffix(after))
        #expect(result.contains("  build: \(other.hex)\r\n"))
        #expect(!result.contains(build.hex))
    }

    @Test func holdIsInsertedBeforeDeployedAndRemovedCleanly() throws {
        let text = "branch: main\n" + ManifestWriter.deployedBlock(deployment(build)).joined(separator: "\n") + "\n"
        let hold = Hold(reason: "incident #42: \"db\" down", by: "ops", at: Timestamp.parse("2026-11-20T10:00:00Z")!)
        let held = try ManifestWriter.replacingBlock("hold", in: text, with: ManifestWriter.holdBlock(hold), before: "deployed", file: "x.yml")
        #expect(held.hasPrefix("branch: main\nhold:"))
        let parsed = try ManifestParser.parse(held, path: "environments/x.yml", project: nil)
        #expect(parsed.hold == hold)
        #expect(parsed.deployed?.build == build)
        #expect(try ManifestWriter.replacingBlock("hold", in: held, with: nil, file: "x.yml") == text)
    }

    @Test func fileWithoutFinalNewlineGetsOne() throws {
        let result = try ManifestWriter.replacingBlock("deployed", in: "branch: main", with: ["deployed:", "  build: x"], file: "x.yml")
        #expect(result == "branch: main\ndeployed:\n  build: x\n")
    }

    @Test(arguments: ["plain-name", "true", "", "a: b", "#x", "név", "x\ny", "tab\there", " lead", "null"])
    func scalarsReadBackAsWritten(_ text: String) throws {
        let manifest = "branch: main\nhold:\n  reason: x\n  by: \(ManifestWriter.scalar(text))\n"
        #expect(try ManifestParser.parse(manifest, path: "environments/x.yml", project: nil).hold?.by == text)
    }
}
