/// Every rule shipgate runs, in catalogue order. Add a rule here with one line.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        SyntaxRule(),
        UnknownKeyRule(),
        ValueTypeRule(),
        MissingKeyRule(),
        EventsRule(),
        FiltersRule(),
        CronRule(),
        WorkflowInputsRule(),
        PermissionsRule(),
        IDRule(),
        NeedsRule(),
        RunnerLabelRule(),
        MatrixRule(),
        TimeoutRule(),
        StepKindRule(),
        UsesRule(),
        ShellRule(),
        LocalActionRule(),
        ReusableWorkflowRule(),
        ExpressionSyntaxRule(),
        ExpressionTypeRule(),
        ExpressionContextRule(),
        ExpressionNeedsRule(),
        ExpressionStepsRule(),
        ExpressionMatrixRule(),
        ExpressionInputsRule(),
        ExpressionGithubRule(),
        IfAlwaysTrueRule(),
        IfConstantRule(),
        ActionInputsRule(),
        ActionRuntimeRule(),
        TemplateInjectionRule(),
        ScriptExpansionRule(),
        DangerousTriggerRule(),
        ExcessivePermissionsRule(),
        UnpinnedActionRule(),
        CredentialPersistenceRule(),
        SecretsInheritRule(),
        HardcodedCredentialsRule(),
        SelfHostedRunnerRule(),
        CacheInReleaseRule(),
        EnvironmentNameRule(),
        EnvironmentSecretsRule(),
        EnvironmentGateRule(),
    ]

    /// The rule with `id`, nil when there is none.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }

    /// Every rule id, including the ones the linter emits itself.
    public static var ids: [String] { all.map(\.id) }
}
