using ManifestLint.Helm;
using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Rendering;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Each chart × values variant is rendered once, as its marked copy, and the output with the markers removed is
/// exactly the chart's own; the chart itself is rendered too only where that cannot be trusted (a checksum of a
/// template file, marker text left in the output, a marked render that fails), and the findings stay the same.
/// </summary>
public class SingleRenderTests
{
    private const string ChartFile = "apiVersion: v2\nname: api\nversion: 1.0.0\n";

    private const string Values = "resources:\n  requests:\n    memory: 256Mi\n";

    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          workers: "4"
        """;

    private const string Helpers = """
        {{- define "api.config" -}}
        workers: 4
        cache: {{ .Values.cache | default "on" }}
        {{- end }}
        """;

    /// <summary>A checksum of the rendered ConfigMap: the markers in it would change the hash, and nothing shows it.</summary>
    private const string Checksum = """
        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
        other: fixed
        """;

    /// <summary>A helper's marked lines quoted into one string: the markers are left inside it.</summary>
    private const string Quoted = """
        config: {{ include "api.config" . | quote }}
        other: fixed
        """;

    /// <summary>The same helper in a block scalar: markers at its line ends, removed exactly.</summary>
    private const string BlockScalar = """
        config: |
          {{- include "api.config" . | nindent 10 }}
        """;

    /// <summary>Two annotation lines, like the others', that hide nothing.</summary>
    private const string Fixed = "checksum/config: fixed\nother: fixed";

    public static TheoryData<string, string> SampleVariants() => MarkerSafetyTests.Renders();

    [Fact]
    public void ChartsWithFindings_AreRenderedOncePerVariant_AsTheirMarkedCopies()
    {
        var result = HelmFixtures.Lint(null, Path.Combine(HelmFixtures.SampleCharts, "web"), Path.Combine(HelmFixtures.SampleCharts, "workers"), Path.Combine(HelmFixtures.SampleCharts, "shop"));

        Assert.NotEmpty(result.Analysis.Diagnostics);
        Assert.Equal((5, 0, 0, 5), (result.Statistics.Variants, result.Statistics.FailedRenders, result.Statistics.PlainRenders, result.Statistics.MarkedRenders));
        Assert.Equal(0, result.Statistics.ByOutline + result.Statistics.FileOnly);
    }

    [Theory]
    [MemberData(nameof(SampleVariants))]
    public async Task TheLintedOutput_IsThePlainRender_ByteForByte(string chart, string variant)
    {
        using var tree = new TempTree();
        var directory = Path.Combine(RepositoryPaths.Root, chart);
        string[] values = variant.Length == 0 ? [] : ["--values", Path.Combine(directory, variant)];

        var (render, runs, helm) = await RenderAsync(tree, directory, variant.Length == 0 ? null : Path.Combine(directory, variant));
        var plain = await helm.RunAsync(["template", "release", directory, "--namespace", "default", .. values], tree.Root, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.True(plain.Succeeded, plain.Error);
        Assert.Equal((0, 1), runs);
        Assert.Equal(plain.Output, render.Run?.Output);
        Assert.NotNull(render.Marked);
    }

    [Fact]
    public async Task AChecksumOfATemplateFile_RendersBothAtOnce_LintsThePlainOutput_WithTheSameFindings()
    {
        using var tree = new TempTree();
        var chart = WriteChart(tree, Checksum);

        var result = Lint(tree, HelmTool.Executable);
        var (render, runs, helm) = await RenderAsync(tree, chart, null);
        var plain = await helm.RunAsync(["template", "release", chart, "--namespace", "default"], tree.Root, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal((1, 1), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders));
        Assert.Equal((1, 1), runs);
        Assert.Contains("templates/deployment.yaml:12 applies sha256sum", render.PlainReason, StringComparison.Ordinal);
        Assert.Equal(plain.Output, render.Run?.Output);
        Assert.Equal(Findings(LintFixed()), Findings(result));
        Assert.Equal(0, result.Statistics.ByOutline + result.Statistics.FileOnly);
    }

    [Fact]
    public async Task MarkersLeftInsideAQuotedString_FallBackToThePlainRender_WithTheSameFindings()
    {
        using var tree = new TempTree();
        var chart = WriteChart(tree, Quoted);

        var result = Lint(tree, HelmTool.Executable);
        var (render, _, helm) = await RenderAsync(tree, chart, null);
        var plain = await helm.RunAsync(["template", "release", chart, "--namespace", "default"], tree.Root, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal((1, 1), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders));
        Assert.Equal("marker text is left in the output after the markers are removed", render.PlainReason);
        Assert.Equal(plain.Output, render.Run?.Output);
        Assert.Equal(Findings(LintFixed()), Findings(result));
        Assert.Equal(0, result.Statistics.ByOutline + result.Statistics.FileOnly);
    }

    [Fact]
    public async Task MarkersInsideABlockScalar_AreRemovedExactly_AndOneRenderServes()
    {
        using var tree = new TempTree();
        var chart = WriteChart(tree, BlockScalar);

        var result = Lint(tree, HelmTool.Executable);
        var (render, _, helm) = await RenderAsync(tree, chart, null);
        var plain = await helm.RunAsync(["template", "release", chart, "--namespace", "default"], tree.Root, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal((0, 1), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders));
        Assert.Contains("#@ml:", string.Concat(render.Marked!.Values.SelectMany(s => s.Lines)), StringComparison.Ordinal);
        Assert.Equal(plain.Output, render.Run?.Output);
        Assert.Equal(Findings(LintFixed()), Findings(result));
    }

    [Fact]
    public void AMarkedRenderThatFails_FallsBackToThePlainRender_MappedByKeyPath()
    {
        using var tree = new TempTree();
        WriteChart(tree, Fixed);
        var helm = FakeHelm(tree, """echo "Error: the marked copy does not render" >&2; exit 1""");

        var result = Lint(tree, helm);

        Assert.Equal((1, 1, 0), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders, result.Statistics.FailedRenders));
        Assert.DoesNotContain(result.Analysis.Diagnostics, d => d.RuleId == "ML0002");
        Assert.Equal(Findings(LintFixed(), related: false), Findings(result, related: false));
        Assert.Equal(0, result.Statistics.ByMarker);
        Assert.True(result.Statistics.ByOutline > 0);
    }

    [Fact]
    public void AMarkedRenderThatTimesOut_FallsBackToThePlainRender()
    {
        using var tree = new TempTree();
        WriteChart(tree, Fixed);
        var helm = FakeHelm(tree, "sleep 30");

        var result = Lint(tree, helm, TimeSpan.FromSeconds(2));

        Assert.Equal((1, 1, 0), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders, result.Statistics.FailedRenders));
        Assert.Equal(Findings(LintFixed(), related: false), Findings(result, related: false));
    }

    [Fact]
    public void MarkersHelmComplainsAbout_AreTakenOut_AndTheMarkedCopyRenderedAgain_ForTheFindings()
    {
        using var tree = new TempTree();
        WriteChart(tree, Fixed);
        var once = Path.Combine(tree.Root, "failed-once");
        var helm = FakeHelm(tree, $$"""
            if [ ! -f '{{once}}' ]; then touch '{{once}}'; echo "Error: parse error at (api/templates/deployment.yaml:12): marker" >&2; exit 1; fi
            """);

        var result = Lint(tree, helm);

        Assert.Equal((1, 2, 0), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders, result.Statistics.FailedRenders));
        Assert.Equal(Findings(LintFixed(), related: false), Findings(result, related: false));
    }

    [Fact]
    public void AChartThatDoesNotRender_IsReportedWithThePlainChartsErrorAndCommand()
    {
        using var tree = new TempTree();
        WriteChart(tree, Fixed);
        tree.Write("charts/api/templates/broken.yaml", """{{ fail "the chart is broken" }}""");
        var helm = FakeHelm(tree, """echo "Error: the marked copy does not render" >&2; exit 1""");

        var result = Lint(tree, helm);

        var failure = HelmFixtures.Single(result.Analysis.Diagnostics, "ML0002");
        Assert.Equal("charts/api/Chart.yaml", failure.Location.Path);
        Assert.Contains("the chart is broken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("`helm template release charts/api --namespace default`", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("marked", failure.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders, result.Statistics.FailedRenders));
    }

    private static string WriteChart(TempTree tree, string annotations)
    {
        tree.Write("charts/api/Chart.yaml", ChartFile);
        tree.Write("charts/api/values.yaml", Values);
        tree.Write("charts/api/templates/_helpers.tpl", Helpers);
        tree.Write("charts/api/templates/configmap.yaml", ConfigMap);
        tree.Write("charts/api/templates/deployment.yaml", $$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-api
            spec:
              selector:
                matchLabels: {app: api}
              template:
                metadata:
                  labels: {app: api}
                  annotations:
                    {{{annotations.Replace("\n", "\n" + new string(' ', 8), StringComparison.Ordinal)}}}
                spec:
                  containers:
                    - name: api
                      image: ghcr.io/example/api:1.0.0
                      resources:
                        {{- toYaml .Values.resources | nindent 12 }}
            """);
        return Path.Combine(tree.Root, "charts", "api");
    }

    /// <summary>The findings of the same chart with a two-line annotation that hides nothing: rendered once, mapped by markers.</summary>
    private static HelmLintResult LintFixed()
    {
        using var tree = new TempTree();
        WriteChart(tree, Fixed);
        var result = Lint(tree, HelmTool.Executable);
        Assert.Equal((0, 1), (result.Statistics.PlainRenders, result.Statistics.MarkedRenders));
        return result;
    }

    private static HelmLintResult Lint(TempTree tree, string helm, TimeSpan? timeout = null)
    {
        var settings = new HelmSettings { HelmPath = helm, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        return new HelmLinter(settings, tree.Root).AnalyzeAsync([], [new ChartInput(Path.Combine(tree.Root, "charts", "api"), "charts/api")]).GetAwaiter().GetResult();
    }

    /// <summary>Every finding, one per line, with its related locations (the key-path mapping finds no values key: without them).</summary>
    private static string Findings(HelmLintResult result, bool related = true)
    {
        Assert.NotEmpty(result.Analysis.Diagnostics);
        return string.Join('\n', result.Analysis.Diagnostics.Select(d =>
            $"{d.Location} {d.RuleId} {d.Message}" + (related ? $" | {string.Join(", ", d.RelatedLocations.Select(r => $"{r.Span} {r.Message}"))}" : string.Empty)));
    }

    /// <summary>A <c>helm</c> that runs <paramref name="onMarkedCopy"/> when asked to render a marked copy, else the real Helm.</summary>
    private static string FakeHelm(TempTree tree, string onMarkedCopy)
    {
        var script = tree.Write("bin/helm", $"""
            #!/bin/sh
            case "$3" in
              */marked/*)
                {onMarkedCopy}
                ;;
            esac
            exec '{HelmTool.Executable}' "$@"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    /// <summary>Renders one variant the way the linter does; returns the render, the Helm runs it took (plain, marked), and a Helm to compare with.</summary>
    private static async Task<(ChartRender Render, (int Plain, int Marked) Runs, HelmProcess Helm)> RenderAsync(TempTree tree, string chart, string? variantFile)
    {
        var sandbox = Path.Combine(tree.Root, "sandbox");
        var helm = HelmProcess.Create(HelmTool.Executable, sandbox);
        var variant = variantFile is null ? ValuesVariant.Default : new ValuesVariant(Path.GetFileName(variantFile), variantFile);
        var settings = new HelmSettings { HelmPath = HelmTool.Executable };
        var context = new ChartContext(new ChartInput(chart, Path.GetRelativePath(tree.Root, chart)), ChartLayout.Read(chart), ChartLayout.ReadName(chart), [variant], settings);
        var render = new ChartRender(context, variant);
        using var renderer = new ChartRenderer(helm, settings, new LocationMapper(tree.Root), tree.Root, sandbox);
        await renderer.RenderAllAsync([render], CancellationToken.None);
        return (render, (renderer.PlainRenders, renderer.MarkedRenders), helm);
    }
}
