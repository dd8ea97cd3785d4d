using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Summary;
using ManifestLint.Engine.Suppressions;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Problems;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Runs the pipeline in two passes over the files, so that memory does not grow with the input: each file's model is
/// built, analysed and released in turn, and only a compact index is kept for the whole run.
/// <list type="number">
/// <item>Pass 1 (in parallel) builds the <see cref="PolicyIndex"/>: the LimitRanges, ResourceQuotas, autoscalers and
/// PodDisruptionBudgets of every file, parsing only the documents that name those kinds.</item>
/// <item>Pass 2 (in parallel over files) reads each file, builds its typed model and runs every rule's callbacks on it,
/// with its namespaces' LimitRanges applied; for each workload that an autoscaler targets or a ResourceQuota may
/// constrain, it also runs the cross-file rules on that workload's slice of the input (<see cref="InputIndex"/>).</item>
/// <item>Last, the cross-file rules run once on the autoscalers whose target is not in the input, in-source suppressions
/// are applied (<see cref="SuppressionProcessor"/>: suppressed findings stay in the result, marked) and the findings are
/// sorted, so the output does not depend on the order the files were analysed in.</item>
/// </list>
/// A rule that throws becomes an ML0000 finding naming the rule and the object; the other rules still run. With a
/// configuration, each file gets its own severities and options (excluded files are not read), and cross-file findings
/// take the severity of the file they point at. <see cref="AnalysisInput.Read"/> is called twice per file.
/// </summary>
public sealed class AnalysisEngine(RuleCatalog catalog)
{
    private readonly List<RegisteredRule> rules = catalog.Rules.Select(r => RegisteredRule.Create(r, catalog[r.Id])).ToList();

    public AnalysisEngine()
        : this(RuleCatalog.Default)
    {
    }

    public AnalysisResult Analyze(IReadOnlyList<AnalysisInput> inputs, AnalysisOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= AnalysisOptions.Default;
        if (options.Configuration is { } configuration)
        {
            inputs = inputs.Where(i => !configuration.For(i.Path).Excluded).ToList();
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellation };
        var scanned = new ManifestFile?[inputs.Count];
        Parallel.For(0, inputs.Count, parallel, i => scanned[i] = Scan(inputs[i], options));
        var policies = new PolicyIndex(scanned.OfType<ManifestFile>());
        Array.Clear(scanned);

        // Cross-file rules run with the options of the working directory's configuration, if any file enables them.
        var runOptions = ForFile(AnalysisInput.StandardInputPath, options);
        var paths = inputs.Select(i => i.Path).Append(AnalysisInput.StandardInputPath).Distinct(StringComparer.Ordinal).ToList();
        var crossFile = rules
            .Where(r => r.Registration.InputSetActions.Count > 0)
            .Select(r => (Rule: r, Severity: paths.Select(p => SeverityOf(r.Descriptor, p, options)).Max()))
            .Where(r => r.Severity != Severity.None)
            .ToList();
        var run = new Run(options, policies, crossFile, runOptions, inputs.Count > 0 ? inputs[0].Path : ".");

        var outcomes = new FileOutcome[inputs.Count];
        Parallel.For(0, inputs.Count, parallel, i => outcomes[i] = AnalyzeFile(inputs[i], run));

        var sink = new List<Diagnostic>(outcomes.Sum(o => o.Diagnostics.Count));
        foreach (var outcome in outcomes)
        {
            sink.AddRange(outcome.Diagnostics);
        }

        sink.AddRange(CrossFileFindings(outcomes, run));
        var directivesByPath = new Dictionary<string, IReadOnlyList<SuppressionDirective>>(StringComparer.Ordinal);
        foreach (var outcome in outcomes.Where(o => o.Directives.Count > 0))
        {
            directivesByPath.TryAdd(outcome.Path, outcome.Directives);
        }

        var (kept, suppressed) = SuppressionProcessor.Apply(sink, directivesByPath, catalog, (rule, path) => SeverityOf(rule, path, options));
        return new AnalysisResult(AnalysisResult.Sort(kept.Concat(suppressed)), outcomes.Length, outcomes.Sum(o => o.ResourceCount))
        {
            MemorySummary = outcomes.SelectMany(o => o.Summary).ToList(),
        };
    }

