using ManifestLint.Model.Runtimes;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class NodeOptionsTests
{
    [Theory]
    [InlineData("command: [node, server.js]\nenv:\n  - {name: NODE_OPTIONS, value: --max-old-space-size=1536}", "1536", "in NODE_OPTIONS")]
    [InlineData("command: [node, --max-old-space-size=700, server.js]\nenv:\n  - {name: NODE_OPTIONS, value: --max-old-space-size=4096}", "700", "on the node command line")]
    [InlineData("command: [node, --max-old-space-size=700, --max-old-space-size=900, server.js]", "900", "on the node command line")]
    [InlineData("command: [node, --max_old_space_size=512, server.js]", "512", "on the node command line")]
    [InlineData("command: [node, --max-old-space-size, '384', server.js]", "384", "on the node command line")]
    [InlineData("command: [node, -r, dotenv/config, --max-old-space-size=300, app.js]", "300", "on the node command line")]
    [InlineData("command: [/usr/local/bin/node, --max-old-space-size=$(HEAP_MIB), app.js]\nenv:\n  - {name: HEAP_MIB, value: '640'}", "640", "on the node command line")]
    [InlineData("command: [sh, -c, 'export NODE_OPTIONS=\"--max-old-space-size=256\"; exec node app.js']", "256", "in NODE_OPTIONS")]
    [InlineData("command: [sh, -c, 'exec node $NODE_ARGS app.js']\nenv:\n  - {name: NODE_ARGS, value: --max-old-space-size=320}", "320", "in $NODE_ARGS on the node command line")]
    [InlineData("command: [npm, start]\nenv:\n  - {name: NODE_OPTIONS, value: '--require ./otel.js --max-old-space-size 200'}", "200", "in NODE_OPTIONS")]
    public void MaxOldSpaceSize_FollowsNodePrecedence(string fields, string mib, string where)
    {
        var flag = Options(fields).HeapFlag;

        Assert.Equal(NodeFlagKind.MaxOldSpaceSize, flag?.Kind);
        Assert.Equal(decimal.Parse(mib, System.Globalization.CultureInfo.InvariantCulture), flag?.Value);
        Assert.Equal(where, flag?.Where);
    }

    [Theory]
    [InlineData("command: [node, app.js, --max-old-space-size=100]")]
    [InlineData("command: [node, --, app.js, --max-old-space-size=100]")]
    [InlineData("command: [node, -e, 'console.log(1)', app.js, --max-old-space-size=100]")]
    [InlineData("command: [./start.sh, --max-old-space-size=100]")]
    [InlineData("command: [node, --max-old-space-size=0, app.js]")]
    public void ArgumentsOfTheScript_OtherProgramsAndZero_DoNotSizeTheHeap(string fields)
    {
        Assert.Null(Options(fields).HeapFlag);
    }

    [Fact]
    public void Percentage_WinsOverTheSizeWhateverTheOrder()
    {
        var options = Options("command: [node, --max-old-space-size-percentage=60, --max-old-space-size=100, app.js]");

        Assert.Equal(NodeFlagKind.MaxOldSpaceSizePercentage, options.HeapFlag?.Kind);
        Assert.Equal(60m, options.HeapFlag?.Value);
        Assert.Equal(100m, options.MaxOldSpaceSize?.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("abc")]
    [InlineData("1%")]
    [InlineData("-5")]
    public void InvalidPercentage_IsKeptWithoutAValue(string value)
    {
        var options = Options($"command: [node, '--max-old-space-size-percentage={value}', app.js]");

        Assert.NotNull(options.HeapFlag);
        Assert.False(options.HeapFlag.IsValid);
    }

    [Theory]
    [InlineData("100", 100)]
    [InlineData("62.5", 62.5)]
    [InlineData("0.1", 0.1)]
    public void ValidPercentage_IsRead(string value, double expected)
    {
        Assert.Equal((decimal)expected, NodeOptions.ParseValue(NodeFlagKind.MaxOldSpaceSizePercentage, value));
    }

    [Fact]
    public void SizeThatIsNotWholeMiB_IsUnknown()
    {
        var options = Options("command: [node, --max-old-space-size=4GB, app.js]");

        Assert.Null(options.HeapFlag);
        Assert.False(options.IsComplete);
    }

    [Fact]
    public void NodeOptionsFromAConfigMap_IsUnknown_ButTheCommandLineComesAfterIt()
    {
        var options = Options("command: [node, --max-old-space-size=512, app.js]\nenv:\n  - name: NODE_OPTIONS\n    valueFrom:\n      configMapKeyRef: {name: node, key: options}");

        Assert.Equal(["NODE_OPTIONS (its value is not in the manifest)"], options.Unknown);
        Assert.True(options.IsSettled(options.HeapFlag!));
    }

    [Fact]
    public void UnknownCommandLineWord_AfterNodeOptions_MayOverrideIt()
    {
        var options = Options("command: [node, '$(EXTRA)', app.js]\nenv:\n  - {name: NODE_OPTIONS, value: --max-old-space-size=512}\n  - name: EXTRA\n    valueFrom:\n      secretKeyRef: {name: s, key: k}");

        Assert.False(options.IsSettled(options.HeapFlag!));
    }

    [Fact]
    public void UnknownValueOfAnotherOption_DoesNotBlurTheHeap()
    {
        var options = Options("command: [node, '--inspect=$(POD_IP):9229', --max-old-space-size=512, app.js]\nenv:\n  - name: POD_IP\n    valueFrom:\n      fieldRef: {fieldPath: status.podIP}");

        Assert.True(options.IsComplete);
        Assert.Equal(512m, options.HeapFlag?.Value);
    }

    [Fact]
    public void UnknownScript_EndsTheOptions()
    {
        var options = Options("command: [node, '$(ENTRY)', --max-old-space-size=100]\nenv:\n  - name: ENTRY\n    valueFrom:\n      configMapKeyRef: {name: app, key: entry}");

        Assert.Null(options.HeapFlag);
        Assert.False(options.IsComplete);
    }

    [Theory]
    [InlineData("image: node:20-alpine\nargs: [--max-old-space-size=300, server.js]", NodeLaunch.NodeCommand, "300")]
    [InlineData("image: node:20-alpine\nargs: [dist/server.mjs]", NodeLaunch.NodeCommand, null)]
    [InlineData("image: ghcr.io/acme/web:1\nargs: [--max-old-space-size=300, server.js]", NodeLaunch.Unseen, null)]
    [InlineData("image: node:20-alpine\ncommand: [docker-entrypoint.sh]\nargs: [--max-old-space-size=300, server.js]", NodeLaunch.Unseen, null)]
    [InlineData("image: node:20-alpine\nargs: [npm, start]", NodeLaunch.Launcher, null)]
    [InlineData("image: ghcr.io/acme/web:1\ncommand: [sh, -c, 'cd /app && yarn start']", NodeLaunch.Launcher, null)]
    [InlineData("image: ghcr.io/acme/web:1\ncommand: [pm2-runtime, ecosystem.config.js]", NodeLaunch.Launcher, null)]
    public void Launch_IncludesTheOfficialImageEntrypoint(string fields, NodeLaunch launch, string? mib)
    {
        var options = Options(fields);

        Assert.Equal(launch, options.Launch);
        Assert.Equal(mib, options.HeapFlag?.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static NodeOptions Options(string fields)
    {
        var indented = string.Join('\n', fields.Split('\n').Select(l => "    " + l));
        var yaml = fields.StartsWith("image:", StringComparison.Ordinal)
            ? $"containers:\n  - name: app\n{indented}"
            : $"containers:\n  - name: app\n    image: node:22\n{indented}";
        return NodeOptions.From(ManifestBuilder.Pod(yaml).Container("app"));
    }
}
