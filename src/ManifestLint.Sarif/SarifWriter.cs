using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Source;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Sarif;

/// <summary>
/// Builds the SARIF 2.1.0 log of a run and writes it. The output is deterministic (no timestamps, no
/// machine-dependent ordering): the same findings, catalog and options always give the same bytes.
/// </summary>
public static class SarifWriter
{
    public const string ToolName = "ManifestLint";

    /// <summary>The <c>partialFingerprints</c> key; bump the version if the fingerprint recipe ever changes.</summary>
    public const string FingerprintKey = "manifestlint/v1";

    /// <summary>
    /// Same settings as the generated context plus a relaxed encoder: the output is a file, never embedded in HTML, so
    /// '"', '&lt;', '&amp;' and non-ASCII characters are written as themselves rather than \uXXXX.
    /// </summary>
    internal static JsonSerializerOptions IndentedOptions { get; } = new(SarifJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same without indentation: results held in memory until the log is written (<see cref="SarifCollector"/>).</summary>
    internal static JsonSerializerOptions CompactOptions { get; } = new(IndentedOptions) { WriteIndented = false };

    private static readonly JsonTypeInfo<SarifLog> LogTypeInfo = (JsonTypeInfo<SarifLog>)IndentedOptions.GetTypeInfo(typeof(SarifLog));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleDescriptor, ReportingDescriptor> Descriptors = [];

    /// <summary>
    /// The log of one run: every rule of <paramref name="catalog"/> (in catalog order) as
    /// <c>tool.driver.rules</c>, every diagnostic (in <paramref name="result"/>'s order) as a result, and
    /// ML0000/ML0001 diagnostics additionally as tool execution notifications. Beyond <see cref="SarifOptions.Limits"/>,
    /// only the most severe results are kept (see <see cref="SarifLimits"/>).
    /// </summary>
    /// <param name="executionSuccessful">False only when the tool itself failed, never because of findings.</param>
    /// <exception cref="ArgumentException">A diagnostic's rule is not in <paramref name="catalog"/>, or a directory in <paramref name="options"/> is not absolute.</exception>
    public static SarifLog Build(AnalysisResult result, RuleCatalog catalog, SarifOptions options, bool executionSuccessful = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var fingerprints = ResultFingerprints.Compute(result);
        var diagnostics = options.IncludeSuppressed ? result.Diagnostics : result.Active.ToList();
        return Build(diagnostics, d => fingerprints[d], catalog, options, executionSuccessful, 0);
    }

    /// <summary>
    /// The log of findings already chosen and fingerprinted (see <see cref="SarifCollector"/>), of which
    /// <paramref name="omittedBefore"/> more were left out for the limits before they got here.
    /// </summary>
    internal static SarifLog Build(IReadOnlyList<Diagnostic> diagnostics, Func<Diagnostic, string> fingerprintOf, RuleCatalog catalog, SarifOptions options, bool executionSuccessful, int omittedBefore)
    {
        var uris = new ArtifactUris(options.SourceRoot, options.WorkingDirectory);
        var ruleIndex = RuleIndex(catalog);
        var results = new List<Result>(diagnostics.Count + options.AbsentResults.Count);
        var notifications = new List<Notification>();
        foreach (var diagnostic in diagnostics)
        {
            var index = IndexOf(ruleIndex, diagnostic);
            results.Add(ToResult(diagnostic, index, fingerprintOf(diagnostic), uris, options));
            if (ToNotification(diagnostic, index, uris) is { } notification)
            {
                notifications.Add(notification);
            }
        }

        results.AddRange(AbsentResults(ruleIndex, options));
        var run = Shell(catalog, options, uris, executionSuccessful, notifications) with { Results = results };
        var log = new SarifLog { Runs = [run] };
        return options.Limits?.Apply(log, omittedBefore) ?? log;
    }

    /// <summary>Each rule's position in <c>tool.driver.rules</c> (the catalog's order).</summary>
    internal static Dictionary<string, int> RuleIndex(RuleCatalog catalog)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Descriptors.Count; i++)
        {
            ruleIndex[catalog.Descriptors[i].Id] = i;
        }

