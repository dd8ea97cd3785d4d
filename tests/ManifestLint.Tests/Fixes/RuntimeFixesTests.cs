using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Fixes;

public class RuntimeFixesTests
{
    [Theory]
    [InlineData("value: \"-Xms256m -Xmx1g -XX:+UseG1GC\"", "value: \"-Xms256m -XX:MaxRAMPercentage=75.0 -XX:+UseG1GC\"")]
    [InlineData("value: -Xmx512m", "value: -XX:MaxRAMPercentage=75.0")]
    public void Xmx_IsReplacedInPlace(string line, string expected)
    {
        var node = (ScalarNode)((MappingNode)YamlFileLoader.Load("f", line).Documents[0].Root!)["value"]!;
        var xmx = node.Value.Split(' ').Single(t => t.StartsWith("-Xmx", StringComparison.Ordinal));

        var fix = RuntimeFixes.ReplaceToken(node, xmx, "-XX:MaxRAMPercentage=75.0", "Replace -Xmx with -XX:MaxRAMPercentage=75.0.");

        Assert.Equal(expected, FixApplier.Apply(line, [fix!]).Text);
    }
}
