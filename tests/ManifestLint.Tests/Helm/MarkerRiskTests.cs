using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Templates;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Which templates could let markers change the output in a way removing them cannot undo (so the chart is rendered
/// plain as well), and which cannot (one marked render serves).
/// </summary>
public class MarkerRiskTests
{
    private const string Helpers = """
        {{- define "api.fullname" -}}
        {{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{- define "api.config" -}}
        workers: 4
        cache: {{ .Values.cache }}
        {{- end }}

        {{- define "api.hash" -}}
        {{ . | sha256sum }}
        {{- end }}

        {{- define "api.checksum" -}}
        {{- $data := include (print .Template.BasePath "/configmap.yaml") . | fromYaml }}
        {{ $data | toYaml | sha256sum }}
        {{- end }}
        """;

    private static string? Risk(string deployment)
    {
        using var tree = new TempTree();
        tree.Write("api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 1.0.0\n");
        tree.Write("api/templates/_helpers.tpl", Helpers);
        tree.Write("api/templates/deployment.yaml", deployment);
        var chart = Path.Combine(tree.Root, "api");
        return MarkerRisk.Find(ChartLayout.Read(chart), new TemplateCache(), f => Path.GetRelativePath(chart, f));
    }

    [Theory]
    [InlineData("""checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}""", "templates/deployment.yaml:1 applies sha256sum")]
    [InlineData("""config: {{- include (print $.Template.BasePath "/configmap.yaml") . | fromYaml | toYaml | nindent 2 }}""", "templates/deployment.yaml:1 includes a template file's rendered text")]
    [InlineData("""checksum/config: {{ include "api.checksum" . }}""", "_helpers.tpl:15 includes a template file's rendered text")]
    [InlineData("""checksum/config: {{ include "api.config" . | sha256sum }}""", "templates/deployment.yaml:1 applies sha256sum")]
    [InlineData("""config: {{ include "api.config" . | b64enc }}""", "applies b64enc")]
    [InlineData("""{{- $config := include "api.config" . }}{{ $config | upper | quote }}""", "applies upper")]
    [InlineData("""name: {{ printf "%.10s" (include "api.config" .) }}""", "applies printf with a formatting verb")]
    [InlineData("""{{- if eq (include "api.config" .) "workers: 4" }}x: 1{{ end }}""", "applies eq")]
    [InlineData("""checksum: {{ include "api.hash" (include "api.config" .) }}""", "_helpers.tpl:11 applies sha256sum")]
    [InlineData("""{{- $d := dict }}{{- $_ := set $d "c" (include "api.config" .) }}{{ toYaml $d }}""", "applies toYaml")]
    public void MarkedTextThatIsHashedCutOrCompared_IsARisk(string deployment, string reason)
    {
        Assert.Contains(reason, Risk(deployment), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""name: {{ include "api.fullname" . | trunc 40 }}""")]
    [InlineData("""config: {{- include "api.config" . | nindent 2 }}""")]
    [InlineData("""config: {{ include "api.config" . | quote }}""")]
    [InlineData("""{{- $m := without (list (include "api.config" .)) "" }}""")]
    [InlineData("""checksum: {{ include "api.hash" .Values.secret }}""")]
    [InlineData("""{{- $c := include "api.config" . | fromYaml }}workers: {{ $c.workers | toString | sha256sum }}""")]
    [InlineData("""password: {{ .Values.password | b64enc }}""")]
    public void NamesValuesQuotingAndParsedYaml_AreNoRisk(string deployment)
    {
        Assert.Null(Risk(deployment));
    }

    [Fact]
    public void TheSampleCharts_HaveNoRisk()
    {
        foreach (var chart in Directory.GetDirectories(HelmFixtures.SampleCharts).Concat(Directory.GetDirectories(HelmFixtures.Charts)))
        {
            Assert.Null(MarkerRisk.Find(ChartLayout.Read(chart), new TemplateCache(), f => Path.GetRelativePath(RepositoryPaths.Root, f)));
        }
    }
}
