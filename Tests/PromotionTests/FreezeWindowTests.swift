import Foundation
import Testing
import WorkflowModel
@testable import Promotion

@Suite struct FreezeWindowTests {
    func window(_ flow: String) throws -> FreezeWindow {
        let node = try #require(try YAMLDocument.parse(flow, file: "f.yml"))
        return try FreezeWindow.parse(MappingReader(file: "f.yml", node: node, ruleID: "environment"))
    }

    func at(_ text: String) -> Date { Timestamp.parse(text)! }

    @Test func weeklyWindowAcrossMidnight() throws {
        // 2026-03-06 is a Friday.
        let freeze = try window("{ weekly: \"Fri 22:00 - Sat 02:00\", tz: UTC }")
        #expect(!freeze.contains(at("2026-03-06T21:59:59Z")))
        #expect(freeze.contains(at("2026-03-06T22:00:00Z")))
        #expect(freeze.contains(at("2026-03-07T01:59:59Z")))
        #expect(!freeze.contains(at("2026-03-07T02:00:00Z")))
    }

    @Test func weeklyWindowOverTheWeekEnd() throws {
        let freeze = try window("{ weekly: \"Fri 16:00 - Mon 08:00\" }")
        #expect(!freeze.contains(at("2026-03-06T15:59:00Z")))
        #expect(freeze.contains(at("2026-03-06T16:00:00Z")))
        #expect(freeze.contains(at("2026-03-08T23:59:59Z")))  // Sunday night: the week wraps
        #expect(freeze.contains(at("2026-03-09T07:59:00Z")))
        #expect(!freeze.contains(at("2026-03-09T08:00:00Z")))
        #expect(!freeze.contains(at("2026-03-11T12:00:00Z")))
    }

    @Test func weeklyWindowFollowsDaylightSavingInANamedZone() throws {
        // Europe/Berlin moves from UTC+1 to UTC+2 on Sunday 2026-03-29.
        let freeze = try window("{ weekly: \"Fri 16:00 - Mon 08:00\", tz: Europe/Berlin }")
        #expect(freeze.contains(at("2026-03-23T06:30:00Z")))   // 07:30 CET: still frozen
        #expect(!freeze.contains(at("2026-03-30T06:30:00Z")))  // 08:30 CEST: open
        #expect(freeze.contains(at("2026-03-30T05:59:00Z")))   // 07:59 CEST
        #expect(!freeze.contains(at("2026-03-27T14:59:00Z")))  // Friday 15:59 CET
        #expect(freeze.contains(at("2026-03-27T15:00:00Z")))   // Friday 16:00 CET
        // Back on UTC+1 after the autumn change (2026-10-25): a fixed offset would get one side wrong.
        #expect(!freeze.contains(at("2026-10-26T07:00:00Z")))  // after the autumn change: 08:00 CET
        #expect(freeze.contains(at("2026-10-26T06:59:00Z")))
    }

    @Test func dateRangeIncludesItsLastDayInItsZone() throws {
        let freeze = try window("{ from: \"2026-12-20\", to: \"2027-01-04\", tz: Europe/Berlin, reason: holidays }")
        #expect(!freeze.contains(at("2026-12-19T22:59:59Z")))
        #expect(freeze.contains(at("2026-12-19T23:00:00Z")))   // midnight in Berlin
        #expect(freeze.contains(at("2027-01-04T22:59:59Z")))
        #expect(!freeze.contains(at("2027-01-04T23:00:00Z")))
        #expect(freeze.reason == "holidays")
        let minutes = try window("{ from: \"2026-12-20 18:00\", to: \"2026-12-21 06:00\" }")
        #expect(minutes.contains(at("2026-12-20T18:00:00Z")))
        #expect(!minutes.contains(at("2026-12-21T06:00:00Z")))
    }
}
