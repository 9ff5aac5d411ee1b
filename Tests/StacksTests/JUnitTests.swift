import Foundation
import Stacks
import Testing

@Suite struct JUnitTests {
    @Test func pytestReport() throws {
        let report = try JUnitReport.load(path: fixture("pytest-junit.xml"))
        #expect(report.tests == 5)
        #expect(report.failures == 2)
        #expect(report.skipped == 1)
        #expect(report.failedNames == ["test_sample.test_fails", "test_sample.test_errors"])
        #expect(report.cases.first { $0.name == "test_errors" }?.message == "RuntimeError: boom <&>")
        #expect(report.cases.contains { $0.fullName == "test_sample.TestGroup.test_inside" && $0.outcome == .passed })
    }

    @Test func xctestReport() throws {
        let report = try JUnitReport.load(path: fixture("xctest-xunit.xml"))
        #expect(report.tests == 4)
        #expect(report.failures == 1)
        #expect(report.failedNames == ["SampleTests.SampleTests.testFailsOnPurpose"])
    }

    @Test func mergedReportParsesBack() throws {
        let pytest = try JUnitReport.load(path: fixture("pytest-junit.xml"))
        let text = JUnitReport.merged([("py/unit", pytest, 1.5)])
        #expect(try JUnitReport.parse(Data(text.utf8)) == pytest.withoutTimes())
    }

    @Test(arguments: ["", "<html></html>", "<testsuite><testcase name='a'>", "not xml"])
    func malformedReportsAreErrors(text: String) {
        #expect(throws: (any Error).self) { try JUnitReport.parse(Data(text.utf8)) }
    }
}

extension JUnitReport {
    /// Times are rounded to milliseconds by the merged writer.
    func withoutTimes() -> JUnitReport {
        JUnitReport(cases: cases.map { var test = $0; test.time = (test.time * 1000).rounded() / 1000; return test })
    }
}