        return ruleIndex;
    }

    /// <exception cref="ArgumentException">The diagnostic's rule is not in the catalog.</exception>
    internal static int IndexOf(Dictionary<string, int> ruleIndex, Diagnostic diagnostic) =>
        ruleIndex.TryGetValue(diagnostic.RuleId, out var index)
            ? index
            : throw new ArgumentException($"Diagnostic rule {diagnostic.RuleId} is not in the rule catalog.", nameof(diagnostic));

    /// <summary>One finding as a SARIF result.</summary>
    internal static Result ToResult(Diagnostic diagnostic, int ruleIndex, string fingerprint, ArtifactUris uris, SarifOptions options) => new()
    {
        RuleId = diagnostic.RuleId,
        RuleIndex = ruleIndex,
        Level = diagnostic.Severity.ToName(),
        Message = new Message { Text = diagnostic.Message },
        Locations = [ToLocation(diagnostic.Location, uris)],
        RelatedLocations = diagnostic.RelatedLocations.Count == 0
            ? null
            : [.. diagnostic.RelatedLocations.Select((r, i) => ToLocation(r.Span, uris) with { Id = i + 1, Message = new Message { Text = r.Message } })],
        PartialFingerprints = new Dictionary<string, string>(1, StringComparer.Ordinal) { [FingerprintKey] = fingerprint },
        Suppressions = options.IncludeSuppressed ? ToSuppressions(diagnostic, uris) : null,
        BaselineState = ToBaselineState(diagnostic.BaselineState),
        Fixes = diagnostic.Fix is { } fix ? [ToFix(fix, uris)] : null,
        Properties = diagnostic.Properties.Count == 0 ? null : ToPropertyBag(diagnostic.Properties),
    };

    /// <summary>ML0000/ML0001 findings are also tool execution notifications (unless suppressed); null for the rest.</summary>
    internal static Notification? ToNotification(Diagnostic diagnostic, int ruleIndex, ArtifactUris uris) =>
        diagnostic.RuleId is RuleIds.ToolError or RuleIds.InvalidManifest && diagnostic.Suppression is null
            ? new Notification
            {
                Descriptor = new ReportingDescriptorReference { Id = diagnostic.RuleId },
                AssociatedRule = new ReportingDescriptorReference { Id = diagnostic.RuleId, Index = ruleIndex },
                Level = "error",
                Message = new Message { Text = diagnostic.Message },
                Locations = [ToLocation(diagnostic.Location, uris)],
            }
            : null;

    /// <summary>The baseline's results that are gone (<see cref="SarifOptions.AbsentResults"/>), as this run writes them: last.</summary>
    internal static IEnumerable<Result> AbsentResults(Dictionary<string, int> ruleIndex, SarifOptions options) =>
        options.AbsentResults.Select(r => r with
        {
            RuleIndex = ruleIndex.TryGetValue(r.RuleId, out var index) ? index : null,
            BaselineState = ToBaselineState(BaselineState.Absent),
            Suppressions = options.IncludeSuppressed ? r.Suppressions ?? [] : null,
            Fixes = null,
        });

    /// <summary>The run without its results: the tool and its rules, the invocation, the source root.</summary>
    internal static Run Shell(RuleCatalog catalog, SarifOptions options, ArtifactUris uris, bool executionSuccessful, IReadOnlyList<Notification> notifications) => new()
    {
        Tool = new Tool
        {
            Driver = new ToolComponent
            {
                Name = ToolName,
                SemanticVersion = options.ToolVersion,
                InformationUri = RuleDescriptor.RepositoryUri,
                Rules = [.. catalog.Descriptors.Select(ToReportingDescriptor)],
            },
        },
        Invocations =
        [
            new Invocation
            {
                ExecutionSuccessful = executionSuccessful,
                ToolExecutionNotifications = notifications.Count == 0 ? null : notifications,
            },
        ],
        OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>(StringComparer.Ordinal)
        {
            [ArtifactUris.SourceRootId] = new ArtifactLocation { Uri = uris.SourceRootUri },
        },
        ColumnKind = "utf16CodeUnits",
        Results = [],
    };

    /// <summary>Writes <paramref name="log"/> as indented UTF-8 JSON (no BOM, '\n' line ends) followed by a newline.</summary>
    public static void Write(SarifLog log, Stream output)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        JsonSerializer.Serialize(output, log, LogTypeInfo);
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    /// <summary>The text <see cref="Write"/> produces, for tests and in-memory use.</summary>
    public static string ToJson(SarifLog log)
    {
        using var buffer = new MemoryStream();
        Write(log, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The GitHub code scanning <c>precision</c> vocabulary (very-high, high, medium, low) for a rule page's
    /// precision; a page's <c>exact</c> is <c>very-high</c>. Null for anything else, which is then left out.
    /// </summary>
    internal static string? Precision(string precision) => precision switch
    {
        "exact" or "very-high" => "very-high",
        "high" or "medium" or "low" => precision,
        _ => null,
    };

    /// <summary>GitHub's <c>problem.severity</c> (error, warning, recommendation) for a rule's default severity.</summary>
    internal static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "recommendation",
    };

    /// <summary>A rule's descriptor, built once per rule: its help is the whole page, as plain text and Markdown.</summary>
    private static ReportingDescriptor ToReportingDescriptor(RuleDescriptor rule) => Descriptors.GetValue(rule, NewReportingDescriptor);

    private static ReportingDescriptor NewReportingDescriptor(RuleDescriptor rule)
    {
        var properties = new PropertyBag();
        var tags = new[] { rule.Category }.Concat(rule.Tags).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > 0)
        {
            properties.Add("tags", tags);
        }

        if (Precision(rule.Precision) is { } precision)
        {
            properties.Add("precision", precision);
        }

        properties.Add("problem.severity", ProblemSeverity(rule.DefaultSeverity));
        return new ReportingDescriptor
        {
            Id = rule.Id,
            Name = rule.Name,
            ShortDescription = new MultiformatMessageString { Text = rule.Title },
            FullDescription = new MultiformatMessageString { Text = rule.Summary.Length > 0 ? rule.Summary : rule.Title },
            Help = new MultiformatMessageString { Text = MarkdownText.ToPlainText(rule.Page), Markdown = rule.Page },
            HelpUri = rule.HelpUri,
            DefaultConfiguration = new ReportingConfiguration { Level = rule.DefaultSeverity.ToName() },
            Properties = properties,
        };
    }

    /// <summary>SARIF's <c>baselineState</c> names.</summary>
    internal static string? ToBaselineState(BaselineState? state) => state switch
    {
        BaselineState.New => "new",
        BaselineState.Unchanged => "unchanged",
        BaselineState.Absent => "absent",
        _ => null,
    };

    private static List<Suppression> ToSuppressions(Diagnostic diagnostic, ArtifactUris uris) =>
        diagnostic.Suppression is { } suppression
            ? [new Suppression { Kind = "inSource", Justification = suppression.Justification, Location = ToLocation(suppression.Location, uris) }]
            : [];

    /// <summary>One artifact change per file the fix edits, its replacements in file order.</summary>
    private static Model.Fix ToFix(Engine.Fixes.Fix fix, ArtifactUris uris) => new()
    {
        Description = new Message { Text = fix.Description },
        ArtifactChanges =
        [
            .. fix.Edits.GroupBy(e => e.Span.Path, StringComparer.Ordinal).Select(file => new ArtifactChange
            {
                ArtifactLocation = uris.Locate(file.Key),
                Replacements =
                [
                    .. file.OrderBy(e => e.Span.StartLine).ThenBy(e => e.Span.StartColumn).Select(e => new Replacement
                    {
                        DeletedRegion = ToRegion(e.Span),
                        InsertedContent = new ArtifactContent { Text = e.NewText },
                    }),
                ],
            }),
        ],
    };

    private static Location ToLocation(SourceSpan span, ArtifactUris uris) => new()
    {
        PhysicalLocation = new PhysicalLocation
        {
            ArtifactLocation = uris.Locate(span.Path),
            Region = ToRegion(span),
        },
    };

    /// <summary>Copies the span (both are 1-based, end column exclusive), clamped so the region is always valid SARIF.</summary>
    private static Region ToRegion(SourceSpan span)
    {
        var startLine = Math.Max(1, span.StartLine);
        var startColumn = Math.Max(1, span.StartColumn);
        var endLine = Math.Max(startLine, span.EndLine);
        var endColumn = endLine == startLine ? Math.Max(startColumn, span.EndColumn) : Math.Max(1, span.EndColumn);
        return new Region { StartLine = startLine, StartColumn = startColumn, EndLine = endLine, EndColumn = endColumn };
    }

    private static PropertyBag ToPropertyBag(IReadOnlyDictionary<string, string> properties)
    {
        var bag = new PropertyBag();
        foreach (var (key, value) in properties)
        {
            bag.Add(key, value);
        }

        return bag;
    }
}
