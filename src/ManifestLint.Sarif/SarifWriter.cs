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

    private static readonly JsonTypeInfo<SarifLog> LogTypeInfo = CreateTypeInfo();

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
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (descriptor, i) in catalog.Descriptors.Select((d, i) => (d, i)))
        {
            ruleIndex[descriptor.Id] = i;
        }

        var results = new List<Result>(diagnostics.Count + options.AbsentResults.Count);
        var notifications = new List<Notification>();
        foreach (var diagnostic in diagnostics)
        {
            if (!ruleIndex.TryGetValue(diagnostic.RuleId, out var index))
            {
                throw new ArgumentException($"Diagnostic rule {diagnostic.RuleId} is not in the rule catalog.", nameof(diagnostics));
            }

            var location = ToLocation(diagnostic.Location, uris);
            results.Add(new Result
            {
                RuleId = diagnostic.RuleId,
                RuleIndex = index,
                Level = diagnostic.Severity.ToName(),
                Message = new Message { Text = diagnostic.Message },
                Locations = [location],
                RelatedLocations = diagnostic.RelatedLocations.Count == 0
                    ? null
                    : [.. diagnostic.RelatedLocations.Select((r, i) => ToLocation(r.Span, uris) with { Id = i + 1, Message = new Message { Text = r.Message } })],
                PartialFingerprints = new Dictionary<string, string>(StringComparer.Ordinal) { [FingerprintKey] = fingerprintOf(diagnostic) },
                Suppressions = options.IncludeSuppressed ? ToSuppressions(diagnostic, uris) : null,
                BaselineState = ToBaselineState(diagnostic.BaselineState),
                Fixes = diagnostic.Fix is { } fix ? [ToFix(fix, uris)] : null,
                Properties = diagnostic.Properties.Count == 0 ? null : ToPropertyBag(diagnostic.Properties),
            });

            if (diagnostic.RuleId is RuleIds.ToolError or RuleIds.InvalidManifest && diagnostic.Suppression is null)
            {
                notifications.Add(new Notification
                {
                    Descriptor = new ReportingDescriptorReference { Id = diagnostic.RuleId },
                    AssociatedRule = new ReportingDescriptorReference { Id = diagnostic.RuleId, Index = index },
                    Level = "error",
                    Message = new Message { Text = diagnostic.Message },
                    Locations = [location],
                });
            }
        }

        results.AddRange(options.AbsentResults.Select(r => r with
        {
            RuleIndex = ruleIndex.TryGetValue(r.RuleId, out var index) ? index : null,
            BaselineState = ToBaselineState(BaselineState.Absent),
            Suppressions = options.IncludeSuppressed ? r.Suppressions ?? [] : null,
            Fixes = null,
        }));

        var run = new Run
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
            Results = results,
        };

        var log = new SarifLog { Runs = [run] };
        return options.Limits?.Apply(log, omittedBefore) ?? log;
    }

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

    private static ReportingDescriptor ToReportingDescriptor(RuleDescriptor rule)
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

    private static JsonTypeInfo<SarifLog> CreateTypeInfo()
    {
        // Same settings as the generated context plus a relaxed encoder: the output is a file, never embedded
        // in HTML, so '"', '<', '&' and non-ASCII characters are written as themselves rather than \uXXXX.
        var options = new JsonSerializerOptions(SarifJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return (JsonTypeInfo<SarifLog>)options.GetTypeInfo(typeof(SarifLog));
    }
}
