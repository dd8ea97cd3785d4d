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
/// PodDisruptionBudgets of every file, parsing only the documents that name those kinds, each file in its scope
/// (<see cref="InputScope"/>).</item>
/// <item>Pass 2 (in parallel over files, in path order) reads each file, builds its typed model and runs every rule's
/// callbacks on it, with the LimitRanges of its namespaces and scope applied; for each workload that an autoscaler
/// targets or a ResourceQuota may constrain, it also runs the cross-file rules on that workload's slice of the input
/// (<see cref="InputIndex"/>). Files are handed on in path order as they finish (<see cref="FindingStream"/>), where
/// duplicates are dropped, suppressions applied and findings sorted, and then released.</item>
/// <item>Last, the cross-file rules run once on the autoscalers that no workload took, and the files those rules
/// report on (the files that hold autoscalers) are handed on, in path order.</item>
/// </list>
/// A rule that throws becomes an ML0000 finding naming the rule and the object; the other rules still run. With a
/// configuration, each file gets its own severities and options (excluded files are not read), and cross-file findings
/// take the severity of the file they point at. <see cref="AnalysisInput.Read"/> is called twice per file (with usage
/// data, a third time for the few files <see cref="Usage.UsageScanner"/> must parse).
/// </summary>
public sealed class AnalysisEngine(RuleCatalog catalog)
{
    private readonly List<RegisteredRule> rules = catalog.Rules.Select(r => RegisteredRule.Create(r, catalog[r.Id])).ToList();

    public AnalysisEngine()
        : this(RuleCatalog.Default)
    {
    }

    private long relations;

    internal RuleCatalog Catalog => catalog;

    /// <summary>
    /// How many related objects this engine's runs handed to rules, summed over all runs: the autoscalers of every
    /// cross-file slice and the LimitRanges applied to every workload. Tests check that it grows linearly with the input.
    /// </summary>
    internal long Relations => Interlocked.Read(ref relations);

    /// <summary>Every finding of the run at once, in the order of <see cref="Stream"/>.</summary>
    public AnalysisResult Analyze(IReadOnlyList<AnalysisInput> inputs, AnalysisOptions? options = null, CancellationToken cancellation = default)
    {
        var diagnostics = new List<Diagnostic>();
        var summary = new List<MemorySummaryRow>();
        var totals = Stream(inputs, options, batch =>
        {
            diagnostics.AddRange(batch.Diagnostics);
            summary.AddRange(batch.Summary);
        }, cancellation);
        return new AnalysisResult(diagnostics, totals.FileCount, totals.ResourceCount) { MemorySummary = summary };
    }

    /// <summary>
    /// Analyses the inputs and hands the findings to <paramref name="onBatch"/> file by file, never holding all of
    /// them. The order is deterministic: files in path order (ordinal), each file's findings by position, rule and
    /// message; except that files holding a VPA or HPA come after all others (in path order), since cross-file rules
    /// report on them from any workload of the input, and end-of-run notifications (a cross-file rule's ML0000 on the
    /// autoscalers no workload took) come last. <paramref name="onBatch"/> runs on the calling thread.
    /// </summary>
    public AnalysisTotals Stream(IReadOnlyList<AnalysisInput> inputs, AnalysisOptions? options, Action<AnalysisBatch> onBatch, CancellationToken cancellation = default)
    {
        options ??= AnalysisOptions.Default;
        if (options.Configuration is { } configuration)
        {
            inputs = inputs.Where(i => !configuration.For(i.Path).Excluded).ToList();
        }

        // Path order: which copy of an object defined twice counts, and the order of findings, must not depend on the order of the inputs.
        inputs = [.. inputs.OrderBy(i => i.Path, StringComparer.Ordinal)];
        var scopes = inputs.Select(i => InputScope.Of(i, options.Configuration)).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellation };
        var scanned = new ManifestFile?[inputs.Count];

        // Pods map to workloads only against the workloads the input defines: pass 1 hands every file's text to the
        // usage scan, which decides before any rule asks (parsing only the files the texts cannot decide).
        var usageScan = options.Usage?.BeginScan(inputs.Count);
        Parallel.For(0, inputs.Count, parallel, i => scanned[i] = Scan(inputs[i], options, usageScan is null ? null : text => usageScan.See(i, text), cancellation));
        var policies = new PolicyIndex(scanned.Select((f, i) => (File: f, Scope: scopes[i])).Where(f => f.File is not null).Select(f => (f.File!, f.Scope)));
        Array.Clear(scanned);
        if (options.Usage is { } usage && usageScan is not null)
        {
            options = options with { UsageMatch = Usage.UsageScanner.Match(usageScan, inputs, options, usage, parallel) };
        }

