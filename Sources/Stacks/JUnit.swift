import Foundation
import WorkflowModel
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A JUnit XML report (pytest's `--junitxml`, XCTest's `--xunit-output`, and most other tools):
/// the test cases it lists, counted from the `<testcase>` elements themselves.
public struct JUnitReport: Sendable, Equatable {
    public struct TestCase: Sendable, Equatable {
        public enum Outcome: String, Sendable {
            case passed, failed, skipped
        }

        public var className: String
        public var name: String
        public var time: Double
        public var outcome: Outcome
        /// The failure's `message` attribute, when it failed.
        public var message: String?

        /// `Class.name`, as people look it up.
        public var fullName: String { className.isEmpty ? name : "\(className).\(name)" }
    }

    public var cases: [TestCase]

    public var tests: Int { cases.count }
    public var failures: Int { cases.count { $0.outcome == .failed } }
    public var skipped: Int { cases.count { $0.outcome == .skipped } }
    public var failedNames: [String] { cases.filter { $0.outcome == .failed }.map(\.fullName) }

    public init(cases: [TestCase] = []) {
        self.cases = cases
    }

    /// Parses the report at `path`; a missing, unreadable or malformed file is a `UsageError` naming it.
    public static func load(path: String) throws -> JUnitReport {
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: path)) else {
            throw UsageError("cannot read the JUnit report \(path)", hint: "check that the suite writes it there")
        }
        return try parse(parser, name: path)
    }

    /// Parses a report held in memory.
    public static func parse(_ data: Data, name: String = "JUnit report") throws -> JUnitReport {
        try parse(XMLParser(data: data), name: name)
    }

    private static func parse(_ parser: XMLParser, name: String) throws -> JUnitReport {
        let collector = Collector()
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), collector.sawRoot, collector.depth == 0 else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" }
                ?? (collector.depth != 0 ? "the document ends early" : "no <testsuite> or <testsuites> element")
            throw UsageError("cannot parse the JUnit report \(name):\(parser.lineNumber): \(reason)",
                             hint: "the file must be JUnit XML (pytest --junitxml, swift test --xunit-output)")
        }
        return JUnitReport(cases: collector.cases)
    }

    /// A merged JUnit document: one `<testsuite>` per named group.
    public static func merged(_ groups: [(name: String, report: JUnitReport, time: Double)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for group in groups {
            let report = group.report
            xml += "  <testsuite name=\"\(escape(group.name))\" tests=\"\(report.tests)\" failures=\"\(report.failures)\" errors=\"0\" skipped=\"\(report.skipped)\" time=\"\(String(format: "%.3f", group.time))\">\n"
            for test in report.cases {
                xml += "    <testcase classname=\"\(escape(test.className))\" name=\"\(escape(test.name))\" time=\"\(String(format: "%.3f", test.time))\""
                switch test.outcome {
                case .passed: xml += "/>\n"
                case .skipped: xml += "><skipped/></testcase>\n"
                case .failed: xml += "><failure message=\"\(escape(test.message ?? "failed"))\"/></testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            default:
                // XML 1.0 forbids most control characters even when escaped.
                if scalar.value < 0x20, scalar != "\t", scalar != "\r" { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// SAX delegate: streams the document, keeping only the test cases.
private final class Collector: NSObject, XMLParserDelegate {
    var cases: [JUnitReport.TestCase] = []
    var current: JUnitReport.TestCase?
    var sawRoot = false
    /// Open elements: a truncated file ends above zero.
    var depth = 0

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        switch element {
        case "testsuites", "testsuite":
            sawRoot = true
        case "testcase":
            current = JUnitReport.TestCase(className: attributes["classname"] ?? attributes["class"] ?? "", name: attributes["name"] ?? "",
                                           time: Double(attributes["time"] ?? "") ?? 0, outcome: .passed)
        case "failure", "error":
            current?.outcome = .failed
            if current?.message == nil { current?.message = attributes["message"] ?? attributes["type"] }
        case "skipped":
            if current?.outcome == .passed { current?.outcome = .skipped }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if element == "testcase", let test = current {
            cases.append(test)
            current = nil
        }
    }
}
