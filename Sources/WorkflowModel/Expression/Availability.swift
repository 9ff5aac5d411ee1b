/// The places of a workflow where expressions are evaluated, with the contexts and special
/// functions GitHub makes available there (GitHub's context-availability table).
public enum ExpressionSite: String, CaseIterable, Sendable {
    case runName = "run-name"
    case concurrency = "concurrency"
    case env = "env"
    case jobConcurrency = "jobs.<job_id>.concurrency"
    case jobContainer = "jobs.<job_id>.container"
    case jobContainerCredentials = "jobs.<job_id>.container.credentials"
    case jobContainerEnv = "jobs.<job_id>.container.env.<env_id>"
    case jobContinueOnError = "jobs.<job_id>.continue-on-error"
    case jobDefaultsRun = "jobs.<job_id>.defaults.run"
    case jobEnv = "jobs.<job_id>.env"
    case jobEnvironment = "jobs.<job_id>.environment"
    case jobEnvironmentURL = "jobs.<job_id>.environment.url"
    case jobIf = "jobs.<job_id>.if"
    case jobName = "jobs.<job_id>.name"
    case jobOutputs = "jobs.<job_id>.outputs.<output_id>"
    case jobRunsOn = "jobs.<job_id>.runs-on"
    case jobSecrets = "jobs.<job_id>.secrets.<secrets_id>"
    case jobServices = "jobs.<job_id>.services"
    case jobServiceCredentials = "jobs.<job_id>.services.<service_id>.credentials"
    case jobServiceEnv = "jobs.<job_id>.services.<service_id>.env.<env_id>"
    case stepContinueOnError = "jobs.<job_id>.steps.continue-on-error"
    case stepEnv = "jobs.<job_id>.steps.env"
    case stepIf = "jobs.<job_id>.steps.if"
    case stepName = "jobs.<job_id>.steps.name"
    case stepRun = "jobs.<job_id>.steps.run"
    case stepTimeout = "jobs.<job_id>.steps.timeout-minutes"
    case stepWith = "jobs.<job_id>.steps.with"
    case stepWorkingDirectory = "jobs.<job_id>.steps.working-directory"
    case jobStrategy = "jobs.<job_id>.strategy"
    case jobTimeout = "jobs.<job_id>.timeout-minutes"
    case jobWith = "jobs.<job_id>.with.<with_id>"
    case workflowCallInputDefault = "on.workflow_call.inputs.<inputs_id>.default"
    case workflowCallOutputValue = "on.workflow_call.outputs.<output_id>.value"
    /// Steps of a composite action (`runs.steps`): like workflow steps, without `needs`, `strategy`, `matrix`, `vars`.
    case actionStep = "runs.steps"
    case actionStepIf = "runs.steps.if"
    case actionOutputValue = "outputs.<output_id>.value"

    /// The context names available here.
    public var contexts: Set<String> {
        switch self {
        case .runName, .concurrency, .workflowCallInputDefault: return ExpressionSite.workflowContexts
        case .env: return ExpressionSite.workflowEnvContexts
        case .jobConcurrency, .jobContainer, .jobContinueOnError, .jobEnvironment, .jobName, .jobRunsOn,
             .jobServices, .jobTimeout, .jobWith:
            return ExpressionSite.jobContexts
        case .jobContainerCredentials, .jobServiceCredentials:
            return ExpressionSite.credentialContexts
        case .jobContainerEnv, .jobServiceEnv:
            return ExpressionSite.containerEnvContexts
        case .jobDefaultsRun: return ExpressionSite.defaultsRunContexts
        case .jobEnv, .jobSecrets: return ExpressionSite.jobEnvContexts
        case .jobEnvironmentURL: return ExpressionSite.stepIfContexts
        case .jobIf, .jobStrategy: return ExpressionSite.jobIfContexts
        case .jobOutputs, .stepContinueOnError, .stepEnv, .stepName, .stepRun, .stepTimeout, .stepWith, .stepWorkingDirectory:
            return ExpressionSite.stepContexts
        case .stepIf: return ExpressionSite.stepIfContexts
        case .workflowCallOutputValue: return ExpressionSite.callOutputContexts
        case .actionStep, .actionStepIf, .actionOutputValue: return ExpressionSite.actionContexts
        }
    }

    /// Functions only available here (beyond the always-available ones).
    public var specialFunctions: Set<String> {
        switch self {
        case .jobIf: return ExpressionSite.jobIfFunctions
        case .stepIf, .actionStepIf: return ExpressionSite.stepIfFunctions
        case .stepContinueOnError, .stepEnv, .stepName, .stepRun, .stepTimeout, .stepWith, .stepWorkingDirectory, .actionStep:
            return ExpressionSite.stepFunctions
        default: return ExpressionSite.none
        }
    }

    // Each site's sets, built once (the checker asks for them for every variable).
    private static let none: Set<String> = []
    private static let workflowContexts: Set<String> = ["github", "inputs", "vars"]
    private static let workflowEnvContexts: Set<String> = ["github", "secrets", "inputs", "vars"]
    private static let jobContexts: Set<String> = ["github", "needs", "strategy", "matrix", "vars", "inputs"]
    private static let credentialContexts: Set<String> = ["github", "needs", "strategy", "matrix", "env", "vars", "secrets", "inputs"]
    private static let containerEnvContexts: Set<String> = ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "secrets", "inputs"]
    private static let defaultsRunContexts: Set<String> = ["github", "needs", "strategy", "matrix", "env", "vars", "inputs"]
    private static let jobEnvContexts: Set<String> = ["github", "needs", "strategy", "matrix", "vars", "secrets", "inputs"]
    private static let stepIfContexts: Set<String> = ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "steps", "inputs"]
    private static let jobIfContexts: Set<String> = ["github", "needs", "vars", "inputs"]
    private static let stepContexts: Set<String> = ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "secrets", "steps", "inputs"]
    private static let callOutputContexts: Set<String> = ["github", "jobs", "vars", "inputs"]
    private static let actionContexts: Set<String> = ["github", "job", "runner", "env", "steps", "inputs", "strategy", "matrix"]
    private static let jobIfFunctions: Set<String> = ["always", "cancelled", "success", "failure"]
    private static let stepIfFunctions: Set<String> = ["always", "cancelled", "success", "failure", "hashfiles"]
    private static let stepFunctions: Set<String> = ["hashfiles"]

    /// Whether this site is an `if:` condition (evaluated without `${{ }}`).
    public var isCondition: Bool { self == .jobIf || self == .stepIf || self == .actionStepIf }
}
