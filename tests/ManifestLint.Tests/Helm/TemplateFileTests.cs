using ManifestLint.Helm.Templates;
using Xunit;

namespace ManifestLint.Tests.Helm;

public class TemplateFileTests
{
    private static string Mark(string template) => TemplateFile.Parse(template).WithMarkers(line => $"#@{line}");

    [Fact]
    public void TextLines_AreMarked_ControlLinesAreNot()
    {
        var marked = Mark("""
            spec:
              {{- if .Values.enabled }}
              replicas: {{ .Values.replicas }}
              {{- end }}
            """);

        Assert.Equal("""
            spec: #@1
              {{- if .Values.enabled }}
              replicas: {{ .Values.replicas }} #@3
              {{- end }}
            """, marked);
    }

    [Fact]
    public void AMarker_GoesBeforeTheLinesTrailingBlanks_WhichATrimOnTheNextLineRemoves()
    {
        var marked = Mark("metadata:\n  labels: \t\n    {{- include \"x.labels\" . | nindent 4 }}");

        Assert.Equal("metadata: #@1\n  labels: #@2 \t\n    {{- include \"x.labels\" . | nindent 4 }} #@3", marked);
    }

    [Fact]
    public void AMultiLineAction_IsMarkedOnceAfterItCloses_AsTheLineItStartsOn()
    {
        var file = TemplateFile.Parse("""
            metadata:
              labels: {{- include "common.labels" (dict
                  "context" $
                  "extra" .Values.podLabels) | nindent 4 }}
            spec: {}
            """);

        Assert.Equal([true, false, false, true, true], Enumerable.Range(1, 5).Select(file.IsMarkable));
        Assert.Equal(2, file[4]?.LogicalStart);
        Assert.Equal("labels", file[4]?.Key);
        Assert.Contains("podLabels", file[4]?.ValueReferences ?? []);
    }

    [Fact]
    public void BlockScalarContent_IsNotMarked()
    {
        var file = TemplateFile.Parse("""
            data:
              nginx.conf: |
                server {
                  listen {{ .Values.port }};
                {{- if .Values.gzip }}
                  gzip on;
                {{- end }}
                }
              other: value
            """);

        Assert.Equal([1, 9], Enumerable.Range(1, 9).Where(file.IsMarkable));
    }

    [Fact]
    public void AFoldedPlainScalar_IsNotCutByAMarker()
    {
        var file = TemplateFile.Parse("""
            description: a sentence long enough
              to be folded over
              three lines
            type: string
            """);

        Assert.Equal([3, 4], Enumerable.Range(1, 4).Where(file.IsMarkable));
    }

    [Fact]
    public void ALine_WhoseNewlineATrimMarkerRemoves_BeforeMoreText_IsNotMarked()
    {
        var file = TemplateFile.Parse("""
            image: {{ .Values.repository }}
            {{- if .Values.tag }}:{{ .Values.tag }}{{ end }}
            pullPolicy: Always
            """);

        Assert.False(file.IsMarkable(1), "the marker would swallow ':tag' into the comment");
        Assert.True(file.IsMarkable(3));
    }

    [Fact]
    public void ALine_BeforeATrimmedNindentOrControlLine_IsMarked()
    {
        var file = TemplateFile.Parse("""
            resources:
              {{- toYaml .Values.resources | nindent 2 }}
            labels:
            {{- if .Values.extra }}
              extra: "yes"
            {{- end }}
            """);

        Assert.True(file.IsMarkable(1));
        Assert.True(file.IsMarkable(2));
        Assert.True(file.IsMarkable(3));
    }

    [Fact]
    public void ALine_EndingInARightTrim_IsNotMarked()
    {
        var file = TemplateFile.Parse("""
            name: {{ .Release.Name -}}
              -suffix
            """);

        Assert.False(file.IsMarkable(1));
    }

    [Fact]
    public void InHelpers_OnlyYamlStructureIsMarked_NotScalarsThatMayBeCompared()
    {
        var file = TemplateFile.Parse("""
            {{- define "app.enabled" -}}
            {{- if .Values.enabled -}}
            true
            {{- end -}}
            {{- end }}
            {{- define "app.fullname" -}}
            {{ .Release.Name }}-app
            {{- end }}
            {{- define "app.pod" -}}
            containers:
              - name: app
                {{- include "app.env" . | nindent 4 }}
                resources:
            {{ toYaml .Values.resources | indent 6 }}
            {{- end }}
            """);

        Assert.Equal([10, 11, 12, 13, 14], Enumerable.Range(1, 15).Where(file.IsMarkable));
        Assert.True(file[11]?.InDefine);
    }

    [Fact]
    public void CommentsAndSeparators_AreNotMarked()
    {
        var file = TemplateFile.Parse("""
            # A comment line
            ---
            kind: Pod
            {{/* a template
            comment */}}
            """);

        Assert.Equal([3], Enumerable.Range(1, 5).Where(file.IsMarkable));
    }

    [Fact]
    public void StringsInActions_MayHoldDelimiters()
    {
        var file = TemplateFile.Parse("""
            a: {{ printf "}}" }}
            b: {{ `{{ raw
            }}` }}
            c: 1
            """);

        Assert.Equal([1, 3, 4], Enumerable.Range(1, 4).Where(file.IsMarkable));
        Assert.Equal(2, file[3]?.LogicalStart);
    }

    [Fact]
    public void ValueReferences_FollowWithAndRange()
    {
        var file = TemplateFile.Parse("""
            {{- with .Values.server.resources }}
            resources: {{- toYaml . | nindent 2 }}
            {{- end }}
            {{- range .Values.workers }}
            - name: {{ .name }}
              image: {{ $.Values.registry }}/{{ .image }}
            {{- end }}
            memory: {{ .Values.memory | quote }}
            """);

        Assert.Equal(["server.resources"], file[2]?.ValueReferences);
        Assert.Equal(["workers[].name"], file[5]?.ValueReferences);
        Assert.Equal(["registry", "workers[].image"], file[6]?.ValueReferences);
        Assert.Equal(["memory"], file[8]?.ValueReferences);
    }

    [Fact]
    public void ValueReferences_FollowRangeVariablesAndAssignments()
    {
        var file = TemplateFile.Parse("""
            {{- range $name, $sidecar := .Values.sidecars }}
            - name: {{ $name }}
              resources: {{- toYaml $sidecar.resources | nindent 4 }}
            {{- end }}
            {{- $jmx := .Values.metrics.jmx }}
            limit: {{ $jmx.limit }}
            """);

        Assert.Empty(file[2]?.ValueReferences ?? ["?"]);
        Assert.Equal(["sidecars[].resources"], file[3]?.ValueReferences);
        Assert.Equal(["metrics.jmx.limit"], file[6]?.ValueReferences);
    }

    [Theory]
    [InlineData("  resources: {{- toYaml .Values.resources | nindent 4 }}", "resources")]
    [InlineData("  - name: {{ .name }}", "name")]
    [InlineData("    {{- toYaml . | nindent 4 }}", null)]
    [InlineData("  {{ $key }}: {{ $value | quote }}", "\u0001")]
    public void Key_IsTheLiteralYamlKey(string line, string? key)
    {
        Assert.Equal(key, TemplateFile.Parse(line + "\n")[1]?.Key);
    }
}
