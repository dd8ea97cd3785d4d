using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Templates;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>The fallback mapping by key path, used when no line marker is available (piped input, a marked render that failed).</summary>
public class TemplateOutlineTests
{
    private static readonly TemplateFile Template = TemplateFile.Parse("""
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: web
                  resources:
                    {{- toYaml .Values.resources | nindent 12 }}
                - name: sidecar
                  image: busybox
              volumes: {{- include "app.volumes" . | nindent 8 }}
        """);

    [Theory]
    [InlineData("spec.template.spec.containers.[0].resources.limits.memory", "resources:")]
    [InlineData("spec.template.spec.containers.[1].image", "image: busybox")]
    [InlineData("spec.template.spec.containers.[1]", "- name: sidecar")]
    [InlineData("spec.template.spec.volumes.[0].emptyDir.medium", "volumes: {{- include \"app.volumes\" . | nindent 8 }}")]
    [InlineData("kind", "kind: Deployment")]
    public void TheDeepestLiteralKeyOnThePath_IsTheLine(string path, string line)
    {
        var segments = path.Split('.');

        var found = TemplateOutline.Find(Template, 0, segments);

        Assert.Equal(line, found is { } n ? Template.LineText(n).Trim() : null);
    }
}