        // Cross-file rules run with the options of the working directory's configuration, if any file enables them.
        var runOptions = ForFile(AnalysisInput.StandardInputPath, options);
        var paths = inputs.Select(i => i.Path).Append(AnalysisInput.StandardInputPath).Distinct(StringComparer.Ordinal).ToList();
        var crossFile = rules
            .Where(r => r.Registration.InputSetActions.Count > 0)
            .Select(r => (Rule: r, Severity: paths.Select(p => SeverityOf(r.Descriptor, p, options)).Max()))
            .Where(r => r.Severity != Severity.None)
            .ToList();
        var named = scopes.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() > 1;
        var run = new Run(options, policies, crossFile, runOptions, inputs.Count > 0 ? inputs[0].Path : ".", named) { Cancellation = cancellation };

        var stream = new FindingStream(this, run, onBatch);
        var window = Math.Max(16, 8 * parallel.MaxDegreeOfParallelism);
        OrderedWork.Run(inputs.Count, parallel.MaxDegreeOfParallelism, window, i => AnalyzeFile(inputs[i], scopes[i], run), stream.Add, cancellation);
        stream.Finish();
        return new AnalysisTotals(inputs.Count, stream.ResourceCount);
    }

    /// <summary>A rule's severity for a file: the caller's override, else the file's configuration, else the rule's default.</summary>
    internal static Severity SeverityOf(RuleDescriptor rule, string path, AnalysisOptions options) =>
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

    /// <summary>The cross-file rules on one slice; a rule that throws is reported at <paramref name="at"/> (the workload, or the run's first file).</summary>
    internal void RunCrossFile(InputIndex slice, Run run, List<Diagnostic> findings, List<Diagnostic> errors, string? target, SourceSpan at)
    {
        Interlocked.Add(ref relations, slice.VerticalPodAutoscalers.Count + slice.HorizontalPodAutoscalers.Count);
        foreach (var (rule, severity) in run.CrossFile)
        {
            foreach (var action in rule.Registration.InputSetActions)
            {
                Guard(rule, action, new InputSetContext(slice, rule.Descriptor, severity, run.CrossFileOptions, findings), errors, _ => (target, at), run.Cancellation);
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

    /// <summary>
    /// Pass 2 for one file: its model, every rule on it, and the cross-file slices of its workloads. The model is not
    /// kept. Findings about a workload (its resource, pod and container rules and its slice) are kept with it, so
    /// that a duplicate workload's can be dropped as a whole (<see cref="FindingStream"/>).
    /// </summary>
    private FileOutcome AnalyzeFile(AnalysisInput input, InputScope scope, Run run)
    {
        ManifestFile file;
        IReadOnlyList<SuppressionDirective> directives;
        try
        {
            (file, directives) = ReadFile(input, run.Options);
        }
        catch (Exception e) when (!IsCancellation(e, run.Cancellation))
        {
            var errors = new List<Diagnostic>();
            ReportToolError("reading the file", input.Path, SourceSpan.FileStart(input.Path), e, errors);
            return new FileOutcome(input.Path, scope, errors, [], 0, []);
        }

        var options = ForFile(file.Path, run.Options);

        // The file's configuration is looked up once, not once per rule.
        var configuration = run.Options.Configuration?.For(file.Path);
        var active = new List<(RegisteredRule Rule, Severity Severity)>(rules.Count);
        var activeIds = new HashSet<string>(rules.Count, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var severity = SeverityOf(rule.Descriptor, configuration, run.Options);
            if (severity != Severity.None)
            {
                active.Add((rule, severity));
                activeIds.Add(rule.Descriptor.Id);
            }
        }

        var sink = new List<Diagnostic>();
        var workloads = new List<WorkloadOutcome>(file.Workloads.Count);
        var byResource = new Dictionary<KubeResource, WorkloadOutcome>(ReferenceEqualityComparer.Instance);

        // A custom resource can hold several pods (PodSpecFinder): they share their object's outcome, which is one object.
        var perWorkload = new List<WorkloadOutcome>(file.Workloads.Count);
        var usage = run.Options.UsageMatch;
        foreach (var workload in file.Workloads)
        {
            usage?.Saw(WorkloadId.Of(workload));
            if (!byResource.TryGetValue(workload.Resource, out var outcome))
            {
                outcome = new WorkloadOutcome(WorkloadId.Of(workload), workload.Resource.KindSpan, [], []);
                workloads.Add(outcome);
                byResource.Add(workload.Resource, outcome);
            }

            perWorkload.Add(outcome);
        }

        foreach (var (rule, severity) in active)
        {
            foreach (var action in rule.Registration.FileActions)
            {
                Guard(rule, action, new FileContext(file, rule.Descriptor, severity, options, sink), sink, static c => (null, SourceSpan.FileStart(c.File.Path)), run.Cancellation);
            }

            foreach (var resource in file.Resources)
            {
                var target = byResource.GetValueOrDefault(resource)?.Diagnostics ?? sink;
                foreach (var action in rule.Registration.ResourceActions)
                {
                    Guard(rule, action, new ResourceContext(resource, rule.Descriptor, severity, options, target), target, static c => (c.Resource.DisplayName, c.Resource.KindSpan), run.Cancellation);
                }
            }
        }

        for (var index = 0; index < file.Workloads.Count; index++)
        {
            var workload = file.Workloads[index];
            var outcome = perWorkload[index];
            var found = outcome.Diagnostics;
            PodFacts facts;
            try
            {
                facts = new PodFacts(workload, run.Policies.LimitRangesFor(scope, workload.Resource.Namespace), configuration?.Config.Images);
                Interlocked.Add(ref relations, facts.LimitRanges.Count);
            }
            catch (Exception e) when (!IsCancellation(e, run.Cancellation))
            {
                ReportToolError("the model", workload.DisplayName, workload.Resource.KindSpan, e, found);
                continue;
            }

            foreach (var (rule, severity) in active)
            {
                foreach (var action in rule.Registration.PodActions)
                {
                    Guard(rule, action, new PodContext(facts, rule.Descriptor, severity, options, found) { ActiveRules = activeIds }, found, static c => (c.Workload.DisplayName, c.Workload.Resource.KindSpan), run.Cancellation);
                }

                if (rule.Registration.ContainerActions.Count == 0)
                {
                    continue;
                }

                // A malformed container is one ML0001 at its fault; its rules would only guess (Container.IsMalformed).
                foreach (var container in workload.Pod.AllContainers.Where(k => !k.IsMalformed))
                {
                    foreach (var action in rule.Registration.ContainerActions)
                    {
                        Guard(rule, action, new ContainerContext(facts, container, rule.Descriptor, severity, options, found) { ActiveRules = activeIds }, found,
                            static c => ($"{c.Workload.DisplayName}, {c.Container.DisplayName}", c.Container.NameSpan), run.Cancellation);
                    }
                }
            }

            if (options.CollectMemorySummary)
            {
                Summarize(facts, options, outcome.Summary, found, run.Cancellation);
            }

            if (run.CrossFile.Count > 0 && run.Policies.Relates(scope, outcome.Id))
            {
                var targeting = run.Policies.Targeting(scope, outcome.Id);
                foreach (var autoscaler in targeting.Vertical.Cast<object>().Concat(targeting.Horizontal))
                {
                    run.Taken.TryAdd(autoscaler, 0);
                }

                RunCrossFile(InputIndex.Slice(run.Policies, scope, workload, facts, targeting), run, found, found, workload.DisplayName, workload.Resource.KindSpan);
            }
        }

        run.Options.FileAnalyzed?.Invoke(input.Path);
        return new FileOutcome(file.Path, scope, sink, workloads, file.Resources.Count, directives);
    }

    /// <summary>The table rows read the same facts as the rules (the JVM footprint reads ML2002's options from the settings).</summary>
    private void Summarize(PodFacts facts, AnalysisOptions options, List<MemorySummaryRow> summary, List<Diagnostic> sink, CancellationToken cancellation)
    {
        var footprintRule = catalog[RuleIds.JvmFootprintAboveMemoryLimit];
        foreach (var container in facts.Workload.Pod.AllContainers)
        {
            try
            {
                summary.Add(MemorySummaryBuilder.Build(new ContainerContext(facts, container, footprintRule, Severity.None, options, new List<Diagnostic>())));
            }
            catch (Exception e) when (!IsCancellation(e, cancellation))
            {
                ReportToolError("the memory summary", $"{facts.Workload.DisplayName}, {container.DisplayName}", container.NameSpan, e, sink);
            }
        }
    }

    /// <summary>
    /// Runs one rule action on one context; an exception becomes an ML0000 naming the rule and the object. What names
    /// the object (<paramref name="subject"/>) is only computed then: this runs for every rule on every container.
    /// </summary>
    private void Guard<TContext>(RegisteredRule rule, Action<TContext> action, TContext context, List<Diagnostic> sink, Func<TContext, (string? Target, SourceSpan At)> subject, CancellationToken cancellation)
    {
        try
        {
            action(context);
        }
        catch (Exception e) when (!IsCancellation(e, cancellation))
        {
            var (target, at) = subject(context);
            ReportToolError($"rule {rule.Descriptor.Id}", target, at, e, sink);
        }
    }

    /// <summary>Pass 1 for one file; a failure here is reported by pass 2, which reads the file again.</summary>
    private static ManifestFile? Scan(AnalysisInput input, AnalysisOptions options, Action<string>? onText, CancellationToken cancellation)
    {
        try
        {
            return PolicyScanner.Scan(input, options, onText);
        }
        catch (Exception e) when (!IsCancellation(e, cancellation))
        {
            return null;
        }
    }

    /// <summary>
    /// Only the run's own cancellation stops it: an OperationCanceledException for <paramref name="cancellation"/>
    /// once it is cancelled. Any other exception is a tool error, an OperationCanceledException a rule or a reader
    /// made up included, even one whose own token is cancelled (a timeout inside a rule is not the user's Ctrl-C).
    /// </summary>
    private static bool IsCancellation(Exception e, CancellationToken cancellation) =>
        cancellation.IsCancellationRequested && e is OperationCanceledException canceled && canceled.CancellationToken == cancellation;

    internal void ReportToolError(string what, string? target, SourceSpan at, Exception e, List<Diagnostic> sink)
    {
        var descriptor = catalog[RuleIds.ToolError];
        var detail = e.Message.Length <= 500 ? e.Message : e.Message[..500] + "…";
        var message = $"Internal error in {what}{(target is null ? string.Empty : $" on {target}")}: {e.GetType().Name}: {detail} Please report this; the other rules still ran.";
        lock (sink)
        {
            sink.Add(new Diagnostic(descriptor, descriptor.DefaultSeverity, message, at, [], new Dictionary<string, string>(), $"{RuleIds.ToolError}|{what}|{target}"));
        }
    }

    /// <summary>What every file of a run shares: the options, the index of pass 1, the cross-file rules that are on, and the run's cancellation.</summary>
    /// <param name="NamedScopes">More than one scope is in the run: messages and fingerprints name the scope.</param>
    internal sealed record Run(
        AnalysisOptions Options,
        PolicyIndex Policies,
        IReadOnlyList<(RegisteredRule Rule, Severity Severity)> CrossFile,
        AnalysisOptions CrossFileOptions,
        string FirstPath,
        bool NamedScopes)
    {
        /// <summary>The caller's token: the only cancellation that stops the run (see <see cref="IsCancellation"/>).</summary>
        public CancellationToken Cancellation { get; init; }

        /// <summary>The autoscalers some workload's slice took; the others make the slice of the rest.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<object, byte> Taken { get; } = new(ReferenceEqualityComparer.Instance);

        public HashSet<string> CrossFileRuleIds { get; } = CrossFile.Select(r => r.Rule.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What is kept of a file once analysed: findings and a few names, never its model.</summary>
    /// <param name="Diagnostics">Findings not about one of its workloads (file problems, other objects).</param>
    internal sealed record FileOutcome(
        string Path,
        InputScope Scope,
        List<Diagnostic> Diagnostics,
        List<WorkloadOutcome> Workloads,
        int ResourceCount,
        IReadOnlyList<SuppressionDirective> Directives);

    /// <summary>One workload's findings (some may point into the files of its autoscalers) and table rows.</summary>
    internal sealed record WorkloadOutcome(WorkloadId Id, SourceSpan At, List<Diagnostic> Diagnostics, List<MemorySummaryRow> Summary);

    internal sealed record RegisteredRule(Rule Rule, RuleDescriptor Descriptor, RuleRegistration Registration)
    {
        public static RegisteredRule Create(Rule rule, RuleDescriptor descriptor)
        {
            var registration = new RuleRegistration();
            rule.Initialize(registration);
            return new RegisteredRule(rule, descriptor, registration);
        }
    }
}
