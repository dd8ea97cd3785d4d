using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Fixes;

public class RuntimeFixesTests
{
    [Theory]
    [InlineData("1Gi", "921MiB", "614")]
    [InlineData("512Mi", "460MiB", "307")]
    [InlineData("2G", "1716MiB", "1144")]
    public void Values_ArePercentagesOfTheLimit_InTheRuntimesSyntax(string limit, string goMemLimit, string maxOldSpace)
    {
        Assert.True(Quantity.TryParse(limit, out var q, out _));

        Assert.Equal(goMemLimit, RuntimeFixes.GoMemLimit(q));
        Assert.Equal(maxOldSpace, RuntimeFixes.NodeMaxOldSpaceSize(q));
    }

    [Theory]
    [InlineData("value: \"-Xms256m -Xmx1g -XX:+UseG1GC\"", "value: \"-Xms256m -XX:MaxRAMPercentage=75.0 -XX:+UseG1GC\"")]
    [InlineData("value: -Xmx512m", "value: -XX:MaxRAMPercentage=75.0")]
    public void Xmx_IsReplacedInPlace(string line, string expected)
    {
        var node = (ScalarNode)((MappingNode)YamlFileLoader.Load("f", line).Documents[0].Root!)["value"]!;

        var fix = RuntimeFixes.ReplaceXmx(node);

        Assert.Equal(expected, FixApplier.Apply(line, [fix!]).Text);
    }
}
