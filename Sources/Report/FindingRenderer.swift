import WorkflowModel

/// Renders lint findings in one output format. One implementation per format, each checked
/// against golden files.
public protocol FindingRenderer: Sendable {
    func render(_ findings: [Diagnostic], context: RenderContext) -> String
}

/// What renderers may need beyond the findings.
public struct RenderContext: Sendable {
    /// Text of the files with findings, for source excerpts.
    public var sources: [String: SourceText]
    /// Every rule, for SARIF's rule table.
    public var rules: [RuleInfo]
    public var terminal: Terminal
    public var toolVersion: String

    public init(sources: [String: SourceText] = [:], rules: [RuleInfo] = [], terminal: Terminal = Terminal(useColor: false),
                toolVersion: String = "0.1.0") {
        self.sources = sources
        self.rules = rules
        self.terminal = terminal
        self.toolVersion = toolVersion
    }
}

/// A rule as the renderers see it.
public struct RuleInfo: Sendable, Equatable {
    public let id: String
    public let summary: String
    public let rationale: String
    public let severity: Severity

    public init(id: String, summary: String, rationale: String, severity: Severity) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
    }
}

extension OutputFormat {
    /// The renderer of this format.
    public var renderer: any FindingRenderer {
        switch self {
        case .human: return HumanRenderer()
        case .json: return JSONRenderer()
        case .github: return GitHubRenderer()
        case .sarif: return SARIFRenderer()
        }
    }
}
