import WorkflowModel

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the
/// Actions runner turns into annotations on the pull request.
public struct GitHubRenderer: FindingRenderer {
    public init() {}

    public func render(_ findings: [Diagnostic], context: RenderContext) -> String {
        findings.map { finding in
            let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            return "::\(command) file=\(property(finding.file)),line=\(finding.line),col=\(finding.column),title=\(property("shipgate \(finding.ruleID)"))::\(data(finding.message))\n"
        }.joined()
    }

    private func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
