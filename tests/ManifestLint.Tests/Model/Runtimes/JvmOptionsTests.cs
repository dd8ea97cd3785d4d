using ManifestLint.Model.Runtimes;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class JvmOptionsTests
{
    [Theory]
    [InlineData("", "java -Xmx1g -jar a.jar", "command line")]
    [InlineData("JAVA_TOOL_OPTIONS: -Xmx2g", "java -Xmx1g -jar a.jar", "command line")]
    [InlineData("JAVA_TOOL_OPTIONS: -Xmx2g", "java -jar a.jar", "JAVA_TOOL_OPTIONS")]
    [InlineData("JDK_JAVA_OPTIONS: -Xmx2g", "java -Xmx1g -jar a.jar", "command line")]
    [InlineData("JAVA_TOOL_OPTIONS: -Xmx3g\nJDK_JAVA_OPTIONS: -Xmx2g", "java -jar a.jar", "JDK_JAVA_OPTIONS")]
    [InlineData("_JAVA_OPTIONS: -Xmx2g", "java -Xmx1g -jar a.jar", "_JAVA_OPTIONS")]
    [InlineData("JAVA_OPTS: -Xmx2g", "java -Xmx1g -jar a.jar", "command line")]
    [InlineData("JAVA_OPTS: -Xmx2g", "java -jar a.jar", null)]
    [InlineData("JAVA_TOOL_OPTIONS: -Xmx2g -Xmx3g", "java -jar a.jar", "JAVA_TOOL_OPTIONS")]
    public void MaxHeap_FollowsHotSpotPrecedence(string env, string command, string? winner)
    {
        var options = Options(env, command);
        var flag = options[JvmFlagKind.MaxHeapSize];

        Assert.Equal(winner, flag?.Where.Replace("in ", string.Empty, StringComparison.Ordinal).Replace("on the ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatedFlag_LastOneWins()
    {
        Assert.Equal(3L << 30, Options("JAVA_TOOL_OPTIONS: -Xmx2g -Xmx3g", string.Empty)[JvmFlagKind.MaxHeapSize]?.Bytes);
    }

    [Theory]
    [InlineData("java -jar app.jar -Xmx1g")]
    [InlineData("java com.example.Main -Xmx1g")]
    [InlineData("java -m app/com.example.Main -Xmx1g")]
    [InlineData("java -cp -Xmx1g com.example.Main")]
    [InlineData("/usr/local/bin/start-app -Xmx1g")]
    public void OptionsAfterTheMainClassOrForOtherPrograms_AreNotJvmOptions(string command)
    {
        Assert.Null(Options(string.Empty, command)[JvmFlagKind.MaxHeapSize]);
    }

    [Fact]
    public void JavaOptsExpandedByAScript_Counts()
    {
        var options = Options("JAVA_OPTS: -Xms1g -Xmx1g", "sh -c 'exec java $JAVA_OPTS -jar app.jar'");

        var flag = options[JvmFlagKind.MaxHeapSize];
        Assert.Equal("in $JAVA_OPTS on the command line", flag?.Where);
        Assert.Equal(1L << 30, flag?.Bytes);
    }

    [Fact]
    public void JdkJavaOptions_IsIgnoredByJava8()
    {
        var container = Container("JDK_JAVA_OPTIONS: -Xmx2g", "java -jar a.jar");

        Assert.Null(JvmOptions.From(container, version: new RuntimeVersion(8, Update: 372))[JvmFlagKind.MaxHeapSize]);
        Assert.NotNull(JvmOptions.From(container, version: new RuntimeVersion(11, 0, 20))[JvmFlagKind.MaxHeapSize]);
    }

    [Fact]
    public void QuotedOptionInAnEnvVariable_StaysOneWord()
    {
        var options = Options("JAVA_TOOL_OPTIONS: \"-Dgreeting='hello world' -Xmx1g\"", string.Empty);

        Assert.Equal(1L << 30, options[JvmFlagKind.MaxHeapSize]?.Bytes);
    }

    [Fact]
    public void UnmatchedQuoteInAnEnvVariable_IsUnknown()
    {
        var options = Options("JAVA_TOOL_OPTIONS: \"-Dx='a -Xmx1g\"", string.Empty);

        Assert.Null(options[JvmFlagKind.MaxHeapSize]);
        Assert.False(options.IsComplete);
    }

    [Fact]
    public void UnknownSourceAfterAFlag_MayOverrideIt()
    {
        var container = ManifestBuilder.Pod("""
            containers:
              - name: app
                image: eclipse-temurin:21
                command: [java, -Xmx1g, -jar, a.jar]
                env:
                  - name: JAVA_TOOL_OPTIONS
                    value: -Xss1m
                  - name: _JAVA_OPTIONS
                    valueFrom:
                      configMapKeyRef: {name: jvm, key: opts}
            """).Container("app");
        var options = JvmOptions.From(container);

        Assert.False(options.IsSettled(options[JvmFlagKind.MaxHeapSize]!));
        Assert.Equal(["_JAVA_OPTIONS (its value is not in the manifest)"], options.Unknown);
    }

    [Fact]
    public void UnknownSourceBeforeAFlag_CannotOverrideIt()
    {
        var options = Options("JAVA_OPTS: x", "java @/etc/jvm.args -Xmx1g -jar a.jar");

        Assert.True(options.IsSettled(options[JvmFlagKind.MaxHeapSize]!));
        Assert.Equal(["the argument file @/etc/jvm.args"], options.Unknown);
    }

    private static JvmOptions Options(string env, string command) => JvmOptions.From(Container(env, command));

    private static ManifestLint.Model.Kubernetes.Container Container(string env, string command)
    {
        var envYaml = env.Length == 0 ? string.Empty
            : "\n    env:\n" + string.Join('\n', env.Split('\n').Select(l => l.Split(": ", 2)).Select(p => $"      - name: {p[0]}\n        value: {Yaml(p[1])}"));
        var commandYaml = command.Length == 0 ? string.Empty
            : "\n    command: [" + string.Join(", ", ShellWords.Split(command).Words.Select(Yaml)) + "]";
        return ManifestBuilder.Pod($"containers:\n  - name: app\n    image: eclipse-temurin:21{commandYaml}{envYaml}").Container("app");
    }

    private static string Yaml(string value) => value.StartsWith('"') ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