    /// <summary>A rule's severity for a file: the caller's override, else the file's configuration, else the rule's default.</summary>
    private static Severity SeverityOf(RuleDescriptor rule, string path, AnalysisOptions options) =>
        options.SeverityOverrides.TryGetValue(rule.Id, out var severity) ? severity : options.Configuration?.For(path).SeverityOf(rule) ?? rule.DefaultSeverity;

    /// <summary>
    /// The same, for a file whose configuration is already looked up (the path form above looks it up only when no
    /// override decides, so paths of other files' findings never need a configuration).
    /// </summary>
    private static Severity SeverityOf(RuleDescriptor rule, EffectiveConfiguration? configuration, AnalysisOptions options) =>
        options.SeverityOverrides.TryGetValue(rule.Id, out var severity) ? severity : configuration?.SeverityOf(rule) ?? rule.DefaultSeverity;

    /// <summary>The options rules see for a file: its configured rule options under the caller's <see cref="AnalysisOptions.Settings"/>.</summary>
    private static AnalysisOptions ForFile(string path, AnalysisOptions options) =>
        options.Configuration is { } configuration ? options with { Settings = configuration.For(path).Settings.With(options.Settings) } : options;

    /// <summary>
    /// The findings of the cross-file rules: from each workload's slice, those of the workload's first occurrence in the
    /// input (a duplicate's slice ran too, as its file could not know); then those of the slice of missing targets.
    /// Each takes the severity of the file it points at; an ML0000 of a rule is reported once.
    /// </summary>
    private IEnumerable<Diagnostic> CrossFileFindings(FileOutcome[] outcomes, Run run)
    {
        if (run.CrossFile.Count == 0)
        {
            return [];
        }

        var first = new Dictionary<WorkloadId, (int File, int Workload)>();
        var found = new List<Diagnostic>();
        var errors = new List<Diagnostic>();

        // First by path, not by input order: which copy of a workload defined twice speaks must not depend on file order.
        foreach (var i in Enumerable.Range(0, outcomes.Length).OrderBy(i => outcomes[i].Path, StringComparer.Ordinal))
        {
            foreach (var slice in outcomes[i].Slices)
            {
                first.TryAdd(slice.Workload, (i, slice.Index));
            }
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            foreach (var slice in outcomes[i].Slices.Where(s => first[s.Workload] == (i, s.Index)))
            {
                found.AddRange(slice.Findings);
                errors.AddRange(slice.Errors);
            }
        }

        var present = first.Keys.Where(k => run.Policies.Targeting(k) is not null).ToHashSet();
        var named = new HashSet<WorkloadId>();
        var workloadIds = outcomes.SelectMany(o => o.WorkloadIds).Where(named.Add).ToLookup(w => w.Namespace, StringComparer.Ordinal);
        RunCrossFile(InputIndex.Rest(run.Policies, present, workloadIds), run, found, errors);
        return found
            .Select(d => d with { Severity = SeverityOf(d.Rule, d.Location.Path, run.Options) })
            .Where(d => d.Severity != Severity.None)
            .Concat(errors.DistinctBy(d => d.FingerprintKey, StringComparer.Ordinal));
    }

    private void RunCrossFile(InputIndex slice, Run run, List<Diagnostic> findings, List<Diagnostic> errors)
    {
        foreach (var (rule, severity) in run.CrossFile)
        {
            foreach (var action in rule.Registration.InputSetActions)
            {
                Guard(rule, action, new InputSetContext(slice, rule.Descriptor, severity, run.CrossFileOptions, findings), errors, _ => (null, SourceSpan.FileStart(run.FirstPath)));
            }
        }
    }

    private (ManifestFile File, IReadOnlyList<SuppressionDirective> Directives) ReadFile(AnalysisInput input, AnalysisOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = input.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = new ModelProblem(ModelProblemKind.InvalidYaml, $"The file cannot be read: {e.Message}", SourceSpan.FileStart(input.Path));
            return (new ManifestFile(input.Path, [], [], [], [], [problem]), []);
        }

