using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Analysis;

/// <summary>What every callback context has: the options, and a way to report for the rule being run.</summary>
public abstract class AnalysisContext(RuleDescriptor rule, Severity severity, AnalysisOptions options, ICollection<Diagnostic> sink)
{
    public AnalysisOptions Options { get; } = options;

    public RuleDescriptor Rule { get; } = rule;

    /// <summary>The severity findings of this context get: the rule's configured severity, or less (see <c>AtMost</c>).</summary>
    public Severity Severity { get; } = severity;

    private protected ICollection<Diagnostic> Sink { get; } = sink;

    /// <summary>
    /// A rule whose milder case is a lower severity (e.g. "at or above the limit" is an error, "above 95%" a
    /// warning) reports that case at most at <paramref name="cap"/>; a user who lowered the rule keeps their choice.
    /// </summary>
    private protected Severity Capped(Severity cap) => (Severity)Math.Min((int)Severity, (int)cap);

    /// <summary>An option the running rule declared: its configured value for this file, or its default.</summary>
    public T Option<T>(RuleOption<T> option) => Options.Settings.Get(Rule.Id, option);

    /// <summary>The IDs of the rules that run on this file (severity not none); null when every rule does.</summary>
    internal IReadOnlySet<string>? ActiveRules { get; init; }

    /// <summary>
    /// Whether another rule runs on this file. A rule that leaves a shape to a more specific one (ML1002 leaves a container
    /// with neither request nor limit to ML1001) reports it itself when the user turned that rule off.
    /// </summary>
    public bool IsActive(string ruleId) => ActiveRules?.Contains(ruleId) ?? true;

    private protected void Add(SourceSpan at, string message, IReadOnlyList<RelatedLocation> related, IReadOnlyDictionary<string, string> properties, string fingerprint, Fix? fix = null)
    {
        // No lock: a context reports into the sink of the one file (or cross-file pass) being analysed, which one
        // thread fills; the engine runs files in parallel, never the rules of one file.
        Sink.Add(new Diagnostic(Rule, Severity, message, at, related, properties, $"{Rule.Id}|{fingerprint}") { Fix = fix });
    }

    private protected static Dictionary<string, string> Describe(KubeResource resource) => new(StringComparer.Ordinal)
    {
        ["kind"] = resource.Kind,
        ["namespace"] = resource.Namespace,
        ["name"] = resource.Name,
    };

    private protected static string Key(KubeResource resource) => $"{resource.Kind}|{resource.Namespace}|{resource.Name}";

    /// <summary>A workload's key: its resource's, and the pod's path when the resource can hold several pods.</summary>
    private protected static string Key(Workload workload) => workload.HasUnconventionalPath ? $"{Key(workload.Resource)}|{workload.PodSpecPath}" : Key(workload.Resource);
}

/// <summary>A file and the problems met while reading it.</summary>
public sealed class FileContext(ManifestFile file, RuleDescriptor rule, Severity severity, AnalysisOptions options, ICollection<Diagnostic> sink)
    : AnalysisContext(rule, severity, options, sink)
{
    public ManifestFile File { get; } = file;

    /// <param name="detail">What tells this finding apart from others of the rule in the same file (not a line number).</param>
    public void Report(SourceSpan at, string message, string detail) =>
        Add(at, message, [], new Dictionary<string, string>(), $"{File.Path}|{detail}");
}

public sealed class ResourceContext(KubeResource resource, RuleDescriptor rule, Severity severity, AnalysisOptions options, ICollection<Diagnostic> sink)
    : AnalysisContext(rule, severity, options, sink)
{
    public KubeResource Resource { get; } = resource;

    public void Report(SourceSpan at, string message, string detail = "") =>
        Add(at, message, [], Describe(Resource), $"{Key(Resource)}|{detail}");
}

/// <summary>Shared, computed-once facts about one pod spec: effective container resources and the QoS class.</summary>
/// <remarks>
/// The engine uses a PodFacts from one thread (the one analysing the workload's file), but the public
/// <see cref="InputIndex"/> built from whole files hands out one PodFacts per workload from a concurrent cache to
/// whoever asks, so the two lazily filled caches below keep their locks: uncontended, they cost next to nothing.
/// </remarks>
public sealed class PodFacts
{
    private readonly Dictionary<Container, EffectiveResources> effective = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Container, (ContainerCommandLine CommandLine, RuntimeDetection Runtime)> runtimes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Container, Dictionary<Type, object>> derived = new(ReferenceEqualityComparer.Instance);

    /// <param name="images">The image catalog of the workload's file (its <c>images:</c> in front of the built-in one); null for the built-in.</param>
    public PodFacts(Workload workload, IReadOnlyList<LimitRange> limitRanges, Model.Runtimes.Catalog.ImageCatalog? images = null)
    {
        Workload = workload;
        Images = images ?? Model.Runtimes.Catalog.ImageCatalog.Default;
        LimitRanges = limitRanges;
        foreach (var container in workload.Pod.AllContainers)
        {
            effective[container] = Defaulting.Resolve(container, limitRanges);
        }

        Qos = QosCalculator.Compute(workload.Pod, Effective);
    }

    public Workload Workload { get; }

    /// <summary>The LimitRanges of the workload's namespace found in the input, in input order.</summary>
    public IReadOnlyList<LimitRange> LimitRanges { get; }

