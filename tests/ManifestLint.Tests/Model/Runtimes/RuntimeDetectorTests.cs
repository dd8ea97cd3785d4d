using ManifestLint.Model.Runtimes;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class RuntimeDetectorTests
{
    [Theory]
    [InlineData("eclipse-temurin:21-jre", Runtime.Jvm, "21")]
    [InlineData("openjdk:8u181-jre", Runtime.Jvm, "8u181")]
    [InlineData("amazoncorretto:17", Runtime.Jvm, "17")]
    [InlineData("ibm-semeru-runtimes:open-17.0.7_7-jre", Runtime.Jvm, "17.0.7")]
    [InlineData("azul/zulu-openjdk-alpine:11.0.19", Runtime.Jvm, "11.0.19")]
    [InlineData("bellsoft/liberica-openjdk-debian:17", Runtime.Jvm, "17")]
    [InlineData("mcr.microsoft.com/openjdk/jdk:21-ubuntu", Runtime.Jvm, "21")]
    [InlineData("gcr.io/distroless/java17-debian12", Runtime.Jvm, "17")]
    [InlineData("ghcr.io/acme/billing-jre:3.2", Runtime.Jvm, null)]
    [InlineData("ghcr.io/acme/billing:3.2-jre", Runtime.Jvm, null)]
    [InlineData("node:10-alpine", Runtime.Node, "10")]
    [InlineData("gcr.io/distroless/nodejs20-debian12", Runtime.Node, "20")]
    [InlineData("python:3.12-slim", Runtime.Python, "3.12")]
    [InlineData("pypy:3.10", Runtime.Python, "3.10")]
    [InlineData("golang:1.18", Runtime.Go, "1.18")]
    [InlineData("prom/node-exporter:v1.8.0", Runtime.Go, null)]
    [InlineData("nginx:1.27", Runtime.Unknown, null)]
    public void Image_IsCertain(string image, Runtime expected, string? version)
    {
        var detection = Detect($"image: {image}");

        Assert.Equal(expected, detection.Kind);
        Assert.Equal(expected != Runtime.Unknown, detection.IsCertain);
        Assert.Equal(version, detection.Version?.ToString());
    }

    [Theory]
    [InlineData("command: [java, -jar, a.jar]", Runtime.Jvm)]
    [InlineData("command: [sh, -c, 'exec /usr/local/bin/node server.js']", Runtime.Node)]
    [InlineData("command: [gunicorn, app:app]", Runtime.Python)]
    [InlineData("command: [uvicorn, main:app]", Runtime.Python)]
    [InlineData("command: [celery, -A, proj, worker]", Runtime.Python)]
    [InlineData("command: [python3.12, app.py]", Runtime.Python)]
    [InlineData("args: [python, app.py]", Runtime.Python)]
    public void Executable_IsCertain(string fields, Runtime expected)
    {
        var detection = Detect($"image: ghcr.io/acme/app:1\n{fields}");

        Assert.Equal(expected, detection.Kind);
        Assert.True(detection.IsCertain);
        Assert.Null(detection.Version);
    }

    [Fact]
    public void ExecutableWinsOverImage_AndTheImageVersionOnlyCountsWhenTheyAgree()
    {
        Assert.Equal(Runtime.Python, Detect("image: eclipse-temurin:21\ncommand: [python3, tool.py]").Kind);
        Assert.Equal("21", Detect("image: eclipse-temurin:21\ncommand: [java, -jar, a.jar]").Version?.ToString());
    }

    [Theory]
    [InlineData("JAVA_TOOL_OPTIONS", Runtime.Jvm, "JVM")]
    [InlineData("JDK_JAVA_OPTIONS", Runtime.Jvm, "JVM")]
    [InlineData("_JAVA_OPTIONS", Runtime.Jvm, "JVM")]
    [InlineData("JAVA_OPTS", Runtime.Jvm, "JVM")]
    [InlineData("GOMEMLIMIT", Runtime.Go, "Go")]
    [InlineData("GOGC", Runtime.Go, "Go")]
    [InlineData("NODE_OPTIONS", Runtime.Node, "Node.js")]
    public void EnvOnly_IsAGuess(string variable, Runtime expected, string shown)
    {
        var detection = Detect($"image: ghcr.io/acme/app:1\nenv:\n  - {{name: {variable}, value: x}}");

        Assert.Equal(expected, detection.Kind);
        Assert.False(detection.IsCertain);
        Assert.Equal($" ({shown} detected from env {variable})", detection.GuessNote);
    }

    [Fact]
    public void CertainDetection_HasNoGuessNote()
    {
        Assert.Equal(string.Empty, Detect("image: eclipse-temurin:21\nenv:\n  - {name: JAVA_OPTS, value: x}").GuessNote);
    }

    [Fact]
    public void EnvHintsOfTwoRuntimes_AreUnknown()
    {
        var detection = Detect("image: ghcr.io/acme/app:1\nenv:\n  - {name: GOGC, value: '50'}\n  - {name: NODE_OPTIONS, value: x}");

        Assert.Equal(Runtime.Unknown, detection.Kind);
    }

    private static RuntimeDetection Detect(string fields)
    {
        var indented = string.Join('\n', fields.Split('\n').Select(l => "    " + l));
        return RuntimeDetector.Detect(ManifestBuilder.Pod($"containers:\n  - name: app\n{indented}").Container("app"));
    }
}