        var file = ManifestReader.Read(YamlFileLoader.Load(input.Path, bytes, options.Limits), options.Model);
        var suppressions = options.Configuration?.For(input.Path).Suppressions ?? SuppressionConfiguration.Default;
        var text = string.Empty;
        if (suppressions.Comments && (bytes.AsSpan().IndexOf("manifestlint-"u8) >= 0 || bytes is [0xFE or 0xFF or 0x00, ..]))
        {
            SourceDecoder.TryDecode(input.Path, bytes, out text, out _);
        }

        return (file, DirectiveReader.Read(text, file, catalog, suppressions.Comments, suppressions.Annotations));
    }

    /// <summary>Pass 2 for one file: its model, every rule on it, and the cross-file slices of its workloads. The model is not kept.</summary>
    private FileOutcome AnalyzeFile(AnalysisInput input, Run run)
    {
        ManifestFile file;
        IReadOnlyList<SuppressionDirective> directives;
        try
        {
            (file, directives) = ReadFile(input, run.Options);
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            var errors = new List<Diagnostic>();
            ReportToolError("reading the file", input.Path, SourceSpan.FileStart(input.Path), e, errors);
            return new FileOutcome(input.Path, errors, [], 0, [], [], []);
        }

        var options = ForFile(file.Path, run.Options);

        // The file's configuration is looked up once, not once per rule.
        var configuration = run.Options.Configuration?.For(file.Path);
        var active = new List<(RegisteredRule Rule, Severity Severity)>(rules.Count);
        foreach (var rule in rules)
        {
            var severity = SeverityOf(rule.Descriptor, configuration, run.Options);
            if (severity != Severity.None)
            {
                active.Add((rule, severity));
            }
        }

        var sink = new List<Diagnostic>();
        var summary = new List<MemorySummaryRow>();
        var slices = new List<CrossFileSlice>();
        var workloadIds = new List<WorkloadId>();
        foreach (var (rule, severity) in active)
        {
            foreach (var action in rule.Registration.FileActions)
            {
                Guard(rule, action, new FileContext(file, rule.Descriptor, severity, options, sink), sink, static c => (null, SourceSpan.FileStart(c.File.Path)));
            }

            foreach (var resource in file.Resources)
            {
                foreach (var action in rule.Registration.ResourceActions)
                {
                    Guard(rule, action, new ResourceContext(resource, rule.Descriptor, severity, options, sink), sink, static c => (c.Resource.DisplayName, c.Resource.KindSpan));
                }
            }
        }

        for (var index = 0; index < file.Workloads.Count; index++)
        {
            var workload = file.Workloads[index];
            PodFacts facts;
            try
            {
                facts = new PodFacts(workload, run.Policies.LimitRangesIn(workload.Resource.Namespace), configuration?.Config.Images);
            }
            catch (Exception e) when (!IsCancellation(e))
            {
                ReportToolError("the model", workload.Resource.DisplayName, workload.Resource.KindSpan, e, sink);
                continue;
            }

            foreach (var (rule, severity) in active)
            {
                foreach (var action in rule.Registration.PodActions)
                {
                    Guard(rule, action, new PodContext(facts, rule.Descriptor, severity, options, sink), sink, static c => (c.Workload.Resource.DisplayName, c.Workload.Resource.KindSpan));
                }

                if (rule.Registration.ContainerActions.Count == 0)
                {
                    continue;
                }

                foreach (var container in workload.Pod.AllContainers)
                {
                    foreach (var action in rule.Registration.ContainerActions)
                    {
                        Guard(rule, action, new ContainerContext(facts, container, rule.Descriptor, severity, options, sink), sink,
                            static c => ($"{c.Workload.Resource.DisplayName}, {c.Container.DisplayName}", c.Container.NameSpan));
                    }
                }
            }

            if (options.CollectMemorySummary)
            {
                Summarize(facts, options, summary, sink);
            }

            if (run.CrossFile.Count > 0)
            {
                var id = WorkloadId.Of(workload);
                if (run.Policies.HasAutoscalersIn(id.Namespace))
                {
                    workloadIds.Add(id);
                }

                if (run.Policies.Relates(id))
                {
                    var slice = new CrossFileSlice(id, index, [], []);
                    RunCrossFile(InputIndex.Slice(run.Policies, workload, facts), run, slice.Findings, slice.Errors);
                    slices.Add(slice);
                }
            }
        }

        return new FileOutcome(file.Path, sink, summary, file.Resources.Count, directives, workloadIds, slices);
    }

    /// <summary>The table rows read the same facts as the rules (the JVM footprint reads ML2002's options from the settings).</summary>
    private void Summarize(PodFacts facts, AnalysisOptions options, List<MemorySummaryRow> summary, List<Diagnostic> sink)
    {
        var footprintRule = catalog[RuleIds.JvmFootprintAboveMemoryLimit];
        foreach (var container in facts.Workload.Pod.AllContainers)
        {
            try
            {
                summary.Add(MemorySummaryBuilder.Build(new ContainerContext(facts, container, footprintRule, Severity.None, options, new List<Diagnostic>())));
            }
            catch (Exception e) when (!IsCancellation(e))
            {
                ReportToolError("the memory summary", $"{facts.Workload.Resource.DisplayName}, {container.DisplayName}", container.NameSpan, e, sink);
            }
        }
    }

    /// <summary>
    /// Runs one rule action on one context; an exception becomes an ML0000 naming the rule and the object. What names
    /// the object (<paramref name="subject"/>) is only computed then: this runs for every rule on every container.
    /// </summary>
    private void Guard<TContext>(RegisteredRule rule, Action<TContext> action, TContext context, List<Diagnostic> sink, Func<TContext, (string? Target, SourceSpan At)> subject)
    {
        try
        {
            action(context);
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            var (target, at) = subject(context);
            ReportToolError($"rule {rule.Descriptor.Id}", target, at, e, sink);
        }
    }

    /// <summary>Pass 1 for one file; a failure here is reported by pass 2, which reads the file again.</summary>
    private static ManifestFile? Scan(AnalysisInput input, AnalysisOptions options)
    {
        try
        {
            return PolicyScanner.Scan(input, options);
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            return null;
        }
    }

    /// <summary>Only the run's own cancellation stops it; any other exception, an OperationCanceledException a rule made up included, is a tool error.</summary>
    private static bool IsCancellation(Exception e) => e is OperationCanceledException { CancellationToken.IsCancellationRequested: true };

    private void ReportToolError(string what, string? target, SourceSpan at, Exception e, List<Diagnostic> sink)
    {
        var descriptor = catalog[RuleIds.ToolError];
        var detail = e.Message.Length <= 500 ? e.Message : e.Message[..500] + "…";
        var message = $"Internal error in {what}{(target is null ? string.Empty : $" on {target}")}: {e.GetType().Name}: {detail} Please report this; the other rules still ran.";
        lock (sink)
        {
            sink.Add(new Diagnostic(descriptor, descriptor.DefaultSeverity, message, at, [], new Dictionary<string, string>(), $"{RuleIds.ToolError}|{what}|{target}"));
        }
    }

    /// <summary>What every file of a run shares: the options, the index of pass 1, and the cross-file rules that are on.</summary>
    private sealed record Run(
        AnalysisOptions Options,
        PolicyIndex Policies,
        IReadOnlyList<(RegisteredRule Rule, Severity Severity)> CrossFile,
        AnalysisOptions CrossFileOptions,
        string FirstPath);

    /// <summary>What is kept of a file once analysed: findings, table rows and a few names, never its model.</summary>
    /// <param name="WorkloadIds">Its workloads in namespaces that have autoscalers, for ML6005's hints.</param>
    private sealed record FileOutcome(
        string Path,
        List<Diagnostic> Diagnostics,
        List<MemorySummaryRow> Summary,
        int ResourceCount,
        IReadOnlyList<SuppressionDirective> Directives,
        List<WorkloadId> WorkloadIds,
        List<CrossFileSlice> Slices);

    /// <summary>The cross-file findings of one workload's slice; <see cref="Index"/> is the workload's position in its file.</summary>
    private sealed record CrossFileSlice(WorkloadId Workload, int Index, List<Diagnostic> Findings, List<Diagnostic> Errors);

    private sealed record RegisteredRule(Rule Rule, RuleDescriptor Descriptor, RuleRegistration Registration)
    {
        public static RegisteredRule Create(Rule rule, RuleDescriptor descriptor)
        {
            var registration = new RuleRegistration();
            rule.Initialize(registration);
            return new RegisteredRule(rule, descriptor, registration);
        }
    }
}
