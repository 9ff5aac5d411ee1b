import Foundation
import Promotion
import Stacks
import Testing
import WorkflowModel
@testable import Generate

/// A small pipeline: three stacks (one without unit suite), deploy commands, three environments.
func pipelineWorkflows() throws -> ProjectWorkflows {
    let project = try ProjectConfig.parse("""
        stacks:
          database:
            path: stacks/database
            deploy: cdk deploy DatabaseStack --require-approval never
            suites:
              unit: { run: python3 -m unittest discover -s tests/unit, timeout: 5m }
              integration: { run: python3 -m unittest discover -s tests/integration, timeout: 20m }
          datalake:
            path: stacks/datalake
            depends_on: [database]
            deploy: cdk deploy DatalakeStack --require-approval never
            suites:
              unit: { run: python3 -m unittest, timeout: 8m }
              integration: { run: "python3 -m unittest discover -s 'tests/it'", timeout: 10m }
          docs:
            path: docs
            suites:
              lint: { run: "true" }
        """, file: "shipgate.yml")
    let manifests = [
        ("development", "branch: main\ngates:\n  suites: [unit]\n"),
        ("staging", "promotes_from: development\nbranch: main\ngates:\n  suites: [unit, integration]\n  soak: 1h\nsecrets: [DB_PASSWORD]\n"),
        ("production", "promotes_from: staging\nbranch: main\ngates:\n  suites: { datalake: [integration] }\n  approvals: { count: 2 }\n"),
    ]
    let environments = try manifests.map { try ManifestParser.parse($0.1, path: "environments/\($0.0).yml", project: project) }
    return ProjectWorkflows(project: project, environments: try EnvironmentChain(validating: environments).environments)
}

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

@Test("generated workflows match their golden files (SHIPGATE_RECORD=1 re-records, and fails)",
      arguments: ["ci.yml", "promote.yml"])
func golden(_ name: String) throws {
    let files = Generator.files(try pipelineWorkflows())
    let text = try #require(files.first { $0.name == name }).text
    let path = fixtures.appendingPathComponent("pipeline/\(name)").path
    if ProcessInfo.processInfo.environment["SHIPGATE_RECORD"] == "1" {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record("re-recorded \(path): run again without SHIPGATE_RECORD")
        return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == expected, "\(UnifiedDiff.diff(old: expected, new: text, oldName: "golden", newName: "generated"))")
}

@Test("each workflow parses back to exactly the model it was rendered from")
func workflowsRoundTrip() throws {
    for (file, workflow) in try pipelineWorkflows().workflows {
        let parsed = try #require(try YAMLDocument.parse(workflow.render(source: Generator.source), file: file))
        #expect(value(of: parsed) == withoutComments(workflow.yaml), "\(file)")
    }
}

@Test("keys come in the canonical order at every level")
func canonicalOrder() throws {
    let workflowKeys = ["name", "on", "permissions", "concurrency", "jobs"]
    let jobKeys = ["name", "needs", "if", "runs-on", "environment", "permissions", "concurrency", "timeout-minutes", "strategy", "outputs", "env", "steps"]
    let stepKeys = ["name", "id", "if", "env", "uses", "with", "run"]
    func inOrder(_ keys: [String], _ canonical: [String]) -> Bool {
        let indexes = keys.compactMap { canonical.firstIndex(of: $0) }
        return indexes.count == keys.count && indexes == indexes.sorted()
    }
    for (file, workflow) in try pipelineWorkflows().workflows {
        let root = try #require(try YAMLDocument.parse(workflow.render(source: Generator.source), file: file))
        #expect(inOrder(root.pairs!.map(\.name), workflowKeys), "\(file)")
        for job in root["jobs"]!.pairs! {
            #expect(inOrder(job.value.pairs!.map(\.name), jobKeys), "\(file) job \(job.name)")
            for step in job.value["steps"]!.items! {
                #expect(inOrder(step.pairs!.map(\.name), stepKeys), "\(file) job \(job.name) step \(step["name"]?.scalar ?? "?")")
            }
        }
    }
}

