using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Yaml;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class ContainerCommandLineTests
{
    public static TheoryData<string, string, string?> Programs() => new()
    {
        // command/args YAML lines, expected program words joined by '|', expected executable
        { "command: [java, -Xmx1g, -jar, app.jar]", "java|-Xmx1g|-jar|app.jar", "java" },
        { "command: [/opt/java/openjdk/bin/java]\nargs: [-jar, app.jar]", "/opt/java/openjdk/bin/java|-jar|app.jar", "java" },
        { "args: [java, -jar, app.jar]", "java|-jar|app.jar", "java" },
        { "command: [sh, -c, 'exec java -Xmx512m -jar /app.jar']", "java|-Xmx512m|-jar|/app.jar", "java" },
        { "command: [/bin/sh, -c]\nargs: ['cd /app && java -jar app.jar']", "java|-jar|app.jar", "java" },
        { "command: [bash, -ec, 'echo start; exec java -jar \"my app.jar\" > /dev/null 2>&1']", "java|-jar|my app.jar", "java" },
        { "command: [sh, -c, \"if [ -f /x ]; then exec node server.js; fi\"]", "node|server.js", "node" },
        { "command: [sh, -c, 'java -jar a.jar || echo failed']", "java|-jar|a.jar", "java" },
        { "command: [sh, -c, 'wait-for db:5432 && ./start.sh']", "./start.sh", "start.sh" },
        { "command: [/usr/bin/tini, --, java, -jar, a.jar]", "java|-jar|a.jar", "java" },
        { "command: [dumb-init, -v, /bin/sh, -c, 'exec java -jar a.jar']", "java|-jar|a.jar", "java" },
        { "command: [env, JAVA_TOOL_OPTIONS=-Xmx1g, java, -jar, a.jar]", "java|-jar|a.jar", "java" },
        { "command: [sh, /start.sh]", "sh|/start.sh", "sh" },
        { "command: [sh, -c, 'exec \"$@\"', --, java, -Xmx2g, -jar, a.jar]", "java|-Xmx2g|-jar|a.jar", "java" },
        { "command: [sh, -c, 'exec java $1 -jar a.jar', sh, -Xmx3g]", "java|-Xmx3g|-jar|a.jar", "java" },
        { "command: [python3, -m, gunicorn]", "python3|-m|gunicorn", "python3" },
        { "image: eclipse-temurin:21", "", null },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_IsWhatFinallyRuns(string fields, string expected, string? executable)
    {
        var commandLine = CommandLine(fields);

        Assert.Equal(expected, string.Join('|', commandLine.Program.Select(w => w.Text)));
        Assert.Equal(executable, commandLine.Executable);
    }

    [Fact]
    public void ArgsAndCommand_AreExpandedWithTheWholeEnv()
    {
        var commandLine = CommandLine("command: [java, '-Xmx$(HEAP)', '$$(HEAP)', '$(MISSING)']\nenv:\n  - {name: HEAP, value: 768m}");

        Assert.Equal(["java", "-Xmx768m", "$(HEAP)", "$(MISSING)"], commandLine.Argv.Select(w => w.Text));
        Assert.True(commandLine.IsComplete);
    }

    [Fact]
    public void EnvValues_SeeOnlyTheVariablesDefinedBeforeThem()
    {
        var commandLine = CommandLine("env:\n  - {name: B, value: 'x$(A)'}\n  - {name: A, value: '1'}\n  - {name: C, value: 'y$(A)'}");

        Assert.Equal("x$(A)", commandLine.Environment["B"]?.Value);
        Assert.Equal("y1", commandLine.Environment["C"]?.Value);
    }

    [Theory]
    [InlineData("exec java $JAVA_OPTS -jar app.jar", "java|-Xms1g|-Xmx1g|-jar|app.jar")]
    [InlineData("exec java ${JAVA_OPTS} -jar app.jar", "java|-Xms1g|-Xmx1g|-jar|app.jar")]
    [InlineData("exec java \"$JAVA_OPTS\" -jar app.jar", "java|-Xms1g -Xmx1g|-jar|app.jar")]
    [InlineData("exec java '$JAVA_OPTS' -jar app.jar", "java|$JAVA_OPTS|-jar|app.jar")]
    [InlineData("exec java $UNSET -jar app.jar", "java|-jar|app.jar")]
    [InlineData("exec java ${UNSET:--Xmx64m} -jar app.jar", "java|-Xmx64m|-jar|app.jar")]
    [InlineData("JAVA_OPTS=\"$JAVA_OPTS -Xss512k\"; exec java $JAVA_OPTS -jar app.jar", "java|-Xms1g|-Xmx1g|-Xss512k|-jar|app.jar")]
    [InlineData("X=-Xmx5g\nexec java $X -jar app.jar", "java|-Xmx5g|-jar|app.jar")]
    public void ShellVariables_AreExpandedFromTheContainerEnv(string script, string expected)
    {
        var commandLine = CommandLine($"command: [sh, -c, {Quote(script)}]\nenv:\n  - name: JAVA_OPTS\n    value: -Xms1g -Xmx1g");

        Assert.Equal(expected, string.Join('|', commandLine.Program.Select(w => w.Text)));
    }

    [Fact]
    public void WordsExpandedFromAnEnvVariable_PointAtThatVariablesValue()
    {
        var commandLine = CommandLine("command: [sh, -c, 'exec java $JAVA_OPTS -jar app.jar']\nenv:\n  - name: JAVA_OPTS\n    value: -Xmx1g");

        var flag = commandLine.Program[1];
        Assert.Equal("JAVA_OPTS", flag.Variable);
        Assert.Equal("-Xmx1g", Assert.IsType<ScalarNode>(flag.WrittenAt).Value);
    }

    [Fact]
    public void ExportInTheScript_ReachesTheProgramsEnvironment()
    {
        var commandLine = CommandLine("command: [sh, -c, 'export JAVA_TOOL_OPTIONS=\"-Xmx2g\"; exec java -jar a.jar']");

        Assert.Equal("-Xmx2g", commandLine.Environment["JAVA_TOOL_OPTIONS"]?.Value);
        Assert.Null(commandLine.Environment["JAVA_TOOL_OPTIONS"]?.Source);
    }

    [Fact]
    public void UnexportedShellVariable_DoesNotReachTheProgram()
    {
        var commandLine = CommandLine("command: [sh, -c, 'JAVA_TOOL_OPTIONS=-Xmx2g; exec java -jar a.jar']");

        Assert.Null(commandLine.Environment["JAVA_TOOL_OPTIONS"]);
    }

    [Fact]
    public void PrefixAssignment_ReachesOnlyThatCommand()
    {
        var commandLine = CommandLine("command: [sh, -c, 'GOGC=off ./server']");

        Assert.Equal("off", commandLine.Environment["GOGC"]?.Value);
    }

    [Fact]
    public void SecretValuedVariable_MakesTheWordUnknown()
    {
        var commandLine = CommandLine("command: [sh, -c, 'exec java $JAVA_OPTS -jar app.jar']\nenv:\n  - name: JAVA_OPTS\n    valueFrom:\n      secretKeyRef: {name: s, key: k}");

        Assert.False(commandLine.Program[1].IsKnown);
        Assert.False(commandLine.IsComplete);
    }

    [Fact]
    public void CommandSubstitution_MakesTheWordUnknown()
    {
        var commandLine = CommandLine("command: [sh, -c, 'exec java $(cat /etc/jvm.opts) -jar app.jar']");

        Assert.Equal("$(cat /etc/jvm.opts)", commandLine.Program[1].Text);
        Assert.False(commandLine.Program[1].IsKnown);
    }

    [Fact]
    public void UnterminatedQuoteInTheScript_IsIncomplete()
    {
        var commandLine = CommandLine("command: [sh, -c, 'exec java -jar \"app.jar']");

        Assert.Equal("java|-jar|app.jar", string.Join('|', commandLine.Program.Select(w => w.Text)));
        Assert.False(commandLine.IsComplete);
    }

    [Fact]
    public void NoCommand_UsesTheImageEntrypoint()
    {
        Assert.True(CommandLine("args: [java, -jar, a.jar]").UsesImageEntrypoint);
        Assert.False(CommandLine("command: [java, -jar, a.jar]").UsesImageEntrypoint);
    }

    [Fact]
    public void ResourceFieldRef_IsResolvedByTheCaller()
    {
        var pod = ManifestBuilder.Pod("""
            containers:
              - name: app
                image: golang:1.22
                env:
                  - name: LIMIT_MIB
                    valueFrom:
                      resourceFieldRef: {resource: limits.memory, divisor: 1Mi}
                  - name: GOMEMLIMIT
                    value: $(LIMIT_MIB)MiB
                resources:
                  limits: {memory: 1000Mi}
            """);
        var container = pod.Container("app");

        var commandLine = ContainerCommandLine.From(container, env => DownwardApi.Resolve(env, container, pod.PodSpec, pod.Effective));

        Assert.Equal("1000", commandLine.Environment["LIMIT_MIB"]?.Value);
        Assert.Equal("1000MiB", commandLine.Environment["GOMEMLIMIT"]?.Value);
    }

    private static ContainerCommandLine CommandLine(string fields)
    {
        var indented = string.Join('\n', fields.Split('\n').Select(l => "    " + l));
        var yaml = fields.StartsWith("image:", StringComparison.Ordinal)
            ? $"containers:\n  - name: app\n{indented}"
            : $"containers:\n  - name: app\n    image: example/app:1\n{indented}";
        return ContainerCommandLine.From(ManifestBuilder.Pod(yaml).Container("app"));
    }

    private static string Quote(string script) => "\"" + script.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
