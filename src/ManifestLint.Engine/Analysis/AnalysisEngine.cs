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
/// Runs the pipeline: read each file (in parallel), build the typed model, index namespace policies across
/// all files, run every rule's callbacks (in parallel over files), and return the findings sorted.
/// A rule that throws becomes an ML0000 finding naming the rule and the object; the other rules still run.
/// With a configuration, each file gets its own severities and options (excluded files are not read), and
/// cross-file findings take the severity of the file they point at. Last, in-source suppressions are applied
/// (<see cref="SuppressionProcessor"/>): suppressed findings stay in the result, marked (<see cref="AnalysisResult.Suppressed"/>).
/// </summary>
public sealed class AnalysisEngine(RuleCatalog catalog)
{
    public const string ToolErrorRuleId = "ML0000";
    public const string InvalidInputRuleId = "ML0001";

    private readonly IReadOnlyList<RegisteredRule> rules = catalog.Rules.Select(r => RegisteredRule.Create(r, catalog[r.Id])).ToList();

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
        var files = new ManifestFile[inputs.Count];
        var directives = new IReadOnlyList<SuppressionDirective>[inputs.Count];
        Parallel.For(0, inputs.Count, parallel, i => (files[i], directives[i]) = ReadFile(inputs[i], options));

        var limitRanges = files.SelectMany(f => f.LimitRanges)
            .GroupBy(l => l.Resource.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<LimitRange>)g.ToList(), StringComparer.Ordinal);
        Severity SeverityFor(RuleDescriptor rule, string path) => SeverityOf(rule, path, options);
        List<(RegisteredRule Rule, Severity Severity)> Active(string path) => rules
            .Select(r => (Rule: r, Severity: SeverityFor(r.Descriptor, path)))
            .Where(r => r.Severity != Severity.None)
            .ToList();

        var sink = new List<Diagnostic>();
        var summaries = new IReadOnlyList<MemorySummaryRow>[files.Length];
        Parallel.For(0, files.Length, parallel, i => summaries[i] = AnalyzeFile(files[i], Active(files[i].Path), limitRanges, ForFile(files[i].Path, options), sink));

        // Cross-file rules run once, with the options of the working directory's configuration, if any file enables them.
        var crossFile = new List<Diagnostic>();
        var runOptions = ForFile(AnalysisInput.StandardInputPath, options);
        foreach (var rule in rules.Where(r => r.Registration.InputSetActions.Count > 0))
        {
            var severity = files.Select(f => f.Path).Append(AnalysisInput.StandardInputPath).Select(p => SeverityFor(rule.Descriptor, p)).Max();
            foreach (var action in severity == Severity.None ? [] : rule.Registration.InputSetActions)
            {
                Guard(rule, null, SourceSpan.FileStart(files.FirstOrDefault()?.Path ?? "."), sink, () => action(new InputSetContext(files, rule.Descriptor, severity, runOptions, crossFile)));
            }
        }

        sink.AddRange(crossFile.Select(d => d with { Severity = SeverityFor(d.Rule, d.Location.Path) }).Where(d => d.Severity != Severity.None));
        var directivesByPath = new Dictionary<string, IReadOnlyList<SuppressionDirective>>(StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++)
        {
            if (directives[i].Count > 0)
            {
                directivesByPath.TryAdd(files[i].Path, directives[i]);
            }
        }

        var (kept, suppressed) = SuppressionProcessor.Apply(sink, directivesByPath, catalog, SeverityFor);
        return new AnalysisResult(AnalysisResult.Sort(kept.Concat(suppressed)), files.Length, files.Sum(f => f.Resources.Count))
        {
            MemorySummary = summaries.SelectMany(s => s).ToList(),
        };
    }

    /// <summary>A rule's severity for a file: the caller's override, else the file's configuration, else the rule's default.</summary>
    private static Severity SeverityOf(RuleDescriptor rule, string path, AnalysisOptions options) =>
        options.SeverityOverrides.TryGetValue(rule.Id, out var severity) ? severity : options.Configuration?.For(path).SeverityOf(rule) ?? rule.DefaultSeverity;

    /// <summary>The options rules see for a file: its configured rule options under the caller's <see cref="AnalysisOptions.Settings"/>.</summary>
    private static AnalysisOptions ForFile(string path, AnalysisOptions options) =>
        options.Configuration is { } configuration ? options with { Settings = configuration.For(path).Settings.With(options.Settings) } : options;

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

    /// <returns>The file's memory summary rows, when the options ask for them.</returns>
    private List<MemorySummaryRow> AnalyzeFile(ManifestFile file, List<(RegisteredRule Rule, Severity Severity)> active, Dictionary<string, IReadOnlyList<LimitRange>> limitRanges, AnalysisOptions options, List<Diagnostic> sink)
    {
        var summary = new List<MemorySummaryRow>();
        foreach (var (rule, severity) in active)
        {
            foreach (var action in rule.Registration.FileActions)
            {
                Guard(rule, null, SourceSpan.FileStart(file.Path), sink, () => action(new FileContext(file, rule.Descriptor, severity, options, sink)));
            }

            foreach (var resource in file.Resources)
            {
                foreach (var action in rule.Registration.ResourceActions)
                {
                    Guard(rule, resource.DisplayName, resource.KindSpan, sink, () => action(new ResourceContext(resource, rule.Descriptor, severity, options, sink)));
                }
            }
        }

        foreach (var workload in file.Workloads)
        {
            PodFacts facts;
            try
            {
                facts = new PodFacts(workload, limitRanges.GetValueOrDefault(workload.Resource.Namespace, []));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ReportToolError("the model", workload.Resource.DisplayName, workload.Resource.KindSpan, e, sink);
                continue;
            }

            foreach (var (rule, severity) in active)
            {
                foreach (var action in rule.Registration.PodActions)
                {
                    Guard(rule, workload.Resource.DisplayName, workload.Resource.KindSpan, sink, () => action(new PodContext(facts, rule.Descriptor, severity, options, sink)));
                }

                foreach (var container in workload.Pod.AllContainers)
                {
                    foreach (var action in rule.Registration.ContainerActions)
                    {
                        Guard(rule, $"{workload.Resource.DisplayName}, {container.DisplayName}", container.NameSpan, sink,
                            () => action(new ContainerContext(facts, container, rule.Descriptor, severity, options, sink)));
                    }
                }
            }

            if (options.CollectMemorySummary)
            {
                Summarize(facts, options, summary, sink);
            }
        }

        return summary;
    }

    /// <summary>The table rows read the same facts as the rules; ML2002's descriptor carries the footprint options.</summary>
    private void Summarize(PodFacts facts, AnalysisOptions options, List<MemorySummaryRow> summary, List<Diagnostic> sink)
    {
        var footprintRule = catalog["ML2002"];
        foreach (var container in facts.Workload.Pod.AllContainers)
        {
            try
            {
                summary.Add(MemorySummaryBuilder.Build(new ContainerContext(facts, container, footprintRule, Severity.None, options, new List<Diagnostic>())));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ReportToolError("the memory summary", $"{facts.Workload.Resource.DisplayName}, {container.DisplayName}", container.NameSpan, e, sink);
            }
        }
    }

    private void Guard(RegisteredRule rule, string? target, SourceSpan at, List<Diagnostic> sink, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ReportToolError($"rule {rule.Descriptor.Id}", target, at, e, sink);
        }
    }

    private void ReportToolError(string what, string? target, SourceSpan at, Exception e, List<Diagnostic> sink)
    {
        var descriptor = catalog[ToolErrorRuleId];
        var message = $"Internal error in {what}{(target is null ? string.Empty : $" on {target}")}: {e.GetType().Name}: {e.Message} Please report this; the other rules still ran.";
        lock (sink)
        {
            sink.Add(new Diagnostic(descriptor, descriptor.DefaultSeverity, message, at, [], new Dictionary<string, string>(), $"{ToolErrorRuleId}|{what}|{target}"));
        }
    }

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