    public QosClass Qos { get; }

    /// <summary>The image catalog runtime detection reads.</summary>
    public Model.Runtimes.Catalog.ImageCatalog Images { get; }

    public EffectiveResources Effective(Container container) => effective[container];

    /// <summary>What the container runs (through <c>sh -c</c> and launchers), computed on first use.</summary>
    public ContainerCommandLine CommandLine(Container container) => RuntimeFacts(container).CommandLine;

    /// <summary>The runtime the container runs (JVM, Go ...), computed on first use.</summary>
    public RuntimeDetection Runtime(Container container) => RuntimeFacts(container).Runtime;

    /// <summary>
    /// A fact a family of rules shares about one container (the JVM's flags and heap, Node's options), computed by the
    /// first rule that asks and reused by the others: the five JVM rules would otherwise each parse the same flags.
    /// </summary>
    public T Derived<T>(Container container, Func<Container, T> compute)
        where T : class
    {
        lock (derived)
        {
            if (!derived.TryGetValue(container, out var facts))
            {
                derived[container] = facts = [];
            }

            if (!facts.TryGetValue(typeof(T), out var value))
            {
                facts[typeof(T)] = value = compute(container);
            }

            return (T)value;
        }
    }

    private (ContainerCommandLine CommandLine, RuntimeDetection Runtime) RuntimeFacts(Container container)
    {
        lock (runtimes)
        {
            if (!runtimes.TryGetValue(container, out var facts))
            {
                var commandLine = ContainerCommandLine.From(container, env => DownwardApi.Resolve(env, container, Workload.Pod, Effective));
                runtimes[container] = facts = (commandLine, RuntimeDetector.Detect(container, commandLine, Images));
            }

            return facts;
        }
    }
}

public sealed class PodContext(PodFacts facts, RuleDescriptor rule, Severity severity, AnalysisOptions options, ICollection<Diagnostic> sink)
    : AnalysisContext(rule, severity, options, sink)
{
    public Workload Workload => Facts.Workload;

    public PodSpec Pod => Facts.Workload.Pod;

    public PodFacts Facts { get; } = facts;

    public void Report(SourceSpan at, string message, string detail = "", params RelatedLocation[] related) => Report(null, at, message, detail, related);

    /// <summary>Reports with a safe mechanical fix (see <see cref="ResourceFixes"/>); null when none applies.</summary>
    public void Report(Fix? fix, SourceSpan at, string message, string detail = "", params RelatedLocation[] related)
    {
        var properties = Describe(Workload.Resource);
        properties["qosClass"] = Facts.Qos.ToString();
        Add(at, message, related, properties, $"{Key(Workload)}|{detail}", fix);
    }
}

public sealed class ContainerContext(PodFacts facts, Container container, RuleDescriptor rule, Severity severity, AnalysisOptions options, ICollection<Diagnostic> sink)
    : AnalysisContext(rule, severity, options, sink)
{
    public Workload Workload => Facts.Workload;

    public PodSpec Pod => Facts.Workload.Pod;

    public PodFacts Facts { get; } = facts;

    public Container Container { get; } = container;

    public EffectiveResources Effective => Facts.Effective(Container);

    public ContainerCommandLine CommandLine => Facts.CommandLine(Container);

    public RuntimeDetection Runtime => Facts.Runtime(Container);

    /// <summary>How messages start: <c>Deployment shop/web, container "web"</c>.</summary>
    public string Subject => $"{Workload.DisplayName}, {Container.DisplayName}";

    /// <summary>This context with its severity capped, for a rule's milder case.</summary>
    public ContainerContext AtMost(Severity cap) => new(Facts, Container, Rule, Capped(cap), Options, Sink) { ActiveRules = ActiveRules };

    public void Report(SourceSpan at, string message, string detail = "", params RelatedLocation[] related) => Report(null, at, message, detail, related);

    /// <summary>Reports with a safe mechanical fix (see <see cref="ResourceFixes"/>); null when none applies.</summary>
    public void Report(Fix? fix, SourceSpan at, string message, string detail = "", params RelatedLocation[] related)
    {
        var properties = Describe(Workload.Resource);
        properties["container"] = Container.Name;
        properties["qosClass"] = Facts.Qos.ToString();
        if (Effective.Request(ResourceNames.Memory)?.Value is { } request)
        {
            properties["memoryRequest"] = request.ToString();
        }

        if (Effective.Limit(ResourceNames.Memory)?.Value is { } limit)
        {
            properties["memoryLimit"] = limit.ToString();
        }

        Add(at, message, related, properties, $"{Key(Workload)}|{Container.Kind}|{Container.Name}|{detail}", fix);
    }
}

/// <summary>A slice of the run's input (see <see cref="InputIndex"/>), for rules that relate objects across files.</summary>
public sealed class InputSetContext(InputIndex index, RuleDescriptor rule, Severity severity, AnalysisOptions options, ICollection<Diagnostic> sink)
    : AnalysisContext(rule, severity, options, sink)
{
    /// <summary>Cross-file lookups (workloads, autoscalers, PDBs, namespace policies) of the slice.</summary>
    public InputIndex Index { get; } = index;

    public void Report(KubeResource about, SourceSpan at, string message, string detail = "", params RelatedLocation[] related) =>
        Add(at, message, related, Describe(about), $"{Key(about)}|{detail}");
}