@Test("ci.yml: lint, plan with full history, unit matrix over affected stacks, promotion to the root on main")
func ciShape() throws {
    let ci = try pipelineWorkflows().ci
    #expect(ci.jobs.map(\.id) == ["lint", "plan", "unit", "promote-development"])
    #expect(ci.permissions.isEmpty)
    let plan = ci.jobs[1]
    #expect(plan.steps[0] == Tooling.checkout(fullHistory: true))
    #expect(plan.permissions.map(\.level) == [.read])
    let unit = ci.jobs[2]
    #expect(unit.condition == "needs.plan.outputs.any == 'true'")
    #expect(unit.strategy?.matrix == [YAMLEntry("stack", .string("${{ fromJSON(needs.plan.outputs.stacks) }}"))])
    #expect(unit.timeoutMinutes == 8 + ProjectWorkflows.overheadMinutes)
    let promote = ci.jobs[3]
    #expect(promote.environment == "development")
    #expect(promote.concurrency?.group == "shipgate-environment-development")
    #expect(promote.condition?.contains("github.ref == 'refs/heads/main'") == true)
    #expect(promote.steps.contains { if case .uses(.shipgate, let with) = $0.action { with.first?.value == .string("deploy") } else { false } })
}

@Test("promote.yml: a choice of targets, one gated job per target running the required suites against its source")
func promoteShape() throws {
    let workflows = try pipelineWorkflows()
    let promote = workflows.promote
    guard case .workflowDispatch(let inputs) = promote.triggers.first else { Issue.record("no workflow_dispatch"); return }
    #expect(inputs.map(\.name) == ["target", "build"])
    #expect(inputs[0].kind == .choice(["staging", "production"]))
    #expect(promote.jobs.map(\.id) == ["staging", "production"])
    #expect(promote.jobs.map(\.environment) == ["staging", "production"])
    func args(_ job: Generate.Job, _ command: String) -> String? {
        for step in job.steps {
            if case .uses(.shipgate, let with) = step.action, with.first?.value == .string(command), case .string(let text)? = with.dropFirst().first?.value {
                return text
            }
        }
        return nil
    }
    #expect(args(promote.jobs[0], "test") == "--suite integration --suite unit --env development --record")
    #expect(args(promote.jobs[1], "test") == "--suite integration --env staging --record")
    #expect(args(promote.jobs[1], "promote") == "--to production --build ${{ inputs.build }}")
    #expect(args(promote.jobs[1], "deploy") == "--env production")
    // 20m and 10m integration suites, two at a time: 20 minutes, plus overhead and deploys.
    #expect(promote.jobs[1].timeoutMinutes == 20 + ProjectWorkflows.overheadMinutes + ProjectWorkflows.deployMinutes)
}

@Test("no environments: ci.yml only, without a promotion job; one environment: still no promote.yml")
func withoutChain() throws {
    var workflows = try pipelineWorkflows()
    workflows.environments = []
    #expect(workflows.workflows.map(\.file) == ["ci.yml"])
    #expect(!workflows.ci.jobs.contains { $0.environment != nil })
    workflows = try pipelineWorkflows()
    workflows.environments = Array(workflows.environments.prefix(1))
    #expect(workflows.workflows.map(\.file) == ["ci.yml"])
}

@Test("every action reference is a full commit id with a version comment, or the local action")
func pinnedActions() {
    for action in PinnedAction.all {
        if let commit = action.commit {
            #expect(commit.count == 40 && commit.allSatisfy(\.isHexDigit) && commit == commit.lowercased())
            #expect(action.version?.hasPrefix("v") == true)
        } else {
            #expect(action.repository.hasPrefix("./"))
        }
    }
}

@Test("generate.action in shipgate.yml pins how the jobs run shipgate; a malformed one is a config error")
func configuredShipgateAction() throws {
    let pinned = "acme/shipgate@0123456789abcdef0123456789abcdef01234567"
    let project = try ProjectConfig.parse("""
        stacks:
          api: { path: api, suites: { unit: { run: "true" } } }
        generate: { action: "\(pinned)", version: v0.1.0 }
        """, file: "shipgate.yml")
    let text = YAMLRenderer.render(ProjectWorkflows(project: project, environments: []).ci.yaml)
    #expect(text.contains("uses: \(pinned) # v0.1.0"))
    #expect(!text.contains("uses: ./"))
    #expect(YAMLRenderer.render(try pipelineWorkflows().ci.yaml).contains("uses: ./"))

    let error = #expect(throws: Diagnostic.self) {
        try ProjectConfig.parse("stacks:\n  api: { path: api }\ngenerate: { action: shipgate }\n", file: "shipgate.yml")
    }
    #expect(error?.line == 3)
    #expect(error?.message.contains("owner/repo@ref") == true)
}
