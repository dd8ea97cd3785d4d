namespace ManifestLint.Engine.Analysis;

/// <summary>
/// A rule's logic, Roslyn-style: it registers callbacks for what it inspects (a file, a resource, a pod,
/// a container, or the whole input set) and reports through the context it is given. Its metadata lives
/// in its page, <c>rules/ID.md</c>, joined by <see cref="Id"/>. Its ID is a <see cref="Catalog.RuleIds"/> constant, and
/// its options are declared here, once: <c>MyRule() : Rule(RuleIds.My, MaxRatio)</c>.
/// </summary>
public abstract class Rule(string id, params RuleOption[] options)
{
    public string Id { get; } = id;

    /// <summary>The options the configuration may set for this rule (the page lists the same under "## Options").</summary>
    public IReadOnlyList<RuleOption> Options { get; } = options;

    public abstract void Initialize(RuleRegistration registration);
}

/// <summary>Collects the callbacks a rule registers in <see cref="Rule.Initialize"/>.</summary>
public sealed class RuleRegistration
{
    internal List<Action<FileContext>> FileActions { get; } = [];

    internal List<Action<ResourceContext>> ResourceActions { get; } = [];

    internal List<Action<PodContext>> PodActions { get; } = [];

    internal List<Action<ContainerContext>> ContainerActions { get; } = [];

    internal List<Action<InputSetContext>> InputSetActions { get; } = [];

    /// <summary>Once per input file, with the problems met while reading it.</summary>
    public void RegisterFileAction(Action<FileContext> action) => FileActions.Add(action);

    /// <summary>Once per Kubernetes object.</summary>
    public void RegisterResourceAction(Action<ResourceContext> action) => ResourceActions.Add(action);

    /// <summary>Once per pod spec (a Pod, or any workload's pod template).</summary>
    public void RegisterPodAction(Action<PodContext> action) => PodActions.Add(action);

    /// <summary>Once per container, init and sidecar containers included.</summary>
    public void RegisterContainerAction(Action<ContainerContext> action) => ContainerActions.Add(action);

    /// <summary>
    /// For rules that relate objects to each other, across files. So that no file's model is kept for the whole run, the
    /// action runs once per slice of the input (see <see cref="InputIndex"/>): once for each workload that an autoscaler
    /// targets or whose namespace has a ResourceQuota, while its file is loaded, and once, last, for the autoscalers whose
    /// target is not in the input. Iterate the index's workloads and autoscalers and report about each; never count or
    /// aggregate across calls.
    /// </summary>
    public void RegisterInputSetAction(Action<InputSetContext> action) => InputSetActions.Add(action);
}
